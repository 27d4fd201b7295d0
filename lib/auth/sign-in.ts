// Who may sign in, what a sign-in records (its refusals included), what signing in with a pending invitation does,
// and where a person lands afterwards.
import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/mutation";
import type { StaffRole } from "@/lib/db/generated/enums";
import { isLocalDemo } from "@/lib/mode";
import { displayName } from "@/lib/domain/members/queries";
import type { SignInRefusal } from "@/lib/domain/audit/events";
import { bootstrapWouldPromote, hasEnabledAdmin, isBootstrapLogin } from "./bootstrap";
import type { Actor } from "./principal";
import type { RequestOrigin } from "./request-origin";

/** Who is signing in, as GitHub says: the numeric id (the identity), the login, and the primary verified e-mail. */
export interface GithubIdentity {
  githubId: bigint;
  githubLogin: string;
  verifiedEmail: string | null;
}

export type SignInVerdict = { ok: true } | { ok: false; refusal: SignInRefusal };

const pendingFor = (email: string) => ({ email: email.toLowerCase(), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

/** The person signing in, as the actor of what their sign-in records. */
export function signInActor(
  user: { id: string; name: string | null; githubLogin: string | null; email: string | null; staffRole: StaffRole | null },
  origin: RequestOrigin,
  sessionId: string | null = null,
): Actor {
  return { type: "user", id: user.id, name: displayName(user), staffRole: user.staffRole, memberships: [], sessionId, ...origin };
}

/**
 * Whether `identity` may sign in now: with a membership, a staff role, a pending invitation for their verified
 * e-mail, or as a bootstrap admin while the platform has none (lib/auth/bootstrap.ts). Never while disabled, and
 * outside the local demo never with a GitHub id ≤ 0: demo identities carry those, and no real account does.
 */
export async function signInVerdict({ githubId, githubLogin, verifiedEmail }: GithubIdentity): Promise<SignInVerdict> {
  if (githubId <= 0n && !isLocalDemo()) return { ok: false, refusal: "demo_identity" };
  const user = await db.user.findUnique({
    where: { githubId },
    select: { staffRole: true, disabledAt: true, _count: { select: { memberships: true } } },
  });
  if (user?.disabledAt) return { ok: false, refusal: "disabled" };
  if (user && (user.staffRole || user._count.memberships > 0)) return { ok: true };
  if (await bootstrapWouldPromote(githubLogin)) return { ok: true };
  if (verifiedEmail === null) return { ok: false, refusal: "no_verified_email" };
  if ((await db.invitation.count({ where: pendingFor(verifiedEmail) })) > 0) return { ok: true };
  return { ok: false, refusal: "not_a_member" };
}

/** Records that `identity` was turned away, and why: a platform event, by them (their user row, when they have one). */
export async function recordSignInRefusal(identity: GithubIdentity, refusal: SignInRefusal, origin: RequestOrigin): Promise<void> {
  const user = await db.user.findUnique({ where: { githubId: identity.githubId } });
  const actor: Actor = user
    ? signInActor(user, origin)
    : { type: "user", id: null, name: identity.githubLogin, staffRole: null, memberships: [], sessionId: null, ...origin };
  await db.$transaction((tx) => writeAudit(tx, actor, {
    event: "user.sign_in_refused", isFailure: true, description: `sign-in refused: ${refusal}`,
    targetId: user?.id ?? null, targetName: actor.name,
    metadata: { reason: refusal, githubId: String(identity.githubId), githubLogin: identity.githubLogin, verifiedEmail: identity.verifiedEmail },
  }));
}

/**
 * Makes `userId`, just signed in as `identity`, a platform admin when GATEHOUSE_BOOTSTRAP_ADMINS names their login
 * and the platform still has no enabled admin: in one transaction with its event, which records the login, the
 * GitHub id it resolved to and "via bootstrap". Serialized, so two listed people signing in at once make one admin
 * (the other, let in, finds no access until that admin gives them a role). Whether it promoted them.
 */
export async function promoteBootstrapAdmin(userId: string, identity: GithubIdentity, origin: RequestOrigin): Promise<boolean> {
  if (!isBootstrapLogin(identity.githubLogin)) return false;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gatehouse.bootstrap_admin'))`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.disabledAt || (await hasEnabledAdmin(tx))) return false;
    const admin = await tx.user.update({ where: { id: userId }, data: { staffRole: "admin" } });
    await writeAudit(tx, signInActor(admin, origin), {
      event: "user.staff_role_changed", targetId: userId, targetName: displayName(admin),
      description: "first platform admin, via GATEHOUSE_BOOTSTRAP_ADMINS",
      before: { staffRole: user.staffRole }, after: { staffRole: "admin" },
      metadata: { via: "bootstrap", githubLogin: identity.githubLogin, githubId: String(identity.githubId) },
    });
    return true;
  });
}

/** Turns every pending invitation for `verifiedEmail` into a membership, each audited, in one transaction. */
export async function acceptPendingInvitations(userId: string, verifiedEmail: string | null, origin: RequestOrigin): Promise<void> {
  if (!verifiedEmail) return;
  await db.$transaction(async (tx) => {
    const invitations = await tx.invitation.findMany({ where: pendingFor(verifiedEmail) });
    const actor = signInActor(await tx.user.findUniqueOrThrow({ where: { id: userId } }), origin);
    for (const invitation of invitations) {
      await tx.membership.upsert({
        where: { tenantId_userId: { tenantId: invitation.tenantId, userId } },
        create: { tenantId: invitation.tenantId, userId, role: invitation.role },
        update: {},
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      await writeAudit(tx, actor, {
        event: "invitation.accepted", tenantId: invitation.tenantId, targetId: invitation.id,
        targetName: invitation.email, after: { role: invitation.role },
      });
    }
  });
}

/**
 * Where `actor` lands after signing in: the tenant an invitation accepted by this sign-in let them into, else
 * their only tenant unless they are staff, else the overview.
 */
export async function landingPath({ sessionId, staffRole }: Actor): Promise<string> {
  if (!sessionId) return "/";
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      createdAt: true,
      user: { select: { memberships: { select: { createdAt: true, tenant: { select: { slug: true } } }, orderBy: { createdAt: "desc" } } } },
    },
  });
  const [newest, ...others] = session.user.memberships;
  // acceptPendingInvitations runs after NextAuth has created the session, so a membership it made is newer
  if (newest && (newest.createdAt >= session.createdAt || (!staffRole && others.length === 0))) return `/t/${newest.tenant.slug}`;
  return "/";
}

/**
 * `callbackUrl` when it is a path of this site, else null: an absolute URL would make sign-in an open redirect,
 * and browsers read both `//host` and `/\host` as one.
 */
export function sameSitePath(callbackUrl: string | undefined): string | null {
  return callbackUrl !== undefined && /^\/(?![/\\])/.test(callbackUrl) ? callbackUrl : null;
}
