// A real deployment's first platform admin (README, "People and platform staff"): GATEHOUSE_BOOTSTRAP_ADMINS names
// GitHub logins, and while the platform has no enabled admin, one of them signing in is let in and made admin,
// audited (lib/auth/sign-in.ts, promoteBootstrapAdmin). Once an admin exists it does nothing.
import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/mutation";
import { isLocalDemo } from "@/lib/mode";

// GitHub's rule for a login: letters, digits and single inner hyphens, at most 39 characters.
const GITHUB_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

/** GATEHOUSE_BOOTSTRAP_ADMINS read: the logins it names, lowercased as GitHub compares them, and any entry that is no login. */
export function bootstrapAdminLogins(env: Record<string, string | undefined> = process.env): { logins: string[]; malformed: string[] } {
  const entries = (env.GATEHOUSE_BOOTSTRAP_ADMINS ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return {
    logins: entries.filter((entry) => GITHUB_LOGIN.test(entry)).map((entry) => entry.toLowerCase()),
    malformed: entries.filter((entry) => !GITHUB_LOGIN.test(entry)),
  };
}

export const isBootstrapLogin = (githubLogin: string) => bootstrapAdminLogins().logins.includes(githubLogin.toLowerCase());

/**
 * Whether `person` counts as one of the platform's admins: enabled, and someone who can sign in. Outside the local
 * demo the demo's people (negative GitHub ids, lib/mode.ts) cannot, and a database seeded by hand or before
 * 2026-12-03 holds its Ada Admin: she must neither stop the bootstrap nor stand in for the last real admin.
 */
export function countsAsAdmin(person: { staffRole: string | null; disabledAt: Date | null; githubId: bigint | null }): boolean {
  return person.staffRole === "admin" && person.disabledAt === null && (isLocalDemo() || (person.githubId ?? 0n) > 0n);
}

/** Whether the platform has an admin (countsAsAdmin): while it has none, the bootstrap acts. */
export async function hasEnabledAdmin(client: Pick<Tx, "user"> = db): Promise<boolean> {
  const where = { staffRole: "admin" as const, disabledAt: null, ...(isLocalDemo() ? {} : { githubId: { gt: 0n } }) };
  return (await client.user.findFirst({ where, select: { id: true } })) !== null;
}

/** Whether signing in as `githubLogin` now makes them the platform's first admin. */
export async function bootstrapWouldPromote(githubLogin: string): Promise<boolean> {
  return isBootstrapLogin(githubLogin) && !(await hasEnabledAdmin());
}

/**
 * What the server says once at start: whether the variable is malformed (`error`: the server stops), still
 * waiting for its first admin, or of no use any more and removable; or that a deployment has no admin at all.
 */
export async function bootstrapAdminsNotice(env: Record<string, string | undefined> = process.env): Promise<{ level: "error" | "warn" | "info"; message: string } | null> {
  const { logins, malformed } = bootstrapAdminLogins(env);
  if (malformed.length) {
    return { level: "error", message: `GATEHOUSE_BOOTSTRAP_ADMINS: ${malformed.map((entry) => JSON.stringify(entry)).join(", ")} is not a GitHub login; give comma-separated logins, e.g. "octocat,hubot".` };
  }
  const adminExists = await hasEnabledAdmin();
  if (logins.length && adminExists) {
    return { level: "info", message: "GATEHOUSE_BOOTSTRAP_ADMINS does nothing now that the platform has an admin: it can be removed." };
  }
  if (logins.length) return { level: "info", message: `no platform admin yet: the first of ${logins.join(", ")} to sign in becomes one (GATEHOUSE_BOOTSTRAP_ADMINS).` };
  if (!adminExists) return { level: "warn", message: "the platform has no admin: name the first in GATEHOUSE_BOOTSTRAP_ADMINS (README, \"People and platform staff\")." };
  return null;
}
