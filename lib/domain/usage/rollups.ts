// Rollups of usage_events into usage_hourly and usage_daily (see prisma/schema.prisma). Both hold, per bucket
// and dimension set, sums plus a latency histogram from which percentiles are estimated. Ingestion keeps them
// up to date incrementally (ingest.ts, with ROLLUP_UPSERT_SQL); REBUILD_ROLLUPS_SQL recomputes them whole.

/** Upper bounds (ms) of the latency histogram's buckets; a last, open bucket holds everything slower. */
export const LATENCY_BUCKETS_MS = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000] as const;

/** Buckets in a histogram: one per bound plus the open one. */
export const HISTOGRAM_LENGTH = LATENCY_BUCKETS_MS.length + 1;

// width_bucket(x, bounds) is 0 below the first bound and n at or above the last: n + 1 buckets in all.
const histogramSql = (column: string) =>
  `ARRAY[${Array.from(
    { length: HISTOGRAM_LENGTH },
    (_, i) => `count(*) FILTER (WHERE width_bucket(${column}, '{${LATENCY_BUCKETS_MS.join(",")}}'::int[]) = ${i})`,
  ).join(", ")}]::bigint[]`;

const sums = `count(*), count(*) FILTER (WHERE e.status >= 400), sum(e.input_tokens), sum(e.output_tokens),
  coalesce(sum(e.cost_usd), 0), count(*) FILTER (WHERE e.cost_usd IS NULL), sum(e.latency_ms), ${histogramSql("e.latency_ms")}`;
const columns = `api_key_id, provider, model, feature, team, requests, errors, input_tokens, output_tokens,
  cost_usd, unpriced_requests, latency_ms_sum, latency_histogram`;

/** Each rollup: its table, its bucket column, and the bucket of an event `e` (UTC). */
const ROLLUPS = [
  { table: "usage_hourly", bucket: "hour", of: "date_trunc('hour', e.occurred_at, 'UTC')" },
  { table: "usage_daily", bucket: "day", of: "(e.occurred_at AT TIME ZONE 'UTC')::date" },
] as const;

const KEY = (bucket: string) => `tenant_id, ${bucket}, api_key_id, provider, model, feature, team`;

/**
 * Statements that recompute both rollups of the tenants in $1 (uuid[]) from their raw events. Used by the demo
 * seed and as the reference the incremental rollups are checked against.
 */
export const REBUILD_ROLLUPS_SQL = [
  ...ROLLUPS.map(({ table }) => `DELETE FROM ${table} WHERE tenant_id = ANY($1::uuid[])`),
  ...ROLLUPS.map(({ table, bucket, of }) => `INSERT INTO ${table} (tenant_id, ${bucket}, ${columns})
   SELECT e.tenant_id, ${of}, e.api_key_id, e.provider, e.model, e.feature, e.team, ${sums}
   FROM usage_events e WHERE e.tenant_id = ANY($1::uuid[])
   GROUP BY 1, 2, 3, 4, 5, 6, 7`),
];

// Histograms are added element by element; a shorter one (none should be) counts as zeros.
const addHistograms = (a: string, b: string) =>
  `ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(${a}, ${b}) WITH ORDINALITY AS h(x, y, n) ORDER BY n)`;

/**
 * Data-modifying CTEs that add the events of the CTE `source` (rows shaped like usage_events) to both rollups.
 * Rows are upserted in key order, so concurrent batches lock rollup rows in one order and cannot deadlock.
 */
export function rollupUpsertCtes(source: string): string {
  return ROLLUPS.map(({ table, bucket, of }) => `${table}_added AS (
    INSERT INTO ${table} AS r (tenant_id, ${bucket}, ${columns})
    SELECT e.tenant_id, ${of}, e.api_key_id, e.provider, e.model, e.feature, e.team, ${sums}
    FROM ${source} e
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (${KEY(bucket)}) DO UPDATE SET
      requests = r.requests + EXCLUDED.requests,
      errors = r.errors + EXCLUDED.errors,
      input_tokens = r.input_tokens + EXCLUDED.input_tokens,
      output_tokens = r.output_tokens + EXCLUDED.output_tokens,
      cost_usd = r.cost_usd + EXCLUDED.cost_usd,
      unpriced_requests = r.unpriced_requests + EXCLUDED.unpriced_requests,
      latency_ms_sum = r.latency_ms_sum + EXCLUDED.latency_ms_sum,
      latency_histogram = ${addHistograms("r.latency_histogram", "EXCLUDED.latency_histogram")}
  )`).join(",\n");
}
