// What the audit trail tests of every mutation (mutations.test.ts, probes.test.ts) set their worlds up with.
import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma, uniqueSlug } from "../support/database";
import { actorFor } from "../support/actors";

export const db = testPrisma();

import { DAY_MS } from "../support/time";

export { DAY_MS };

export const project = (tenantId: string, name = "Main") => db.tenantProject.create({ data: { tenantId, name, slug: uniqueSlug("p") } });
export const invitation = (tenantId: string) =>
  db.invitation.create({ data: { tenantId, email: `${uniqueSlug("inv")}@example.test`, role: "member", tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 7 * DAY_MS) } });

export async function memberOf(tenantId: string, role: "member" | "viewer" = "member") {
  const person = await actorFor(db, { roles: { [tenantId]: role } });
  const membership = await db.membership.findFirstOrThrow({ where: { tenantId, userId: person.id! } });
  return { person, membership };
}

/** Every event `actor` wrote, oldest first. */
export const eventsBy = (actor: Actor) => db.auditLog.findMany({ where: { actorId: actor.id }, orderBy: { id: "asc" } });
