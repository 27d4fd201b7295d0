// Reading the rollups: the window a range is widened to, the SQL over the hourly and daily rows that cover it,
// and the sums every figure is computed from. Shared by the tenant dashboard, the budget and the staff views.
import { Prisma } from "@/lib/db/generated/client";
import { isoDay } from "@/lib/domain/bounds";
import { HISTOGRAM_LENGTH } from "../rollups";
import { addHistograms, percentileMs } from "../percentiles";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const HOURLY_UP_TO_MS = 48 * HOUR_MS;
const MAX_RANGE_DAYS = 400;
const MONEY_PLACES = 10;

export interface UsageFigures {
  spendUsd: string;
  requests: number;
  errors: number;
  /** errors / requests, 0 without requests */
  errorRate: number;
  inputTokens: number;
  outputTokens: number;
  /** requests whose model had no price: their cost is not in spendUsd */
  unpricedRequests: number;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
}

export type Unit = "hour" | "day";

const floorTo = (date: Date, ms: number) => new Date(Math.floor(date.getTime() / ms) * ms);
export const ceilTo = (date: Date, ms: number) => new Date(Math.ceil(date.getTime() / ms) * ms);

/** [from, to) widened to whole hours, and the bucket its series uses. */
export function usageWindow(from: Date, to: Date): { from: Date; to: Date; unit: Unit } {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError("The range needs valid dates.");
  const start = floorTo(from, HOUR_MS);
  const end = ceilTo(to, HOUR_MS);
  if (end <= start) throw new RangeError("The range must end after it starts.");
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new RangeError(`The range may span at most ${MAX_RANGE_DAYS} days.`);
  return { from: start, to: end, unit: end.getTime() - start.getTime() <= HOURLY_UP_TO_MS ? "hour" : "day" };
}

/**
 * A query over the rollup rows covering [from, to) (whole hours), each with the start of the `unit` bucket it
 * falls in, and `columns` of the rollup (SQL written here, never input). One tenant's rows, or every tenant's
 * when tenantId is null.
 */
export function rollupRows({ from, to, unit, tenantId, columns }: { from: Date; to: Date; unit: Unit; tenantId: string | null; columns: Prisma.Sql }): Prisma.Sql {
  const tenant = tenantId ? Prisma.sql`tenant_id = ${tenantId}::uuid AND ` : Prisma.empty;
  const bucket = unit === "hour" ? Prisma.sql`hour` : Prisma.sql`date_trunc('day', hour, 'UTC')`;
  const hourly = (a: Date, b: Date) =>
    Prisma.sql`SELECT ${bucket} AS bucket, ${columns} FROM usage_hourly
     WHERE ${tenant}hour >= ${a.toISOString()}::timestamptz AND hour < ${b.toISOString()}::timestamptz`;
  const firstDay = ceilTo(from, DAY_MS);
  const lastDay = floorTo(to, DAY_MS);
  if (unit === "hour" || firstDay >= lastDay) return hourly(from, to);
  const parts = [
    Prisma.sql`SELECT day::timestamp AT TIME ZONE 'UTC' AS bucket, ${columns} FROM usage_daily
     WHERE ${tenant}day >= ${isoDay(firstDay)}::date AND day < ${isoDay(lastDay)}::date`,
  ];
  if (from < firstDay) parts.push(hourly(from, firstDay));
  if (lastDay < to) parts.push(hourly(lastDay, to));
  return Prisma.join(parts, "\nUNION ALL\n");
}

export const MEASURES = Prisma.raw("requests, errors, input_tokens, output_tokens, cost_usd, unpriced_requests, latency_histogram");
export const SUMS = Prisma.raw(`sum(requests)::float8 AS requests, sum(errors)::float8 AS errors, sum(input_tokens)::float8 AS input_tokens,
  sum(output_tokens)::float8 AS output_tokens, coalesce(sum(cost_usd), 0)::text AS cost, sum(unpriced_requests)::float8 AS unpriced,
  ARRAY[${Array.from({ length: HISTOGRAM_LENGTH }, (_, i) => `coalesce(sum(latency_histogram[${i + 1}]), 0)`).join(", ")}]::float8[] AS histogram`);

/** A row of SUMS. */
export interface SumsRow {
  requests: number | null;
  errors: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost: string;
  unpriced: number | null;
  histogram: number[];
}

// Money adds up in JS too (per group, per bucket): exactly, as decimal.js at its default 20 significant digits
// could round a large sum of 10-place amounts.
export const Exact = Prisma.Decimal.clone({ precision: 60 });
export type Exact = InstanceType<typeof Exact>;

/** Sums over rollup rows, from which every figure is computed. */
export interface Sums {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cost: Exact;
  unpriced: number;
  histogram: number[];
}

export const sumsOf = (row: SumsRow | undefined): Sums => ({
  requests: row?.requests ?? 0, errors: row?.errors ?? 0, inputTokens: row?.input_tokens ?? 0, outputTokens: row?.output_tokens ?? 0,
  cost: new Exact(row?.cost ?? 0), unpriced: row?.unpriced ?? 0, histogram: row?.histogram ?? [],
});

/** `row` added into `into` (which it changes), or a copy of `row` when there is nothing yet. */
export function add(into: Sums | undefined, row: Sums): Sums {
  if (!into) return { ...row, histogram: addHistograms([row.histogram]) };
  into.requests += row.requests;
  into.errors += row.errors;
  into.inputTokens += row.inputTokens;
  into.outputTokens += row.outputTokens;
  into.cost = into.cost.plus(row.cost);
  into.unpriced += row.unpriced;
  row.histogram.forEach((count, i) => (into.histogram[i] += count));
  return into;
}

export const money = (value: Prisma.Decimal | string | number) => new Exact(value).toFixed(MONEY_PLACES);

export function figures(sums: Sums): UsageFigures {
  return {
    spendUsd: money(sums.cost),
    requests: sums.requests,
    errors: sums.errors,
    errorRate: sums.requests ? sums.errors / sums.requests : 0,
    inputTokens: sums.inputTokens,
    outputTokens: sums.outputTokens,
    unpricedRequests: sums.unpriced,
    p50LatencyMs: percentileMs(sums.histogram, 50),
    p95LatencyMs: percentileMs(sums.histogram, 95),
  };
}

/** The start of every `unit` bucket in [from, to), empty ones included. */
export function bucketStarts(from: Date, to: Date, unit: Unit): Date[] {
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const starts: Date[] = [];
  for (let t = floorTo(from, step).getTime(); t < to.getTime(); t += step) starts.push(new Date(t));
  return starts;
}
