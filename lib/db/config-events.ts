// Configuration the gateway caches in every instance (API keys, routing; flags next) is evicted when it
// changes: the change NOTIFYs this channel inside its transaction, so the message goes out exactly when it
// commits. No zod here: the gateway's lean entry loads this module (tests/gateway/imports.test.ts).
import type { Tx } from "@/lib/db/mutation";

export const CONFIG_EVENTS_CHANNEL = "gatehouse_config_events";

/** The kinds of cached configuration; each kind's cache in the gateway says what its `id` names. */
/** api_key: `id` a key; routing: a tenant's routing rules or provider keys changed (`id` the rule or provider, or null) */
export const CONFIG_KINDS = ["api_key", "routing"] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

/**
 * One thing of a tenant changed (`id`: an API key revoked, rolled, its expiry moved), or, with `id: null`, every
 * thing of that kind of the tenant (frozen, archived, reactivated).
 */
export interface ConfigEvent {
  kind: ConfigKind;
  tenantId: string;
  id: string | null;
}

export async function notifyConfigEvent(tx: Tx, event: ConfigEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CONFIG_EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}

/** The event in a NOTIFY payload, or null for anything that is not one (the listener logs it and drops its cache). */
export function parseConfigEvent(payload: string | undefined): ConfigEvent | null {
  let event: unknown;
  try {
    event = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  if (typeof event !== "object" || event === null) return null;
  const { kind, tenantId, id } = event as Record<string, unknown>;
  if (!CONFIG_KINDS.includes(kind as ConfigKind) || typeof tenantId !== "string" || tenantId === "") return null;
  if (id !== null && (typeof id !== "string" || id === "")) return null;
  return { kind: kind as ConfigKind, tenantId, id };
}
