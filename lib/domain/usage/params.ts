// The usage dashboards' range, grouping and filters, kept in the URL (nuqs) so a link reproduces the view.
// Shared by the server pages and the export route that parse them and the client controls that set them.
// nuqs/server: the parsers without the client hooks, so server and client code can share this module. Built
// from the bounds (lib/domain/bounds.ts): a value out of range becomes the nearest valid one, one that is no
// value none.
import { createLoader, createSerializer, type inferParserType } from "nuqs/server";
import { isoDay, parseAsDay, parseAsOneOf, parseAsPage, parseAsText, parseDay } from "@/lib/domain/bounds";
import { TENANT_PLANS, TENANT_STATUSES } from "@/lib/domain/tenants/list-params";
import type { UsageGroupBy } from "./queries";

export { isoDay };

export const USAGE_RANGES = ["24h", "7d", "30d", "90d", "custom"] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];
export type UsageRangePreset = Exclude<UsageRange, "custom">;

export const DEFAULT_USAGE_RANGE = "30d" satisfies UsageRangePreset;

/** Each preset's length and how it reads in a sentence ("the last 7 days"). */
export const USAGE_PRESETS: Record<UsageRangePreset, { label: string; hours?: number; days?: number }> = {
  "24h": { label: "24 hours", hours: 24 },
  "7d": { label: "7 days", days: 7 },
  "30d": { label: "30 days", days: 30 },
  "90d": { label: "90 days", days: 90 },
};

/** The groupings, with how each reads as a heading and in a sentence. A Record: a new one must be named. */
export const USAGE_GROUPINGS: Record<UsageGroupBy, { label: string; noun: string; plural: string }> = {
  model: { label: "Model", noun: "model", plural: "models" },
  provider: { label: "Provider", noun: "provider", plural: "providers" },
  feature: { label: "Feature", noun: "feature", plural: "features" },
  team: { label: "Team", noun: "team", plural: "teams" },
  key: { label: "API key", noun: "API key", plural: "API keys" },
};

/** The longest custom range, in days: the queries refuse more than 400. */
export const MAX_CUSTOM_DAYS = 400;

/**
 * The earliest day a custom range may start. The gateway reports usage as it serves it (at most 400 days
 * late), so there is none before this; and the period a range is compared with, as long as the range, stays in
 * years PostgreSQL holds (a range in year 1 would be compared with year 0, which it has not).
 */
export const FIRST_USAGE_DAY = "2000-01-01";
const FIRST_USAGE_DATE = parseDay(FIRST_USAGE_DAY)!;

export const usageRangeParsers = {
  range: parseAsOneOf(USAGE_RANGES).withDefault(DEFAULT_USAGE_RANGE),
  /** a custom range's first and last day, inclusive, in UTC; ignored by the presets */
  from: parseAsDay,
  to: parseAsDay,
};

export const tenantUsageParsers = {
  ...usageRangeParsers,
  groupBy: parseAsOneOf(Object.keys(USAGE_GROUPINGS) as UsageGroupBy[]).withDefault("model"),
};

/** GET /api/usage/export: the tenant dashboard's query, and the tenant's slug. */
export const usageExportParsers = {
  ...tenantUsageParsers,
  tenant: parseAsText(),
};

export const staffUsageParsers = {
  ...usageRangeParsers,
  status: parseAsOneOf(TENANT_STATUSES),
  plan: parseAsOneOf(TENANT_PLANS),
  page: parseAsPage.withDefault(1),
};

export type UsageRangeParams = inferParserType<typeof usageRangeParsers>;
export type TenantUsageParams = inferParserType<typeof tenantUsageParsers>;
export type StaffUsageParams = inferParserType<typeof staffUsageParsers>;

export const loadTenantUsageParams = createLoader(tenantUsageParsers);
export const loadStaffUsageParams = createLoader(staffUsageParsers);
export const serializeTenantUsageParams = createSerializer(tenantUsageParsers);
export const serializeStaffUsageParams = createSerializer(staffUsageParsers);

export interface ResolvedUsageRange {
  /** the range in effect: the default preset when a custom range in the URL could not be used */
  range: UsageRange;
  from: Date;
  to: Date;
  /** the first and last day shown, inclusive (UTC, YYYY-MM-DD) */
  firstDay: string;
  lastDay: string;
  /** what the custom range's date inputs show: these days, or what was typed when it could not be used */
  typedFrom: string;
  typedTo: string;
  /** "the last 30 days", or "Nov 1, 2026 – Nov 15, 2026" */
  label: string;
  /** the period the figures are compared with: "the previous 30 days" */
  previousLabel: string;
  /** why the custom range in the URL was not used, to show beside the controls */
  error: string | null;
  /** the same reason alone, without what is shown instead (the export refuses such a range with it) */
  refusal: string | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const startOfUtcDay = (date: Date) => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

function preset(range: UsageRangePreset, now: Date): ResolvedUsageRange {
  const { label, hours, days: count } = USAGE_PRESETS[range];
  // day presets are whole UTC days ending with today (so far); 24 hours is exactly that, to now
  const from = hours ? new Date(now.getTime() - hours * HOUR_MS) : new Date(startOfUtcDay(now).getTime() - (count! - 1) * DAY_MS);
  return {
    range, from, to: now, firstDay: isoDay(from), lastDay: isoDay(now), typedFrom: isoDay(from), typedTo: isoDay(now),
    label: `the last ${label}`, previousLabel: `the previous ${label}`, error: null, refusal: null,
  };
}

/**
 * The dates a range stands for, at `now`. A custom range runs from the start of its first day to the end of its
 * last (UTC), and no further than now; one that cannot be shown (a missing date, the start after the end, a
 * start in the future or before FIRST_USAGE_DAY, longer than MAX_CUSTOM_DAYS) falls back to the last 30 days
 * and says why.
 */
export function resolveUsageRange({ range, from, to }: UsageRangeParams, now: Date): ResolvedUsageRange {
  if (range !== "custom") return preset(range, now);
  const fallback = (why: string): ResolvedUsageRange => {
    const shown = preset(DEFAULT_USAGE_RANGE, now);
    return { ...shown, typedFrom: from ? isoDay(from) : "", typedTo: to ? isoDay(to) : "", error: `${why} Showing ${shown.label} instead.`, refusal: why };
  };
  if (!from || !to) return fallback("Choose both a start and an end date for a custom range.");
  if (from > to) return fallback("The start date is after the end date.");
  if (from > now) return fallback("The start date is in the future.");
  if (from < FIRST_USAGE_DATE) return fallback(`There is no usage before ${dayFormat.format(FIRST_USAGE_DATE)}.`);
  const count = Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
  if (count > MAX_CUSTOM_DAYS) return fallback(`A custom range spans at most ${MAX_CUSTOM_DAYS} days.`);
  const end = new Date(Math.min(to.getTime() + DAY_MS, now.getTime()));
  return {
    range, from, to: end, firstDay: isoDay(from), lastDay: isoDay(to), typedFrom: isoDay(from), typedTo: isoDay(to),
    label: count === 1 ? dayFormat.format(from) : `${dayFormat.format(from)} – ${dayFormat.format(to)}`,
    // compared with as many days before it as it shows (fewer than asked when it ends after now)
    previousLabel: `the previous ${days(Math.ceil((end.getTime() - from.getTime()) / DAY_MS))}`,
    error: null,
    refusal: null,
  };
}
