// What the usage dashboard draws, shaped from one UsageSummary: the three charts (their series, points, the
// sentence that says what each shows, and its numbers as a table) and the rows of the groups table. Pure, so it
// is tested on its outputs (tests/usage-ui/dashboard-shape.test.ts) and UsageDashboard only draws.
import type { ComponentProps } from "react";
import type { UsagePoint, UsageSummary } from "@/lib/domain/usage/queries";
import { USAGE_GROUPINGS } from "@/lib/domain/usage/params";
import type { ChartFigure, ChartTable } from "./chart-figure";
import { chartColor } from "./chart-palette";
import { formatBucketLong, formatCount, formatMs, formatRate, formatUsd } from "./format";
import type { GroupRow } from "./groups-table";

/** One chart of the dashboard, as ChartFigure takes it but for the bucket, which is the summary's. */
export type DashboardChart = Omit<ComponentProps<typeof ChartFigure>, "bucket">;

/** The bucket where `value` is highest, for the charts' sentences. */
function peak(points: UsagePoint[], value: (p: UsagePoint) => number | null): { start: Date; value: number } | null {
  let best: { start: Date; value: number } | null = null;
  for (const p of points) {
    const v = value(p);
    if (v !== null && v > 0 && (!best || v > best.value)) best = { start: p.start, value: v };
  }
  return best;
}

/** The sentence of a chart: its parts that apply, in order. */
const sentence = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(" ");

/** The spend, requests and latency charts of a summary with usage, in the order the dashboard shows them. */
export function dashboardCharts(summary: UsageSummary): DashboardChart[] {
  const { current, series, bucket, stacks } = summary;
  const grouping = USAGE_GROUPINGS[summary.groupBy];
  const when = (start: Date) => `${formatBucketLong(start, bucket)}${bucket === "hour" ? " UTC" : ""}`;
  // every chart's table: a row per bucket, headed by when it starts
  const bucketTable = (columns: string[], cells: (p: UsagePoint) => string[]): ChartTable => ({
    columns: [bucket === "hour" ? "Hour (UTC)" : "Day (UTC)", ...columns],
    rows: series.map((p) => ({ key: p.start.toISOString(), cells: [when(p.start), ...cells(p)] })),
  });

  const topSpend = peak(series, (p) => Number(p.totalSpendUsd));
  const topGroup = summary.groups[0];
  const busiest = peak(series, (p) => p.requests);
  const slowest = peak(series, (p) => p.p95LatencyMs);
  return [
    {
      // spend, stacked by the top groups and "other"
      id: "spend-chart",
      title: `Spend per ${bucket} by ${grouping.noun}`,
      description: sentence(
        `${formatUsd(current.spendUsd)} in all.`,
        topSpend && `The highest ${bucket} was ${when(topSpend.start)} at ${formatUsd(topSpend.value)}.`,
        topGroup && `${grouping.label} with the most spend: ${topGroup.label} (${formatUsd(topGroup.spendUsd)}).`,
      ),
      kind: "bars",
      points: series.map((p) => ({ t: p.start.getTime(), ...Object.fromEntries(Object.entries(p.spendUsd).map(([id, v]) => [id, Number(v)])) })),
      series: stacks.map((s, i) => ({ id: s.id, label: s.label, color: chartColor(s.id === "other" ? "other" : i) })),
      unit: "usd",
      table: bucketTable(
        [...stacks.map((s) => s.label), "Total"],
        (p) => [...stacks.map((s) => formatUsd(p.spendUsd[s.id])), formatUsd(p.totalSpendUsd)],
      ),
    },
    {
      id: "requests-chart",
      title: `Requests and errors per ${bucket}`,
      description: sentence(
        `${formatCount(current.requests)} requests, ${formatCount(current.errors)} of them errors (${formatRate(current.errorRate)}).`,
        busiest && `The busiest ${bucket} was ${when(busiest.start)} with ${formatCount(busiest.value)} requests.`,
      ),
      kind: "bars",
      points: series.map((p) => ({ t: p.start.getTime(), succeeded: p.requests - p.errors, errors: p.errors })),
      series: [
        { id: "succeeded", label: "Succeeded", color: chartColor(0) },
        { id: "errors", label: "Errors", color: chartColor(4) },
      ],
      unit: "count",
      table: bucketTable(
        ["Requests", "Errors", "Error rate"],
        (p) => [formatCount(p.requests), formatCount(p.errors), p.requests ? formatRate(p.errors / p.requests) : "—"],
      ),
    },
    {
      id: "latency-chart",
      title: `Latency p95 per ${bucket}`,
      description: sentence(
        `Over the whole range: p95 ${formatMs(current.p95LatencyMs)}, p50 ${formatMs(current.p50LatencyMs)}.`,
        slowest && `The slowest ${bucket} was ${when(slowest.start)} with a p95 of ${formatMs(slowest.value)}.`,
      ),
      kind: "line",
      points: series.map((p) => ({ t: p.start.getTime(), p95: p.p95LatencyMs })),
      series: [{ id: "p95", label: "Latency p95", color: chartColor(3) }],
      unit: "ms",
      table: bucketTable(["Latency p95"], (p) => [formatMs(p.p95LatencyMs)]),
    },
  ];
}

/** The groups table's rows: each group with what the table sorts by (its spend as a number, its share of all). */
export function dashboardGroupRows(summary: UsageSummary): GroupRow[] {
  const totalSpend = Number(summary.current.spendUsd);
  return summary.groups.map(({ key, p50LatencyMs, p95LatencyMs, unpricedRequests, ...group }) => {
    // none of its requests had a price: its cost is unknown, not $0.00 and 0% of the spend
    const noPrice = group.requests > 0 && unpricedRequests === group.requests;
    return {
      ...group,
      // a group without a key (no feature, no API key, or a key this reader may not see) is told apart by its label
      id: key ?? group.label,
      spend: Number(group.spendUsd),
      spendText: noPrice ? "no price on file" : formatUsd(group.spendUsd),
      spendNote: !noPrice && unpricedRequests > 0
        ? `not counting ${formatCount(unpricedRequests)} ${unpricedRequests === 1 ? "request" : "requests"} with no price on file`
        : undefined,
      // undefined (sorted last) when the spend is unknown
      share: noPrice ? undefined : totalSpend ? Number(group.spendUsd) / totalSpend : 0,
      // no latency to measure: undefined, which the table sorts last
      p50LatencyMs: p50LatencyMs ?? undefined,
      p95LatencyMs: p95LatencyMs ?? undefined,
    };
  });
}
