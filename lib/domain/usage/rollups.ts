// Rollups of usage_events (see prisma/schema.prisma). usage_hourly and usage_daily hold, per bucket and dimension
// set, sums plus a latency histogram from which percentiles are estimated; usage_routing_daily holds, per day and
// what routing rules match on, the sums the routing what-if replays. Ingestion keeps them up to date
// incrementally (ingest.ts, with rollupUpsertCtes); REBUILD_ROLLUPS_SQL recomputes them whole.

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

// Histograms are added element by element; a shorter one (none should be) counts as zeros.
const addHistograms = (a: string, b: string) =>
  `ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(${a}, ${b}) WITH ORDINALITY AS h(x, y, n) ORDER BY n)`;

/** A column of a rollup's key, and its value for an event `e`. */
type Dimension = readonly [column: string, of: string];
/** A column of a rollup's sums, its aggregate over events `e`, and how an upsert adds a new sum to a row's. */
type Measure = readonly [column: string, of: string, add?: (row: string, added: string) => string];
const plus = (row: string, added: string) => `${row} + ${added}`;

const DAY: Dimension = ["day", "(e.occurred_at AT TIME ZONE 'UTC')::date"];
/** Dimensions that are the event's own columns. */
const asIs = (...columns: string[]) => columns.map((column): Dimension => [column, `e.${column}`]);
const TRAFFIC_DIMENSIONS = asIs("api_key_id", "provider", "model", "feature", "team");

// An unpriced event (cost NULL) adds nothing to cost_usd and is counted in unpriced_requests.
const COSTS: Measure[] = [
  ["requests", "count(*)"], ["input_tokens", "sum(e.input_tokens)"], ["output_tokens", "sum(e.output_tokens)"],
  ["cost_usd", "coalesce(sum(e.cost_usd), 0)"], ["unpriced_requests", "count(*) FILTER (WHERE e.cost_usd IS NULL)"],
];
const TRAFFIC: Measure[] = [
  ...COSTS, ["errors", "count(*) FILTER (WHERE e.status >= 400)"], ["latency_ms_sum", "sum(e.latency_ms)"],
  ["latency_histogram", histogramSql("e.latency_ms"), addHistograms],
];

/** A rollup: its table, its key beside tenant_id (the UTC bucket first), and its sums. */
interface Rollup {
  table: string;
  key: Dimension[];
  measures: Measure[];
}

const ROLLUPS: Rollup[] = [
  { table: "usage_hourly", key: [["hour", "date_trunc('hour', e.occurred_at, 'UTC')"], ...TRAFFIC_DIMENSIONS], measures: TRAFFIC },
  { table: "usage_daily", key: [DAY, ...TRAFFIC_DIMENSIONS], measures: TRAFFIC },
  // a request the gateway sent no requested model for asked for the model it was served
  { table: "usage_routing_daily", key: [DAY, ["requested_model", "coalesce(e.requested_model, e.model)"], ...asIs("feature", "team", "complexity")], measures: COSTS },
];

const names = (columns: readonly (Dimension | Measure)[]) => columns.map(([column]) => column).join(", ");
const columnsOf = ({ key, measures }: Rollup) => `tenant_id, ${names([...key, ...measures])}`;
/** What goes in each of columnsOf's columns for events `e`, but tenant_id. */
const valuesOf = ({ key, measures }: Rollup) => [...key, ...measures].map(([, of]) => of).join(", ");
/** The key's positions in the select list, for GROUP BY and ORDER BY. */
const keyPositions = ({ key }: Rollup) => Array.from({ length: key.length + 1 }, (_, i) => i + 1).join(", ");

/**
 * Statements that recompute the rollups of the tenants in $1 (uuid[]) from their raw events. Used by the demo
 * seed and as the reference the incremental rollups are checked against.
 */
export const REBUILD_ROLLUPS_SQL = [
  ...ROLLUPS.map(({ table }) => `DELETE FROM ${table} WHERE tenant_id = ANY($1::uuid[])`),
  ...ROLLUPS.map((rollup) => `INSERT INTO ${rollup.table} (${columnsOf(rollup)})
   SELECT e.tenant_id, ${valuesOf(rollup)}
   FROM usage_events e WHERE e.tenant_id = ANY($1::uuid[])
   GROUP BY ${keyPositions(rollup)}`),
];

/**
 * Data-modifying CTEs that add the events of the CTE `source` (rows shaped like usage_events) to the rollups.
 * Rows are upserted in key order, so concurrent batches lock rollup rows in one order and cannot deadlock.
 */
export function rollupUpsertCtes(source: string): string {
  return ROLLUPS.map((rollup) => `${rollup.table}_added AS (
    INSERT INTO ${rollup.table} AS r (${columnsOf(rollup)})
    SELECT e.tenant_id, ${valuesOf(rollup)}
    FROM ${source} e
    GROUP BY ${keyPositions(rollup)}
    ORDER BY ${keyPositions(rollup)}
    ON CONFLICT (tenant_id, ${names(rollup.key)}) DO UPDATE SET
      ${rollup.measures.map(([column, , add = plus]) => `${column} = ${add(`r.${column}`, `EXCLUDED.${column}`)}`).join(",\n      ")}
  )`).join(",\n");
}
