// A tenant's usage over a range, as the dashboard shows it: headline figures, the three charts and the table
// of top groups, or what to do when there is no usage yet. Everything comes from one UsageSummary.
import Link from "next/link";
import type { UsageSummary } from "@/lib/domain/usage/queries";
import { USAGE_GROUPINGS, type ResolvedUsageRange } from "@/lib/domain/usage/params";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "./chart-figure";
import { chartColor } from "./chart-palette";
import { formatBucketLong, formatCount, formatMs, formatRate, formatUsd } from "./format";
import { GroupsTable, type GroupRow } from "./groups-table";
import { HeadlineFigures } from "./headline-figures";
import type { ChartPoint, ChartSeries } from "./usage-chart";

/** The bucket where `value` is highest, for the charts' sentences. */
function peak<T extends { start: Date }>(points: T[], value: (p: T) => number | null): { start: Date; value: number } | null {
  let best: { start: Date; value: number } | null = null;
  for (const p of points) {
    const v = value(p);
    if (v !== null && v > 0 && (!best || v > best.value)) best = { start: p.start, value: v };
  }
  return best;
}

const linkClass = "font-medium underline underline-offset-4";

export function UsageDashboard({ summary, range, exportHref, keysHref, budget }: {
  summary: UsageSummary;
  range: ResolvedUsageRange;
  /** the CSV of the groups table, with the same range and grouping */
  exportHref: string;
  /** the tenant's API keys page, when the reader may open it */
  keysHref: string | null;
  /** the monthly budget card, shown after the headline figures */
  budget: React.ReactNode;
}) {
  const { current, series, bucket } = summary;
  const grouping = USAGE_GROUPINGS[summary.groupBy];
  const per = bucket === "hour" ? "hour" : "day";
  const when = (start: Date) => `${formatBucketLong(start, bucket)}${bucket === "hour" ? " UTC" : ""}`;
  const bucketColumn = bucket === "hour" ? "Hour (UTC)" : "Day (UTC)";

  const figures = (
    <section aria-labelledby="totals-heading" className="space-y-3">
      <h2 id="totals-heading" className="text-lg font-semibold">Totals for {range.label}</h2>
      <HeadlineFigures current={current} previous={summary.previous} previousLabel={range.previousLabel} />
    </section>
  );
  const top = <>{figures}{budget}</>;

  if (current.requests === 0) {
    return (
      <>
        {top}
        <section aria-labelledby="empty-heading">
          <Card className="space-y-2 py-8 text-center">
            <h2 id="empty-heading" className="text-lg font-semibold">No usage in {range.label}</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Point your gateway at Gatehouse with an API key; usage appears here within a minute of the first request.
            </p>
            <p className="text-sm">
              {keysHref
                ? <>Create one on the <Link href={keysHref} className={linkClass}>API keys</Link> page, or choose a longer range above.</>
                : "Or choose a longer range above."}
            </p>
          </Card>
        </section>
      </>
    );
  }

  // spend, stacked by the top groups and "other"
  const spendSeries: ChartSeries[] = summary.stacks.map((s, i) => ({ id: s.id, label: s.label, color: chartColor(s.id === "other" ? "other" : i) }));
  const spendPoints: ChartPoint[] = series.map((p) => ({ t: p.start.getTime(), ...Object.fromEntries(Object.entries(p.spendUsd).map(([id, v]) => [id, Number(v)])) }));
  const topSpend = peak(series, (p) => Number(p.totalSpendUsd));
  const topGroup = summary.groups[0];
  const spendDescription = [
    `${formatUsd(current.spendUsd)} in all.`,
    topSpend && `The highest ${per} was ${when(topSpend.start)} at ${formatUsd(topSpend.value)}.`,
    topGroup && `${grouping.label} with the most spend: ${topGroup.label} (${formatUsd(topGroup.spendUsd)}).`,
  ].filter(Boolean).join(" ");

  const requestSeries: ChartSeries[] = [
    { id: "succeeded", label: "Succeeded", color: chartColor(0) },
    { id: "errors", label: "Errors", color: chartColor(4) },
  ];
  const requestPoints: ChartPoint[] = series.map((p) => ({ t: p.start.getTime(), succeeded: p.requests - p.errors, errors: p.errors }));
  const busiest = peak(series, (p) => p.requests);
  const requestsDescription = [
    `${formatCount(current.requests)} requests, ${formatCount(current.errors)} of them errors (${formatRate(current.errorRate)}).`,
    busiest && `The busiest ${per} was ${when(busiest.start)} with ${formatCount(busiest.value)} requests.`,
  ].filter(Boolean).join(" ");

  const latencySeries: ChartSeries[] = [{ id: "p95", label: "Latency p95", color: chartColor(3) }];
  const latencyPoints: ChartPoint[] = series.map((p) => ({ t: p.start.getTime(), p95: p.p95LatencyMs }));
  const slowest = peak(series, (p) => p.p95LatencyMs);
  const latencyDescription = [
    `Over the whole range: p95 ${formatMs(current.p95LatencyMs)}, p50 ${formatMs(current.p50LatencyMs)}.`,
    slowest && `The slowest ${per} was ${when(slowest.start)} with a p95 of ${formatMs(slowest.value)}.`,
  ].filter(Boolean).join(" ");

  const totalSpend = Number(current.spendUsd);
  const groupRows: GroupRow[] = summary.groups.map((g) => ({
    // a group without a key (no feature, no API key, or a key this reader may not see) is told apart by its label
    id: g.key ?? g.label,
    label: g.label,
    keyPrefix: g.keyPrefix,
    spend: Number(g.spendUsd),
    spendUsd: g.spendUsd,
    share: totalSpend ? Number(g.spendUsd) / totalSpend : 0,
    requests: g.requests,
    errorRate: g.errorRate,
    inputTokens: g.inputTokens,
    outputTokens: g.outputTokens,
    p50LatencyMs: g.p50LatencyMs ?? undefined,
    p95LatencyMs: g.p95LatencyMs ?? undefined,
  }));
  const groupsTitle = `Top ${grouping.plural} by spend`;

  return (
    <>
      {top}
      <ChartFigure
        id="spend-chart"
        title={`Spend per ${per} by ${grouping.noun}`}
        description={spendDescription}
        kind="bars"
        points={spendPoints}
        series={spendSeries}
        bucket={bucket}
        unit="usd"
        table={{
          columns: [bucketColumn, ...summary.stacks.map((s) => s.label), "Total"],
          rows: series.map((p) => ({
            key: p.start.toISOString(),
            cells: [when(p.start), ...summary.stacks.map((s) => formatUsd(p.spendUsd[s.id])), formatUsd(p.totalSpendUsd)],
          })),
        }}
      />
      <ChartFigure
        id="requests-chart"
        title={`Requests and errors per ${per}`}
        description={requestsDescription}
        kind="bars"
        points={requestPoints}
        series={requestSeries}
        bucket={bucket}
        unit="count"
        table={{
          columns: [bucketColumn, "Requests", "Errors", "Error rate"],
          rows: series.map((p) => ({
            key: p.start.toISOString(),
            cells: [when(p.start), formatCount(p.requests), formatCount(p.errors), p.requests ? formatRate(p.errors / p.requests) : "—"],
          })),
        }}
      />
      <ChartFigure
        id="latency-chart"
        title={`Latency p95 per ${per}`}
        description={latencyDescription}
        kind="line"
        points={latencyPoints}
        series={latencySeries}
        bucket={bucket}
        unit="ms"
        table={{
          columns: [bucketColumn, "Latency p95"],
          rows: series.map((p) => ({ key: p.start.toISOString(), cells: [when(p.start), formatMs(p.p95LatencyMs)] })),
        }}
      />
      <section aria-labelledby="groups-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="groups-heading" className="text-lg font-semibold">{groupsTitle}</h2>
          <a
            href={exportHref}
            download
            className="inline-flex items-center rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Download CSV
          </a>
        </div>
        <GroupsTable rows={groupRows} groupLabel={grouping.label} caption={groupsTitle} />
        {summary.groupCount > summary.groups.length && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The {formatCount(summary.groups.length)} {grouping.plural} with the most spend, of {formatCount(summary.groupCount)}.
          </p>
        )}
      </section>
    </>
  );
}
