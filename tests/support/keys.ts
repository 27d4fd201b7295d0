// API keys for tests: issued through the keys service when a test needs the whole key of a real one, or written
// as bare rows when it needs only the row.
import { randomBytes } from "node:crypto";
import type { Prisma } from "../../lib/db/generated/client";
import type { MutationResult } from "../../lib/db/mutation";
import type { PrismaClient } from "../../lib/db/prisma";
import type { IssuedKey } from "../../lib/domain/keys/service";

/** The key a create or roll issued; throws on a refusal, naming it. */
export async function issued(pending: Promise<MutationResult<IssuedKey>>): Promise<IssuedKey> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
  return result.data;
}

/** Where a key row's argon2id hash goes when no test presents the key: it has the shape the database checks. */
export const UNVERIFIABLE_KEY_HASH = "$argon2id$v=19$test";

/**
 * An API key row written directly, without the keys service: for states it does not produce (expired, rolled) and
 * for rows whose key nobody presents. Its prefix is 8 characters, as a real key's lookup id; `data` goes over the defaults.
 */
export const keyRowFor = (db: PrismaClient, tenantId: string, data: Partial<Omit<Prisma.ApiKeyUncheckedCreateInput, "tenantId">> = {}) =>
  db.apiKey.create({ data: { tenantId, name: "key", prefix: randomBytes(4).toString("hex"), hash: UNVERIFIABLE_KEY_HASH, ...data } });
