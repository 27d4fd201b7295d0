// Usage reads for the dashboards. They read the rollups only, never usage_events: hourly rows for ranges up to
// 48 hours, and for longer ranges daily rows for the whole days plus hourly rows for the partial days at either
// end. Ranges are widened to whole hours, the rollups' resolution. Money is a decimal string with 10 places,
// summed exactly (never through a float); counts are numbers.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TenantPlan, TenantStatus } from "@/lib/db/generated/enums";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { visiblePrefix } from "@/lib/domain/keys/format";
import { HISTOGRAM_LENGTH } from "./rollups";
import { addHistograms, percentileMs } from "./percentiles";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const HOURLY_UP_TO_MS = 48 * HOUR_MS;
const MAX_RANGE_DAYS = 400;
/** groups stacked by name in the spend chart; the rest are summed as "other" */
const STACKED_GROUPS = 6;
const GROUP_TABLE_LIMIT = 100;
const MONEY_PLACES = 10;

export const USAGE_GROUP_BYS = ["model", "provider", "feature", "team", "key"] as const;
export type UsageGroupBy = (typeof USAGE_GROUP_BYS)[number];

const GROUP_COLUMN: Record<UsageGroupBy, string> = {
  model: "model", provider: "provider", feature: "feature", team: "team", key: "api_key_id",
};

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

export interface UsageGroup extends UsageFigures {
  /**
   * the model, provider, feature, team or API key id; null for events without a feature, team or key, and for the
   * key groups of a reader who may not see the tenant's keys (see `anonymousKeyLabel`)
   */
  key: string | null;
  label: string;
  /** key groups: the key's visible prefix, like gth_4fT9aQ2z_… (never for a reader who may not see keys) */
  keyPrefix?: string;
}

export interface UsageStack {
  /** "g0"…"g5" for the top groups by spend, "other" for the rest together */
  id: string;
  /** as in the group it stacks */
  key: string | null;
  label: string;
}

export interface UsagePoint {
  start: Date;
  /** spend per stack id; every stack has an entry */
  spendUsd: Record<string, string>;
  totalSpendUsd: string;
  requests: number;
  errors: number;
  p95LatencyMs: number | null;
}

export interface UsageSummary {
  from: Date;
  to: Date;
  /** the previous period is [previousFrom, from), as long as this one */
  previousFrom: Date;
  bucket: "hour" | "day";
  groupBy: UsageGroupBy;
  current: UsageFigures;
  previous: UsageFigures;
  stacks: UsageStack[];
  /** one point per bucket of the range, empty buckets included */
  series: UsagePoint[];
  /** by spend, most first; at most 100 (groupCount says how many there are) */
  groups: UsageGroup[];
  groupCount: number;
}

// ─── reading the rollups ────────────────────────────────────────────────────────────────────────────────────

type Unit = "hour" | "day";

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

const floorTo = (date: Date, ms: number) => new Date(Math.floor(date.getTime() / ms) * ms);
const ceilTo = (date: Date, ms: number) => new Date(Math.ceil(date.getTime() / ms) * ms);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** [from, to) widened to whole hours, and the bucket its series uses. */
function usageWindow(from: Date, to: Date): { from: Date; to: Date; unit: Unit } {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError("The range needs valid dates.");
  const start = floorTo(from, HOUR_MS);
  const end = ceilTo(to, HOUR_MS);
  if (end <= start) throw new RangeError("The range must end after it starts.");
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new RangeError(`The range may span at most ${MAX_RANGE_DAYS} days.`);
  return { from: start, to: end, unit: end.getTime() - start.getTime() <= HOURLY_UP_TO_MS ? "hour" : "day" };
}

/**
 * A query over the rollup rows covering [from, to) (whole hours), each with the start of the `unit` bucket it
 * falls in, and `columns` of the rollup. One tenant's rows, or every tenant's when tenantId is null.
 */
function rollupRows(params: Params, { from, to, unit, tenantId, columns }: { from: Date; to: Date; unit: Unit; tenantId: string | null; columns: string }): string {
  const tenant = tenantId ? `tenant_id = ${params.add(tenantId, "uuid")} AND ` : "";
  const hourly = (a: Date, b: Date) =>
    `SELECT ${unit === "hour" ? "hour" : "date_trunc('day', hour, 'UTC')"} AS bucket, ${columns} FROM usage_hourly
     WHERE ${tenant}hour >= ${params.add(a.toISOString(), "timestamptz")} AND hour < ${params.add(b.toISOString(), "timestamptz")}`;
  const firstDay = ceilTo(from, DAY_MS);
  const lastDay = floorTo(to, DAY_MS);
  if (unit === "hour" || firstDay >= lastDay) return hourly(from, to);
  const parts = [
    `SELECT day::timestamp AT TIME ZONE 'UTC' AS bucket, ${columns} FROM usage_daily
     WHERE ${tenant}day >= ${params.add(isoDay(firstDay), "date")} AND day < ${params.add(isoDay(lastDay), "date")}`,
  ];
  if (from < firstDay) parts.push(hourly(from, firstDay));
  if (lastDay < to) parts.push(hourly(lastDay, to));
  return parts.join("\nUNION ALL\n");
}

const MEASURES = "requests, errors, input_tokens, output_tokens, cost_usd, unpriced_requests, latency_histogram";
const SUMS = `sum(requests)::float8 AS requests, sum(errors)::float8 AS errors, sum(input_tokens)::float8 AS input_tokens,
  sum(output_tokens)::float8 AS output_tokens, coalesce(sum(cost_usd), 0)::text AS cost, sum(unpriced_requests)::float8 AS unpriced,
  ARRAY[${Array.from({ length: HISTOGRAM_LENGTH }, (_, i) => `coalesce(sum(latency_histogram[${i + 1}]), 0)`).join(", ")}]::float8[] AS histogram`;

interface SumsRow {
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
const Exact = Prisma.Decimal.clone({ precision: 60 });
type Exact = InstanceType<typeof Exact>;

/** Sums over rollup rows, from which every figure is computed. */
interface Sums {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cost: Exact;
  unpriced: number;
  histogram: number[];
}

const sumsOf = (row: SumsRow | undefined): Sums => ({
  requests: row?.requests ?? 0, errors: row?.errors ?? 0, inputTokens: row?.input_tokens ?? 0, outputTokens: row?.output_tokens ?? 0,
  cost: new Exact(row?.cost ?? 0), unpriced: row?.unpriced ?? 0, histogram: row?.histogram ?? [],
});

function add(into: Sums | undefined, row: Sums): Sums {
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

const money = (value: Prisma.Decimal | string | number) => new Exact(value).toFixed(MONEY_PLACES);

function figures(sums: Sums): UsageFigures {
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

function bucketStarts(from: Date, to: Date, unit: Unit): Date[] {
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const starts: Date[] = [];
  for (let t = floorTo(from, step).getTime(); t < to.getTime(); t += step) starts.push(new Date(t));
  return starts;
}

// ─── the tenant dashboard ───────────────────────────────────────────────────────────────────────────────────

/**
 * The label of the `rank`-th key group (from 1, in the order of spend the groups come in) for a reader without
 * api_key.read in the tenant (sales staff): stable within one summary, so the page and its CSV agree, and naming
 * nothing of the key, whose name, prefix and id such a reader may not see.
 */
const anonymousKeyLabel = (rank: number) => `Key ${rank}`;

/**
 * A tenant's usage over [from, to) grouped by model, provider, feature, team or API key: headline figures for
 * the range and for the period of equal length before it, a series (hourly up to 48 hours, else daily) of
 * spend stacked by the top 6 groups plus "other", requests, errors and p95 latency, and a table of groups.
 * Key groups are anonymous (anonymousKeyLabel) for a principal who may not read the tenant's keys.
 * Null when the principal may not read the tenant's usage. Throws RangeError for a range that is not one.
 */
export async function tenantUsageSummary(
  principal: Principal,
  tenantId: string,
  { from, to, groupBy }: { from: Date; to: Date; groupBy: UsageGroupBy },
): Promise<UsageSummary | null> {
  if (!can(principal, "usage.read", tenantId)) return null;
  const window = usageWindow(from, to);
  const previousFrom = new Date(window.from.getTime() - (window.to.getTime() - window.from.getTime()));

  // One row per (bucket, group): totals per bucket, per group and overall are added up from these here, which
  // costs the database a third of what GROUPING SETS would.
  const current = new Params();
  const column = GROUP_COLUMN[groupBy];
  const currentSql = `SELECT bucket, ${column}::text AS grp, ${SUMS}
    FROM (${rollupRows(current, { ...window, tenantId, columns: `${column}, ${MEASURES}` })}) r
    GROUP BY 1, 2`;
  const previous = new Params();
  const previousSql = `SELECT ${SUMS} FROM (${rollupRows(previous, { from: previousFrom, to: window.from, unit: window.unit, tenantId, columns: MEASURES })}) r`;
  const keysShown = groupBy === "key" && can(principal, "api_key.read", tenantId);

  const [rows, [previousRow], keys] = await Promise.all([
    db.$queryRawUnsafe<(SumsRow & { bucket: Date; grp: string | null })[]>(currentSql, ...current.values),
    db.$queryRawUnsafe<SumsRow[]>(previousSql, ...previous.values),
    keysShown
      ? db.apiKey.findMany({ where: { tenantId }, select: { id: true, name: true, prefix: true } })
      : Promise.resolve([]),
  ]);

  const cells = rows.map((row) => ({ bucket: row.bucket.getTime(), group: row.grp, sums: sumsOf(row) }));
  let total: Sums | undefined;
  const byGroup = new Map<string | null, Sums>();
  const byBucket = new Map<number, Sums>();
  for (const { bucket, group, sums } of cells) {
    total = add(total, sums);
    byGroup.set(group, add(byGroup.get(group), sums));
    byBucket.set(bucket, add(byBucket.get(bucket), sums));
  }

  // by spend, on the cells' own group values (key ids included), which stay in this function: `groups` is what
  // the reader is shown of them
  const ranked = [...byGroup]
    .sort(([keyA, a], [keyB, b]) => b.cost.comparedTo(a.cost) || b.requests - a.requests || String(keyA).localeCompare(String(keyB)));
  const keyById = new Map(keys.map((k) => [k.id, k]));
  let anonymousKeys = 0;
  const describe = (key: string | null): Pick<UsageGroup, "key" | "label" | "keyPrefix"> => {
    if (groupBy !== "key") return { key, label: key ?? "(none)" };
    if (key === null) return { key, label: "(no key)" };
    if (!keysShown) return { key: null, label: anonymousKeyLabel(++anonymousKeys) };
    const apiKey = keyById.get(key);
    return apiKey ? { key, label: apiKey.name, keyPrefix: visiblePrefix(apiKey.prefix) } : { key, label: "(deleted key)" };
  };
  const groups: UsageGroup[] = ranked.map(([key, sums]) => ({ ...describe(key), ...figures(sums) }));

  const stacks: UsageStack[] = groups.slice(0, STACKED_GROUPS).map((g, i) => ({ id: `g${i}`, key: g.key, label: g.label }));
  if (groups.length > STACKED_GROUPS) stacks.push({ id: "other", key: null, label: "Other" });
  const stackOf = new Map(ranked.slice(0, STACKED_GROUPS).map(([group], i) => [group, `g${i}`]));
  const stackSpend = new Map<number, Record<string, Exact>>();
  for (const { bucket, group, sums } of cells) {
    const spend = stackSpend.get(bucket) ?? Object.fromEntries(stacks.map((s) => [s.id, new Exact(0)]));
    const id = stackOf.get(group) ?? "other";
    spend[id] = spend[id].plus(sums.cost);
    stackSpend.set(bucket, spend);
  }

  const series = bucketStarts(window.from, window.to, window.unit).map((start): UsagePoint => {
    const point = figures(byBucket.get(start.getTime()) ?? sumsOf(undefined));
    const spend = stackSpend.get(start.getTime());
    return {
      start,
      spendUsd: Object.fromEntries(stacks.map((s) => [s.id, money(spend?.[s.id] ?? 0)])),
      totalSpendUsd: point.spendUsd,
      requests: point.requests,
      errors: point.errors,
      p95LatencyMs: point.p95LatencyMs,
    };
  });

  return {
    from: window.from,
    to: window.to,
    previousFrom,
    bucket: window.unit,
    groupBy,
    current: figures(total ?? sumsOf(undefined)),
    previous: figures(sumsOf(previousRow)),
    stacks,
    series,
    groups: groups.slice(0, GROUP_TABLE_LIMIT),
    groupCount: groups.length,
  };
}

// ─── budgets ────────────────────────────────────────────────────────────────────────────────────────────────

export interface MonthBudget {
  /** null: no budget set */
  budgetUsd: string | null;
  alertPct: number;
  /** spend this calendar month (UTC) up to now */
  spentToDate: string;
  /** spend per elapsed day (at least one) × days in the month, to the cent */
  projectedMonthEnd: string;
  /** spend has reached alertPct % of the budget */
  overThreshold: boolean;
  /** spend is more than the budget */
  overBudget: boolean;
}

/** The tenant's monthly budget against this month's spend. Null when not allowed or no such tenant. */
export async function monthBudget(principal: Principal, tenantId: string, now = new Date()): Promise<MonthBudget | null> {
  if (!can(principal, "usage.read", tenantId)) return null;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { monthlyBudgetUsd: true, budgetAlertPct: true } });
  if (!tenant) return null;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const params = new Params();
  const sql = `SELECT coalesce(sum(cost_usd), 0)::text AS cost
    FROM (${rollupRows(params, { from: monthStart, to: ceilTo(now, HOUR_MS), unit: "day", tenantId, columns: "cost_usd" })}) r`;
  const [{ cost }] = await db.$queryRawUnsafe<{ cost: string }[]>(sql, ...params.values);

  const spent = new Exact(cost);
  const elapsedDays = Math.max(1, (now.getTime() - monthStart.getTime()) / DAY_MS);
  const budget = tenant.monthlyBudgetUsd;
  return {
    budgetUsd: budget?.toFixed(2) ?? null,
    alertPct: tenant.budgetAlertPct,
    spentToDate: money(spent),
    projectedMonthEnd: spent.div(elapsedDays).mul(daysInMonth).toFixed(2),
    overThreshold: budget !== null && spent.gte(budget.mul(tenant.budgetAlertPct).div(100)),
    overBudget: budget !== null && spent.gt(budget),
  };
}

// ─── the platform (staff) ───────────────────────────────────────────────────────────────────────────────────

export interface TenantUsageRow {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: TenantPlan;
  trialEndsAt: Date | null;
  spendUsd: string;
  requests: number;
  errors: number;
}

const STAFF_PAGE_SIZE = 50;

async function usageByTenant(
  { from, to, statuses, plan, order, limit, offset, withUsageOnly }:
  { from: Date; to: Date; statuses?: TenantStatus[]; plan?: TenantPlan; order: "spend" | "requests"; limit: number; offset: number; withUsageOnly: boolean },
) {
  const window = usageWindow(from, to);
  const params = new Params();
  const source = rollupRows(params, { ...window, unit: "day", tenantId: null, columns: "tenant_id, requests, errors, cost_usd" });
  const filters = [
    statuses?.length ? `t.status = ANY(${params.add(statuses, "tenant_status[]")})` : "true",
    plan ? `t.plan = ${params.add(plan, "tenant_plan")}` : "true",
    withUsageOnly ? "u.requests > 0" : "true",
  ];
  const orderBy = order === "spend"
    ? "coalesce(m.spend, 0) DESC, coalesce(m.requests, 0) DESC, m.name, m.id"
    : "coalesce(m.requests, 0) DESC, coalesce(m.spend, 0) DESC, m.name, m.id";
  const pageSize = params.add(limit, "int");
  // The totals row is always there, with the page beside it (none past the end): a page past the last shows the
  // last page (`page_offset`), counted over every matching tenant.
  const rows = await db.$queryRawUnsafe<({ total: number; total_spend: string; total_requests: number; page_offset: number } & (
    | (Omit<TenantUsageRow, "status" | "plan"> & { status: TenantStatus; plan: TenantPlan })
    | { tenantId: null }
  ))[]>(
    `WITH u AS (
       SELECT tenant_id, sum(requests) AS requests, sum(errors) AS errors, sum(cost_usd) AS spend FROM (${source}) r GROUP BY tenant_id
     ), matching AS (
       SELECT t.id, t.slug, t.name, t.status, t.plan, t.trial_ends_at, u.spend, u.requests, u.errors
       FROM tenants t LEFT JOIN u ON u.tenant_id = t.id
       WHERE ${filters.join(" AND ")}
     ), totals AS (
       SELECT count(*)::int AS total, coalesce(sum(spend), 0)::text AS total_spend, coalesce(sum(requests), 0)::float8 AS total_requests,
              least(${params.add(offset, "int")}, greatest(count(*)::int - 1, 0) / ${pageSize} * ${pageSize}) AS page_offset
       FROM matching
     ), page AS (
       SELECT row_number() OVER (ORDER BY ${orderBy}) AS ord, m.id::text AS "tenantId", m.slug, m.name, m.status::text AS status, m.plan::text AS plan, m.trial_ends_at AS "trialEndsAt",
         coalesce(m.spend, 0)::text AS "spendUsd", coalesce(m.requests, 0)::float8 AS requests, coalesce(m.errors, 0)::float8 AS errors
       FROM matching m
       ORDER BY ord
       LIMIT ${pageSize} OFFSET (SELECT page_offset FROM totals)
     )
     SELECT totals.*, page.* FROM totals LEFT JOIN page ON true ORDER BY page.ord`,
    ...params.values,
  );
  const [totals] = rows;
  return {
    window,
    rows: rows.flatMap((r): TenantUsageRow[] => r.tenantId === null ? [] : [{
      tenantId: r.tenantId, slug: r.slug, name: r.name, status: r.status, plan: r.plan, trialEndsAt: r.trialEndsAt,
      spendUsd: money(r.spendUsd), requests: r.requests, errors: r.errors,
    }]),
    total: totals.total,
    offset: totals.page_offset,
    totalSpendUsd: money(totals.total_spend),
    totalRequests: totals.total_requests,
  };
}

const isStaffReader = (principal: Principal) => can(principal, "usage.read_platform", null);

/**
 * Spend and requests per tenant across the platform over [from, to), most spend first, with the tenant's name,
 * slug, status and plan; filtered by status and plan; 50 a page. Totals are over every matching tenant.
 * Null for anyone but staff.
 */
export async function staffUsageOverview(
  principal: Principal,
  { from, to, status, plan, page = 1 }: { from: Date; to: Date; status?: TenantStatus | TenantStatus[]; plan?: TenantPlan; page?: number },
) {
  if (!isStaffReader(principal)) return null;
  const current = Math.max(1, Math.floor(page));
  const result = await usageByTenant({
    from, to, plan, statuses: status === undefined ? undefined : [status].flat(), order: "spend",
    limit: STAFF_PAGE_SIZE, offset: (current - 1) * STAFF_PAGE_SIZE, withUsageOnly: false,
  });
  return {
    from: result.window.from,
    to: result.window.to,
    rows: result.rows,
    total: result.total,
    page: result.offset / STAFF_PAGE_SIZE + 1,
    pageCount: Math.max(1, Math.ceil(result.total / STAFF_PAGE_SIZE)),
    totalSpendUsd: result.totalSpendUsd,
    totalRequests: result.totalRequests,
  };
}

/** Tenants on trial with the most requests over [from, to) (ties: more spend first); only those with usage. Staff only. */
export async function trialsWithMostUsage(principal: Principal, { from, to, limit = 10 }: { from: Date; to: Date; limit?: number }) {
  if (!isStaffReader(principal)) return null;
  const { rows } = await usageByTenant({
    from, to, statuses: ["trial"], order: "requests", limit: Math.min(Math.max(1, Math.floor(limit)), 100), offset: 0, withUsageOnly: true,
  });
  return rows;
}
