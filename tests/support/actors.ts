// Actors for service tests: real users and memberships in the shared test database.
import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/principal";
import type { MemberRole, StaffRole } from "../../lib/db/generated/enums";
import type { PrismaClient } from "../../lib/db/prisma";
import { uniqueSlug } from "./database";

let nextGithubId = Number.parseInt(randomBytes(3).toString("hex"), 16) * 1000;

/** A person with the given staff role and tenant roles, as the Actor a signed-in request would carry. */
export async function actorFor(db: PrismaClient, { staffRole = null, roles = {} }: { staffRole?: StaffRole | null; roles?: Record<string, MemberRole> } = {}): Promise<Actor> {
  const login = uniqueSlug("person");
  const user = await db.user.create({ data: { githubId: BigInt(nextGithubId++), githubLogin: login, name: login, email: `${login}@example.test`, staffRole } });
  for (const [tenantId, role] of Object.entries(roles)) await db.membership.create({ data: { tenantId, userId: user.id, role } });
  return {
    type: "user", id: user.id, name: login, staffRole,
    memberships: Object.entries(roles).map(([tenantId, role]) => ({ tenantId, role })),
    sessionId: null, sourceIp: "192.0.2.1", userAgent: "vitest",
  };
}

/** A tenant in the shared database (active customer unless told otherwise). */
export function tenantFor(db: PrismaClient, data: Partial<Parameters<PrismaClient["tenant"]["create"]>[0]["data"]> = {}) {
  return db.tenant.create({ data: { slug: uniqueSlug("t"), name: "Test tenant", status: "active", ...data } });
}

/** A tenant (as tenantFor makes it, with `data` over the defaults) and an owner of it. */
export async function tenantWithOwner(db: PrismaClient, data: Parameters<typeof tenantFor>[1] = {}) {
  const tenant = await tenantFor(db, data);
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  return { tenant, owner };
}
