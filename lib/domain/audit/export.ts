// The export of exactly the filtered set, as CSV or JSON lines in Retraced's event shape, streamed: the keyset
// is read in batches and each batch is written before the next is read, so memory stays flat however many
// events there are.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Principal } from "@/lib/auth/principal";
import { auditWhere, keysetCondition, STORED_AT, type AuditFilters, type AuditScope } from "./queries";
import { readerColumns, type ReaderColumns } from "./reader-view";
import { csvLine } from "@/lib/csv";
import { CSV_COLUMNS, csvRow, jsonLine, toRetraced, type ExportRow } from "./retraced";

export type ExportFormat = "csv" | "jsonl";
export const EXPORT_BATCH_SIZE = 1_000;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

function readBatch(reader: ReaderColumns, where: Prisma.Sql, after: { at: string; id: string } | null, size: number) {
  return db.$queryRaw<ExportRow[]>`
    SELECT a.id::text AS "id", ${STORED_AT} AS "at", a.action,
      CASE WHEN a.chain LIKE 'tenant:%' THEN substr(a.chain, 8) END AS "groupId", t.name AS "groupName",
      a.actor_id AS "actorId", a.actor_name AS "actorName", a.actor_type::text AS "actorType", a.target_id AS "targetId",
      a.target_name AS "targetName", a.target_type AS "targetType", ${reader.sourceIp} AS "sourceIp",
      ${reader.description} AS "description", a.is_failure AS "isFailure", ${reader.metadata} AS "metadata"
    FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
    WHERE ${where} AND ${after ? keysetCondition({ direction: "older", ...after }) : Prisma.sql`TRUE`}
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT ${size}`;
}

/**
 * The events of `scope` matching `filters`, newest first, as chunks of text (one per batch), or null when the
 * principal may not read the scope. Events that arrive during the export are newer than its first batch and
 * are not in it. What a tenant's reader may not see (a staff actor's source IP, staff's internal notes) is withheld
 * as on the page (readerColumns).
 */
export async function exportAuditEvents(
  principal: Principal, scope: AuditScope, filters: AuditFilters, format: ExportFormat, batchSize = EXPORT_BATCH_SIZE,
): Promise<AsyncGenerator<string> | null> {
  const where = await auditWhere(principal, scope, filters);
  if (!where) return null;
  const reader = readerColumns(principal);
  return (async function* () {
    if (format === "csv") yield csvLine(CSV_COLUMNS);
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const rows = await readBatch(reader, where, after, batchSize);
      if (rows.length) yield rows.map((row) => (format === "csv" ? csvRow : jsonLine)(toRetraced(row))).join("");
      if (rows.length < batchSize) return;
      after = rows.at(-1)!;
    }
  })();
}

/** A byte stream that pulls one chunk from `chunks` whenever the reader wants more (a slow client slows the reads). */
export function toReadableStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  }, { highWaterMark: 0 });
}
