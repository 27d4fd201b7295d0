// Key verification caches (in every gateway instance) drop entries when a key or its tenant changes: the
// change NOTIFYs this channel inside its transaction, so the message goes out exactly when it commits.
import type { Tx } from "@/lib/db/mutation";

export const KEY_EVENTS_CHANNEL = "gatehouse_key_events";

/** A key changed (revoked, rolled, expiry moved), or everything of a tenant (frozen, archived, reactivated). */
export type KeyEvent = { keyId: string } | { tenantId: string };

export async function notifyKeyEvent(tx: Tx, event: KeyEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${KEY_EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}
