// The CSV of the usage dashboard's groups table: the rows it shows, with a header row. Pure; the cells are
// escaped by lib/csv (RFC 4180, with its guard against cells a spreadsheet would run as a
// formula).
import { csvLine } from "@/lib/csv";
import type { UsageGroup, UsageGroupBy } from "./queries";
import { USAGE_GROUPINGS } from "./params";

const MEASURE_COLUMNS = [
  "Spend (USD)", "Requests", "Errors", "Error rate (%)", "Input tokens", "Output tokens",
  "Requests without a price", "p50 latency (ms)", "p95 latency (ms)",
] as const;

export function usageGroupsCsvHeader(groupBy: UsageGroupBy): string[] {
  const name = USAGE_GROUPINGS[groupBy].label;
  return groupBy === "key" ? [name, "Key prefix", "Key id", ...MEASURE_COLUMNS] : [name, ...MEASURE_COLUMNS];
}

/**
 * The header and one line per group; spend exactly as summed (10 decimal places). Key groups a reader may not
 * see (anonymous, see tenantUsageSummary) leave the key's prefix and id empty, as the groups carry neither.
 */
export function usageGroupsCsv(groupBy: UsageGroupBy, groups: readonly UsageGroup[]): string {
  const lines = groups.map((g) => csvLine([
    g.label,
    ...(groupBy === "key" ? [g.keyPrefix, g.key] : []),
    g.spendUsd, g.requests, g.errors, (g.errorRate * 100).toFixed(2), g.inputTokens, g.outputTokens,
    g.unpricedRequests, g.p50LatencyMs, g.p95LatencyMs,
  ]));
  return csvLine(usageGroupsCsvHeader(groupBy)) + lines.join("");
}
