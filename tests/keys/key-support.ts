// What the API key tests (keys, revoke-roll, who-may-manage, key-channel) set their worlds up with and read back.
import { randomBytes } from "node:crypto";
import { createApiKey } from "../../lib/domain/keys/service";
import type { Actor } from "../../lib/auth/principal";
import type { MemberRole } from "../../lib/db/generated/enums";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";
import { auditOf } from "../support/audit";

export const db = testPrisma();

export { DAY_MS as DAY, HOUR_MS as HOUR } from "../support/time";

export async function tenantWith(role: MemberRole = "owner", data: Parameters<typeof tenantFor>[1] = {}) {
  const tenant = await tenantFor(db, data);
  const actor = await actorFor(db, { roles: { [tenant.id]: role } });
  return { tenant, actor };
}

export const createKey = (actor: Actor, tenantId: string, input: Record<string, unknown> = {}) =>
  issued(createApiKey(actor, { tenantId, name: "Production", scopes: ["proxy"], ...input }));

/** A key row written directly (for states the service will not produce, like an expiry in the past). */
export const rawKey = (tenantId: string, data: { name: string; expiresAt?: Date }) =>
  db.apiKey.create({ data: { tenantId, prefix: randomBytes(4).toString("hex"), hash: "$argon2id$v=19$test", scopes: ["proxy"], ...data } });

export const keyRow = (id: string) => db.apiKey.findUniqueOrThrow({ where: { id } });
export const failuresOf = (actor: Actor) => auditOf(db, { actorId: actor.id, isFailure: true });
export const keysOf = (tenantId: string) => db.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

/** A row as text, to search it (audit ids are bigints). */
export const asText = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** The part of a key after its lookup prefix: what must never be stored anywhere. */
export const secretOf = (key: string) => key.slice("gth_".length + 8 + 1);
