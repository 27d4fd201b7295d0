// Usage reads for the dashboards, the one entry point to them. They read the rollups only, never usage_events:
// hourly rows for ranges up to 48 hours, and for longer ranges daily rows for the whole days plus hourly rows for
// the partial days at either end (rollup-reads.ts). Ranges are widened to whole hours, the rollups' resolution.
// Money is a decimal string with 10 places, summed exactly (never through a float); counts are numbers.
export type { UsageFigures } from "./rollup-reads";
export {
  tenantUsageSummary, USAGE_GROUP_BYS,
  type UsageGroup, type UsageGroupBy, type UsagePoint, type UsageStack, type UsageSummary,
} from "./tenant-summary";
export { monthBudget, type MonthBudget } from "./month-budget";
export { staffUsageOverview, trialsWithMostUsage, type TenantUsageRow } from "./platform";
