// The tenant dashboard: one tenant's usage over a range, as headline figures, a series and a table of groups.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { visiblePrefix } from "@/lib/domain/keys/format";
import {
  add, bucketStarts, Exact, figures, MEASURES, money, rollupRows, SUMS, sumsOf, usageWindow,
  type Sums, type SumsRow, type UsageFigures,
} from "./rollup-reads";

/** groups stacked by name in the spend chart; the rest are summed as "other" */
const STACKED_GROUPS = 6;
const GROUP_TABLE_LIMIT = 100;

export const USAGE_GROUP_BYS = ["model", "provider", "feature", "team", "key"] as const;
export type UsageGroupBy = (typeof USAGE_GROUP_BYS)[number];

const GROUP_COLUMN: Record<UsageGroupBy, Prisma.Sql> = {
  model: Prisma.sql`model`, provider: Prisma.sql`provider`, feature: Prisma.sql`feature`, team: Prisma.sql`team`, key: Prisma.sql`api_key_id`,
};

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
  const column = GROUP_COLUMN[groupBy];
  const currentSql = Prisma.sql`SELECT bucket, ${column}::text AS grp, ${SUMS}
    FROM (${rollupRows({ ...window, tenantId, columns: Prisma.sql`${column}, ${MEASURES}` })}) r
    GROUP BY 1, 2`;
  const previousSql = Prisma.sql`SELECT ${SUMS} FROM (${rollupRows({ from: previousFrom, to: window.from, unit: window.unit, tenantId, columns: MEASURES })}) r`;
  const keysShown = groupBy === "key" && can(principal, "api_key.read", tenantId);

  const [rows, [previousRow], keys] = await Promise.all([
    db.$queryRaw<(SumsRow & { bucket: Date; grp: string | null })[]>(currentSql),
    db.$queryRaw<SumsRow[]>(previousSql),
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
