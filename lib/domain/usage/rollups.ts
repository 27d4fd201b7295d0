// Rollups of usage_events into usage_hourly and usage_daily (see prisma/schema.prisma). Both hold, per bucket
// and dimension set, sums plus a latency histogram from which percentiles are estimated.

/** Upper bounds (ms) of the latency histogram's buckets; a last, open bucket holds everything slower. */
export const LATENCY_BUCKETS_MS = [50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000] as const;

// width_bucket(x, bounds) is 0 below the first bound and n at or above the last: n + 1 buckets in all.
const histogramSql = (column: string) =>
  `ARRAY[${Array.from(
    { length: LATENCY_BUCKETS_MS.length + 1 },
    (_, i) => `count(*) FILTER (WHERE width_bucket(${column}, '{${LATENCY_BUCKETS_MS.join(",")}}'::int[]) = ${i})`,
  ).join(", ")}]::bigint[]`;

const sums = `count(*), count(*) FILTER (WHERE e.status >= 400), sum(e.input_tokens), sum(e.output_tokens),
  coalesce(sum(e.cost_usd), 0), count(*) FILTER (WHERE e.cost_usd IS NULL), sum(e.latency_ms), ${histogramSql("e.latency_ms")}`;
const columns = `api_key_id, provider, model, feature, team, requests, errors, input_tokens, output_tokens,
  cost_usd, unpriced_requests, latency_ms_sum, latency_histogram`;

/**
 * Statements that recompute both rollups of the tenants in $1 (uuid[]) from their raw events. Used by the demo
 * seed and as the reference the incremental rollups are checked against.
 */
export const REBUILD_ROLLUPS_SQL = [
  "DELETE FROM usage_hourly WHERE tenant_id = ANY($1::uuid[])",
  "DELETE FROM usage_daily WHERE tenant_id = ANY($1::uuid[])",
  `INSERT INTO usage_hourly (tenant_id, hour, ${columns})
   SELECT e.tenant_id, date_trunc('hour', e.occurred_at, 'UTC'), e.api_key_id, e.provider, e.model, e.feature, e.team, ${sums}
   FROM usage_events e WHERE e.tenant_id = ANY($1::uuid[])
   GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  `INSERT INTO usage_daily (tenant_id, day, ${columns})
   SELECT e.tenant_id, (e.occurred_at AT TIME ZONE 'UTC')::date, e.api_key_id, e.provider, e.model, e.feature, e.team, ${sums}
   FROM usage_events e WHERE e.tenant_id = ANY($1::uuid[])
   GROUP BY 1, 2, 3, 4, 5, 6, 7`,
];
