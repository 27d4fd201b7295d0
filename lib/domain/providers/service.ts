// Upstream provider keys: add, edit (a new key, the base URL), make the default, remove. The key is sealed with
// AES-256-GCM before it is written (lib/crypto/secret-box.ts); only its last four characters are ever read back,
// by the console and by the audit log. Each change notifies the gateway's routing caches in its transaction.
import "server-only";
import { seal } from "@/lib/crypto/secret-box";
import { mutate, mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/principal";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { foundOr, scoped, tenantOrThrow } from "@/lib/domain/tenant-scope";
import { prismaQuery, rulesOf } from "@/lib/domain/routing/tenant-config";
import { providerLabel, type ProviderId } from "./catalog";
import { rulesNaming } from "./queries";
import { createProviderInput, missingBaseUrl, providerRefInput, updateProviderInput } from "./schemas";

type ProviderRow = Prisma.ProviderConfigGetPayload<object>;

/** What the service hands back: the provider as the console lists it, never the key. */
export interface SavedProvider {
  id: string;
  provider: string;
  keyLast4: string;
  baseUrl: string | null;
  isDefault: boolean;
}

const savedOf = ({ id, provider, keyLast4, baseUrl, isDefault }: ProviderRow): SavedProvider => ({ id, provider, keyLast4, baseUrl, isDefault });

/** The provider as the audit log records it whole: its last four characters, never the key. */
const stateOf = ({ provider, baseUrl, isDefault, keyLast4 }: ProviderRow) => ({ provider, baseUrl, isDefault, keyLast4 });

const sealedKey = (apiKey: string) => {
  const { ciphertext, keyVersion } = seal(apiKey);
  return { encryptedApiKey: ciphertext, keyVersion, keyLast4: apiKey.slice(-4) };
};

const creatorOf = (actor: Actor) => (actor.type === "user" ? actor.id : null);

const auditTarget = (row: ProviderRow) => ({ targetId: row.id, targetName: providerLabel(row.provider) });

/**
 * The tenant locked (a tenant's providers change one at a time, so "the default" stays one), then the provider,
 * only when it belongs to `tenantId`.
 */
async function lockProvider(tx: Tx, tenantId: string, providerId: string): Promise<ProviderRow> {
  await tenantOrThrow(tx, tenantId, { id: true }, { lock: true });
  return foundOr(tx.providerConfig.findFirst({ where: scoped(tx, tenantId).where({ id: providerId }) }), "That provider does not exist in this tenant.");
}

/** Makes `id` the tenant's only default provider. */
async function makeDefault(tx: Tx, tenantId: string, id: string) {
  await tx.providerConfig.updateMany({ where: scoped(tx, tenantId).where({ isDefault: true, id: { not: id } }), data: { isDefault: false } });
  return tx.providerConfig.update({ where: { id }, data: { isDefault: true } });
}

/** Adds a provider's key. The tenant's first provider is its default, whatever the box says. */
export function createProvider(actor: Actor, input: unknown) {
  return mutate(actor, {
    permission: "provider.manage", event: "provider.created",
    schema: createProviderInput,
    async execute(tx, { tenantId, provider, apiKey, baseUrl, isDefault }) {
      await tenantOrThrow(tx, tenantId, { id: true }, { lock: true });
      const existing = await tx.providerConfig.findMany({ where: scoped(tx, tenantId).where(), select: { provider: true } });
      if (existing.some((row) => row.provider === provider)) {
        const message = `${providerLabel(provider)} is already configured: edit it to replace its key.`;
        throw new MutationRefusal("conflict", message, { provider: [message] });
      }
      let row = await tx.providerConfig.create({ data: { tenantId, provider, baseUrl, ...sealedKey(apiKey), createdById: creatorOf(actor) } });
      if (isDefault || existing.length === 0) row = await makeDefault(tx, tenantId, row.id);
      await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
      return { data: savedOf(row), audit: { ...auditTarget(row), after: stateOf(row) } };
    },
  }, input);
}

/**
 * Replaces the key (when one is typed) and sets the base URL. The audit row names what changed: the last four
 * characters before and after, never the key.
 */
export const updateProvider = mutation({
  permission: "provider.manage", event: "provider.updated",
  schema: updateProviderInput, target: "providerId",
  async execute(tx, { tenantId, providerId, apiKey, baseUrl }) {
    const row = await lockProvider(tx, tenantId, providerId);
    const missing = missingBaseUrl(row.provider as ProviderId, baseUrl);
    if (missing) throw MutationRefusal.onField("baseUrl", missing);
    if (apiKey === undefined && baseUrl === row.baseUrl) {
      throw new MutationRefusal("validation", "Nothing to save: type a new key or change the base URL.", { _: ["Nothing to save: type a new key or change the base URL."] });
    }
    const updated = await tx.providerConfig.update({
      where: { id: row.id },
      data: { baseUrl, ...(apiKey === undefined ? {} : sealedKey(apiKey)) },
    });
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    if (apiKey !== undefined) [before.keyLast4, after.keyLast4] = [row.keyLast4, updated.keyLast4];
    if (baseUrl !== row.baseUrl) [before.baseUrl, after.baseUrl] = [row.baseUrl, updated.baseUrl];
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return {
      data: savedOf(updated),
      audit: { ...auditTarget(row), before, after, description: apiKey === undefined ? undefined : "The key was replaced." },
    };
  },
});

/** Makes a provider the tenant's default: the one that serves a bare model no configured provider has a price for. */
export const setDefaultProvider = mutation({
  permission: "provider.manage", event: "provider.updated",
  schema: providerRefInput, target: "providerId",
  async execute(tx, { tenantId, providerId }) {
    const row = await lockProvider(tx, tenantId, providerId);
    if (row.isDefault) throw new MutationRefusal("conflict", `${providerLabel(row.provider)} is already the default.`);
    const updated = await makeDefault(tx, tenantId, row.id);
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return { data: savedOf(updated), audit: { ...auditTarget(row), before: { isDefault: false }, after: { isDefault: true } } };
  },
});

/** Removes a provider's key; refused while a routing rule (enabled or not) sends requests to it. */
export const removeProvider = mutation({
  permission: "provider.manage", event: "provider.removed",
  schema: providerRefInput, target: "providerId",
  async execute(tx, { tenantId, providerId }) {
    const row = await lockProvider(tx, tenantId, providerId);
    const rules = rulesNaming(await rulesOf(prismaQuery(tx), tenantId), row.provider);
    if (rules.length) {
      const quoted = rules.map((name) => `“${name}”`).join(", ");
      throw new MutationRefusal("conflict", `${providerLabel(row.provider)} is named by the routing rule${rules.length === 1 ? "" : "s"} ${quoted}: change or delete ${rules.length === 1 ? "it" : "them"} first.`);
    }
    await tx.providerConfig.delete({ where: { id: row.id } });
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return { data: { id: row.id }, audit: { ...auditTarget(row), before: stateOf(row) } };
  },
});
