// Tamper evidence: every audit event is in a hash chain (one per tenant, one for platform events) that the
// database's insert trigger extends (migration 20261125090000_audit_integrity). Verifying a chain walks it in
// order, recomputing each hash here from the row's canonical content: an edited row no longer matches its
// hash, and a removed or inserted one breaks the link to the next.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { MutationResult } from "@/lib/db/mutation";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export const PLATFORM_CHAIN = "platform";

/** The chain of a tenant's events, or of platform events (tenantId null). */
export const chainOf = (tenantId: string | null) => (tenantId ? `tenant:${tenantId}` : PLATFORM_CHAIN);

export type ChainVerification =
  | { intact: true; checked: number }
  | { intact: false; checked: number; brokenAt: { id: string; createdAt: Date; reason: "hash mismatch" | "prev_hash mismatch" } };

interface ChainRow {
  id: string;
  seq: bigint;
  createdAt: Date;
  prevHash: Uint8Array | null;
  hash: Uint8Array;
  canonical: string;
}

const NO_HASH = Buffer.alloc(0);
const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) => (a === null || b === null ? a === b : Buffer.from(a).equals(b));

/**
 * Walks `chain` from its oldest event, `batchSize` rows at a time (constant memory at any length), and reports
 * the first event whose link or hash does not hold. The oldest event left after retention removed older ones
 * starts the walk with the prev_hash it has.
 */
export async function verifyChain(chain: string, { batchSize = 5_000 }: { batchSize?: number } = {}): Promise<ChainVerification> {
  let checked = 0;
  let previous: Uint8Array | null | undefined;
  let afterSeq = 0n;
  for (;;) {
    const rows = await db.$queryRaw<ChainRow[]>`
      SELECT a.id::text AS "id", a.seq, a.created_at AS "createdAt", a.prev_hash AS "prevHash", a.hash,
        audit_log_canonical(a) AS "canonical"
      FROM audit_log a WHERE a.chain = ${chain} AND a.seq > ${afterSeq}
      ORDER BY a.seq LIMIT ${batchSize}`;
    for (const row of rows) {
      // the chain's first event links to nothing; the first one left by retention to what it says
      const expectedPrev = previous === undefined ? (row.seq === 1n ? null : row.prevHash) : previous;
      const broken = (reason: "hash mismatch" | "prev_hash mismatch"): ChainVerification =>
        ({ intact: false, checked, brokenAt: { id: row.id, createdAt: row.createdAt, reason } });
      if (!sameBytes(row.prevHash, expectedPrev)) return broken("prev_hash mismatch");
      const expected = createHash("sha256").update(row.prevHash ?? NO_HASH).update(row.canonical, "utf8").digest();
      if (!expected.equals(row.hash)) return broken("hash mismatch");
      previous = row.hash;
      checked++;
    }
    if (rows.length < batchSize) return { intact: true, checked };
    afterSeq = rows.at(-1)!.seq;
  }
}

/** Every chain that has events (a skip scan of the (chain, seq) index: one probe per chain). */
export async function listChains(): Promise<string[]> {
  const rows = await db.$queryRaw<{ chain: string }[]>`
    WITH RECURSIVE chains AS (
      SELECT min(chain) AS chain FROM audit_log
      UNION ALL
      SELECT (SELECT min(chain) FROM audit_log WHERE chain > chains.chain) FROM chains WHERE chains.chain IS NOT NULL
    )
    SELECT chain FROM chains WHERE chain IS NOT NULL`;
  return rows.map((r) => r.chain);
}

const verifyInput = z.object({
  // a tenant's chain, or the platform's when empty
  tenantId: z.union([z.uuid("That is not a tenant id."), z.literal("")]).default(""),
});

export type ChainReport = ChainVerification & { chain: string };

/** Staff verify a tenant's chain, or the platform's. A read: nothing is written, so nothing is audited. */
export async function verifyAuditIntegrity(principal: Principal, input: unknown): Promise<MutationResult<ChainReport>> {
  if (!can(principal, "audit.read_platform", null)) return { ok: false, kind: "forbidden", message: "You do not have permission to do that." };
  const parsed = verifyInput.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "validation", message: "Some fields need attention.", fieldErrors: { tenantId: parsed.error.issues.map((i) => i.message) } };
  const chain = chainOf(parsed.data.tenantId || null);
  return { ok: true, data: { chain, ...(await verifyChain(chain)) } };
}
