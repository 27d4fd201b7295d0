// Encryption-key rotation: every provider key and webhook secret re-encrypted under the keyring's newest version
// (./secret-box.ts), one transaction per batch that also writes the batch's audit event and, for provider keys,
// evicts the gateway's routing caches of the tenants it touched. Resumable by construction: a row done is at the
// newest version and no longer selected, so a run after a crash takes up what is left. The older versions must
// stay in GATEHOUSE_ENCRYPTION_KEYS until a run reports nothing left. Run by `npm run secrets -- rotate`.
import "server-only";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { Prisma } from "@/lib/db/generated/client";
import { writeAudit, type Tx } from "@/lib/db/mutation";
import type { PrismaClient } from "@/lib/db/prisma";
import { newestKeyVersion, open, seal } from "./secret-box";

export const SECRET_TABLES = ["provider_configs", "webhooks"] as const;
export type SecretTable = (typeof SECRET_TABLES)[number];

interface SecretColumn {
  column: string;
  /** what one row holds, for messages: "provider key" */
  noun: string;
  store: (tx: Tx, id: string, ciphertext: Uint8Array<ArrayBuffer>, keyVersion: number) => Promise<unknown>;
}

const SECRET_COLUMNS: Record<SecretTable, SecretColumn> = {
  provider_configs: {
    column: "encrypted_api_key", noun: "provider key",
    store: (tx, id, encryptedApiKey, keyVersion) => tx.providerConfig.update({ where: { id }, data: { encryptedApiKey, keyVersion } }),
  },
  webhooks: {
    column: "encrypted_secret", noun: "webhook secret",
    store: (tx, id, encryptedSecret, keyVersion) => tx.webhook.update({ where: { id }, data: { encryptedSecret, keyVersion } }),
  },
};

/** One committed batch, as its audit event records it. */
export interface RotatedBatch {
  table: SecretTable;
  count: number;
  fromVersions: number[];
  toVersion: number;
}

export interface RotationOptions {
  /** rows per transaction */
  batchSize?: number;
  /** called after each batch commits; what it throws ends the run there (the batches before it stay done) */
  onBatch?: (batch: RotatedBatch) => void | Promise<void>;
  /** only these tenants' rows (tests share one database); every row by default */
  tenantIds?: string[];
  /** how long to wait for a row another transaction holds locked before leaving it to the next run */
  lockTimeoutMs?: number;
}

export interface RotationResult {
  providerKeys: number;
  webhookSecrets: number;
  batches: number;
  toVersion: number;
  /** rows still below toVersion because another transaction held them locked past lockTimeoutMs: run again */
  locked: { table: SecretTable; id: string }[];
}

/**
 * A row whose secret does not open (the run stops at its batch, naming the row, never its contents), or a keyring
 * older than the rows (the run does not start).
 */
export class RotationError extends Error {}

interface SealedRow {
  id: string;
  tenantId: string;
  ciphertext: Uint8Array<ArrayBuffer>;
  keyVersion: number;
}

// One batch is a few hundred milliseconds of work, plus at most one lock wait.
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Re-encrypts, table by table, every secret below the keyring's newest version, in batches of `batchSize` rows
 * each locked FOR UPDATE SKIP LOCKED, so a row a console edit holds is passed over rather than waited on. When a
 * pass finds nothing left but rows it skipped, it waits for the first of them (up to lockTimeoutMs), then goes
 * on; one still held is left at its version and named in `locked`.
 */
export async function rotateSecrets(
  db: PrismaClient,
  { batchSize = 100, onBatch, tenantIds, lockTimeoutMs = 5_000 }: RotationOptions = {},
): Promise<RotationResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number of at least 1, not ${batchSize}`);
  // (and a missing or malformed keyring is refused here, before any work)
  const toVersion = newestKeyVersion();
  const result: RotationResult = { providerKeys: 0, webhookSecrets: 0, batches: 0, toVersion, locked: [] };
  const tenantFilter = tenantIds ? Prisma.sql`AND tenant_id = ANY(${tenantIds}::uuid[])` : Prisma.empty;
  // A row above the newest version means this keyring is not the console's (an old copy): rotating "to" it would
  // report done while the console's newest version is elsewhere.
  const [{ newer }] = await db.$queryRaw<[{ newer: number }]>`
    SELECT ((SELECT count(*) FROM provider_configs WHERE key_version > ${toVersion} ${tenantFilter})
          + (SELECT count(*) FROM webhooks WHERE key_version > ${toVersion} ${tenantFilter}))::int AS newer`;
  if (newer) {
    throw new RotationError(`${newer} secret${newer === 1 ? " is" : "s are"} under a key version newer than ${toVersion}, the newest of this GATEHOUSE_ENCRYPTION_KEYS: run with the console's keyring`);
  }

  for (const table of SECRET_TABLES) {
    const { column, noun, store } = SECRET_COLUMNS[table];
    const selectBatch = (tx: Tx, limit: number, lock: Prisma.Sql) => tx.$queryRaw<SealedRow[]>`
      SELECT id::text AS id, tenant_id::text AS "tenantId", ${Prisma.raw(column)} AS ciphertext, key_version AS "keyVersion"
        FROM ${Prisma.raw(table)}
       WHERE key_version < ${toVersion} ${tenantFilter}
       ORDER BY id LIMIT ${limit} ${lock}`;

    const rotateBatch = (waitForLocked: boolean) => db.$transaction(async (tx) => {
      let rows: SealedRow[];
      if (waitForLocked) {
        // One row is enough: once it is had, the passes that skip locked rows take up the rest. The timeout is for
        // that row alone, not for the audit chain's lock taken below.
        await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, true)`;
        rows = await selectBatch(tx, 1, Prisma.sql`FOR UPDATE`);
        await tx.$executeRaw`SET LOCAL lock_timeout TO DEFAULT`;
      } else {
        rows = await selectBatch(tx, batchSize, Prisma.sql`FOR UPDATE SKIP LOCKED`);
      }
      if (!rows.length) return null;
      for (const row of rows) {
        const sealed = seal(openRow(table, row));
        await store(tx, row.id, sealed.ciphertext, sealed.keyVersion);
      }
      const batch: RotatedBatch = { table, count: rows.length, fromVersions: [...new Set(rows.map((row) => row.keyVersion))].sort((a, b) => a - b), toVersion };
      await writeAudit(tx, SYSTEM_ACTOR, {
        event: "keyring.rotated", targetName: "encryption keyring",
        description: `${rows.length} ${noun}${rows.length === 1 ? "" : "s"} re-encrypted under key version ${toVersion}`,
        metadata: batch,
      });
      if (table === "provider_configs") {
        for (const tenantId of new Set(rows.map((row) => row.tenantId))) await notifyConfigEvent(tx, { kind: "routing", tenantId, id: null });
      }
      return batch;
    }, { timeout: TRANSACTION_TIMEOUT_MS + lockTimeoutMs });

    for (;;) {
      let batch = await rotateBatch(false);
      if (!batch) {
        try {
          batch = await rotateBatch(true);
        } catch (error) {
          if (!isLockTimeout(error)) throw error;
          const held = await db.$queryRaw<{ id: string }[]>`
            SELECT id::text AS id FROM ${Prisma.raw(table)} WHERE key_version < ${toVersion} ${tenantFilter} ORDER BY id`;
          result.locked.push(...held.map(({ id }) => ({ table, id })));
        }
      }
      if (!batch) break;
      result.batches++;
      result[table === "provider_configs" ? "providerKeys" : "webhookSecrets"] += batch.count;
      await onBatch?.(batch);
    }
  }
  return result;
}

function openRow(table: SecretTable, row: SealedRow): string {
  try {
    return open(row);
  } catch (error) {
    // open()'s own messages name a missing version or a failed authentication, never the secret
    const reason = error instanceof Error ? error.message : String(error);
    throw new RotationError(`${table} row ${row.id} does not open under key version ${row.keyVersion} (${reason}); its batch was left as it was, the batches before it stay done`);
  }
}

/** Postgres's lock_not_available (55P03), as Prisma's driver adapter hands a failed raw query back. */
function isLockTimeout(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const adapterError = error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined;
  return adapterError?.cause?.originalCode === "55P03";
}
