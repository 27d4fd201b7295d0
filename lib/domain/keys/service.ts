// API keys: create, revoke and roll. The plaintext key exists only in the result of create and roll: the
// database holds the lookup prefix and an argon2id hash, and audit rows name the key by its prefix.
import "server-only";
import { formatDay } from "@/lib/format-time";
import { hash, type Algorithm } from "@node-rs/argon2";
import { mutate, mutation, MutationRefusal, type MutationResult, type Tx } from "@/lib/db/mutation";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/principal";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { escapeLike } from "@/lib/db/like";
import { foundOr, scoped, tenantOrThrow } from "@/lib/domain/tenant-scope";
import { generateKey } from "./format";
import { apiKeyStatusWhere } from "./queries";
import { createKeyInput, revokeKeyInput, rollKeyInput, ROLL_GRACE_MS } from "./schemas";

// Algorithm is an ambient const enum, which isolatedModules cannot read at run time; the type checks the value.
const ARGON2ID: Algorithm.Argon2id = 2;
// OWASP's recommended argon2id parameters: 19 MiB, 2 passes, 1 lane.
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** What create and roll hand back: the only place the whole key ever exists. */
export interface IssuedKey {
  id: string;
  key: string;
  prefix: string;
}

interface NewKey {
  key: string;
  prefix: string;
  hash: string;
}

/** The lookup prefix is already in force on another key (api_keys_active_prefix_key). */
class PrefixTaken extends Error {}

/**
 * Runs `mutation` with a newly generated key, hashed before the transaction opens (argon2 takes tens of
 * milliseconds; interactive transactions time out after 5 s). A prefix collision with a key in force, about
 * one chance in 62^8 per such key, gets one more try with another key.
 */
async function withNewKey<T>(mutation: (key: NewKey) => Promise<MutationResult<T>>): Promise<MutationResult<T>> {
  for (let attempt = 1; ; attempt++) {
    const { key, prefix } = generateKey();
    try {
      return await mutation({ key, prefix, hash: await hash(key, HASH_OPTIONS) });
    } catch (error) {
      if (!(error instanceof PrefixTaken)) throw error;
      if (attempt === 2) return { ok: false, kind: "conflict", message: "No unique key id could be drawn. Try again." };
    }
  }
}

async function insertKey(tx: Tx, data: Prisma.ApiKeyUncheckedCreateInput) {
  try {
    return await tx.apiKey.create({ data });
  } catch (error) {
    // a new row sets no rolled_to_id, so the active prefix is the only unique index it can violate
    if ((error as { code?: unknown }).code === "P2002") throw new PrefixTaken();
    throw error;
  }
}

/** The user who made the key; service and system actors are not users. */
const creatorOf = (actor: Actor) => (actor.type === "user" ? actor.id : null);

/**
 * The key, only when it belongs to `tenantId` (another tenant's key is not found, not forbidden), locked until
 * the transaction ends so that two revokes or rolls of one key cannot both apply.
 */
async function lockKey(tx: Tx, tenantId: string, keyId: string) {
  const tenant = scoped(tx, tenantId);
  await tenant.lock("api_keys", keyId);
  return foundOr(tenant.apiKey(keyId), "That key does not exist in this tenant.");
}

type KeyRow = Awaited<ReturnType<typeof lockKey>>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

const auditTarget = (key: KeyRow) =>
  ({ projectId: key.projectId, targetId: key.id, targetName: key.name });

/** Everything about a new key but its secret: the prefix is the lookup id the console shows anyway. */
const auditedSettings = (key: KeyRow) => ({
  name: key.name, scopes: key.scopes, prefix: key.prefix, projectId: key.projectId, product: key.product, expiresAt: iso(key.expiresAt),
});

/**
 * Refuses `name` when a live key (active or expiring) of the tenant has it, whatever its case. Only a roll gives two
 * live keys one name: the successor, while the old key runs out its grace period.
 */
async function refuseLiveName(tx: Tx, tenantId: string, name: string) {
  const now = new Date();
  const taken = await tx.apiKey.findFirst({
    where: scoped(tx, tenantId).where({
      // Prisma's case-insensitive equals is an ILIKE: the name's own _ and % must match only themselves
      name: { equals: escapeLike(name), mode: "insensitive" as const },
      OR: [apiKeyStatusWhere("active", now), apiKeyStatusWhere("expiring", now)],
    }),
    select: { name: true },
  });
  if (taken) {
    const message = `A key in force is already named ${taken.name}: choose another name, or roll that key to replace it.`;
    throw new MutationRefusal("conflict", message, { name: [message] });
  }
}

/** Creates a key and returns it whole, once; only its prefix and argon2id hash are stored. */
export function createApiKey(actor: Actor, input: unknown): Promise<MutationResult<IssuedKey>> {
  return withNewKey((newKey) => mutate(actor, {
    permission: "api_key.create", event: "api_key.created",
    schema: createKeyInput,
    async execute(tx, { tenantId, name, scopes, projectId, product, expiresAt }) {
      // locked: two creates of one name at once are serialized, and the second one sees the first one's key
      const tenant = await tenantOrThrow(tx, tenantId, { name: true, status: true }, { lock: true });
      if (tenant.status === "archived") throw new MutationRefusal("conflict", `${tenant.name} is archived: it can have no keys.`);
      await refuseLiveName(tx, tenantId, name);
      if (projectId && !(await scoped(tx, tenantId).project(projectId, { status: "active" }))) {
        throw MutationRefusal.onField("projectId", "Choose one of this tenant's active projects.");
      }
      const key = await insertKey(tx, {
        tenantId, name, scopes, projectId: projectId ?? null, product: product ?? null, expiresAt: expiresAt ?? null,
        prefix: newKey.prefix, hash: newKey.hash, createdById: creatorOf(actor),
      });
      return {
        data: { id: key.id, key: newKey.key, prefix: key.prefix },
        audit: { ...auditTarget(key), after: auditedSettings(key) },
      };
    },
  }, input));
}

/** Revokes a key at once: the gateway refuses it from the moment this commits. */
export const revokeApiKey = mutation({
  permission: "api_key.revoke", event: "api_key.revoked",
  schema: revokeKeyInput, target: "keyId",
  async execute(tx, { tenantId, keyId }) {
    const key = await lockKey(tx, tenantId, keyId);
    if (key.revokedAt) throw new MutationRefusal("conflict", `${key.name} was already revoked on ${formatDay(key.revokedAt)}.`);
    const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await notifyConfigEvent(tx, { kind: "api_key", tenantId, id: key.id });
    return {
      data: { id: revoked.id, revokedAt: revoked.revokedAt! },
      audit: {
        ...auditTarget(key),
        before: { revokedAt: null }, after: { revokedAt: iso(revoked.revokedAt) }, metadata: { prefix: key.prefix },
      },
    };
  },
});

/**
 * Replaces a key with a successor of the same name, scopes, project, product and expiry, and returns the
 * successor whole, once. The old key keeps working for the grace period (never past its own expiry), or is
 * revoked at once with grace "none"; either way it points to its successor.
 */
export function rollApiKey(actor: Actor, input: unknown): Promise<MutationResult<IssuedKey>> {
  return withNewKey((newKey) => mutate(actor, {
    permission: "api_key.create", event: "api_key.rolled",
    schema: rollKeyInput, target: "keyId",
    async execute(tx, { tenantId, keyId, grace }) {
      const old = await lockKey(tx, tenantId, keyId);
      const now = new Date();
      if (old.revokedAt) throw new MutationRefusal("conflict", `${old.name} is revoked: create a new key instead.`);
      if (old.rolledToId) throw new MutationRefusal("conflict", `${old.name} was already rolled: roll its successor instead.`);
      if (old.expiresAt && old.expiresAt <= now) throw new MutationRefusal("conflict", `${old.name} has expired: create a new key instead.`);

      const successor = await insertKey(tx, {
        tenantId, name: old.name, scopes: old.scopes, projectId: old.projectId, product: old.product, expiresAt: old.expiresAt,
        prefix: newKey.prefix, hash: newKey.hash, createdById: creatorOf(actor),
      });
      const graceEnds = new Date(now.getTime() + ROLL_GRACE_MS[grace]);
      const rolled = await tx.apiKey.update({
        where: { id: old.id },
        data: grace === "none"
          ? { rolledToId: successor.id, revokedAt: now }
          : { rolledToId: successor.id, expiresAt: old.expiresAt && old.expiresAt < graceEnds ? old.expiresAt : graceEnds },
      });
      await notifyConfigEvent(tx, { kind: "api_key", tenantId, id: old.id });
      return {
        data: { id: successor.id, key: newKey.key, prefix: successor.prefix },
        audit: {
          ...auditTarget(old),
          before: { expiresAt: iso(old.expiresAt), revokedAt: null, rolledToId: null },
          after: { expiresAt: iso(rolled.expiresAt), revokedAt: iso(rolled.revokedAt), rolledToId: successor.id },
          metadata: {
            successorId: successor.id, successorPrefix: successor.prefix, grace,
            ...(grace === "none" ? { oldKeyRevokedAt: iso(rolled.revokedAt) } : { oldKeyExpiresAt: iso(rolled.expiresAt) }),
          },
        },
      };
    },
  }, input));
}
