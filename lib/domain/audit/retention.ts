// Retention: events older than their chain's retention (the tenant's audit_retention_days, 400 days for
// platform events) are removed, by this job only. The append-only trigger lets a DELETE through only inside a
// transaction that set gatehouse.audit_retention, and only for a row that old. Run by `npm run audit -- retention`.
import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/mutation";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";

export interface RetentionResult {
  deleted: number;
  /** per chain that lost events: how many, and the seq of its oldest event left */
  chains: { chain: string; deleted: number; keptFromSeq: number }[];
}

// Removing a large backlog can take longer than an interactive transaction's default 5 s.
const TRANSACTION_TIMEOUT_MS = 600_000;

/**
 * Removes, in one transaction, each chain's oldest events up to its first event still within retention, and
 * records that it ran (audit_log.retention_applied, with the counts) in that transaction. Only a chain's leading
 * run of old events goes, and never its newest event, so what stays is one unbroken chain that verifies.
 */
export function applyAuditRetention(): Promise<RetentionResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('gatehouse.audit_retention', 'on', true)`;
    const rows = await tx.$queryRaw<{ chain: string; deleted: number; keptFromSeq: number }[]>`
      WITH RECURSIVE chains AS (
        SELECT min(chain) AS chain FROM audit_log
        UNION ALL
        SELECT (SELECT min(chain) FROM audit_log WHERE chain > chains.chain) FROM chains WHERE chains.chain IS NOT NULL
      ), bounds AS (
        SELECT c.chain, LEAST(head.seq, coalesce(recent.seq, head.seq)) AS kept_from
        FROM chains c
        CROSS JOIN LATERAL (SELECT max(seq) AS seq FROM audit_log WHERE chain = c.chain) head
        CROSS JOIN LATERAL (
          SELECT min(seq) AS seq FROM audit_log
          WHERE chain = c.chain AND created_at >= now() - make_interval(days => audit_log_retention_days(c.chain))
        ) recent
        WHERE c.chain IS NOT NULL
      ), removed AS (
        DELETE FROM audit_log a USING bounds b WHERE a.chain = b.chain AND a.seq < b.kept_from RETURNING a.chain
      )
      SELECT b.chain, count(*)::int AS "deleted", b.kept_from::int AS "keptFromSeq"
      FROM removed r JOIN bounds b USING (chain)
      GROUP BY b.chain, b.kept_from ORDER BY b.chain`;
    await tx.$executeRaw`SELECT set_config('gatehouse.audit_retention', 'off', true)`;
    const deleted = rows.reduce((sum, row) => sum + row.deleted, 0);
    await writeAudit(tx, SYSTEM_ACTOR, {
      event: "audit_log.retention_applied", targetName: "audit log",
      description: `${deleted} event${deleted === 1 ? "" : "s"} older than their retention removed`,
      metadata: { deleted, chains: rows },
    });
    return { deleted, chains: rows };
  }, { timeout: TRANSACTION_TIMEOUT_MS });
}
