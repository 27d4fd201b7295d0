// A tenant's usage over a range, as the dashboard shows it: headline figures, the three charts and the table
// of top groups, or what to do when there is no usage yet. Everything comes from one UsageSummary, shaped for
// drawing by dashboard-shape.ts.
import Link from "next/link";
import type { UsageSummary } from "@/lib/domain/usage/queries";
import { USAGE_GROUPINGS, type ResolvedUsageRange } from "@/lib/domain/usage/params";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "./chart-figure";
import { dashboardCharts, dashboardGroupRows } from "./dashboard-shape";
import { formatCount } from "./format";
import { GroupsTable } from "./groups-table";
import { HeadlineFigures } from "./headline-figures";

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
  const { current } = summary;
  const grouping = USAGE_GROUPINGS[summary.groupBy];

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

  const groupsTitle = `Top ${grouping.plural} by spend`;

  return (
    <>
      {top}
      {dashboardCharts(summary).map((chart) => <ChartFigure key={chart.id} {...chart} bucket={summary.bucket} />)}
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
        <GroupsTable rows={dashboardGroupRows(summary)} groupLabel={grouping.label} caption={groupsTitle} />
        {summary.groupCount > summary.groups.length && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The {formatCount(summary.groups.length)} {grouping.plural} with the most spend, of {formatCount(summary.groupCount)}.
          </p>
        )}
      </section>
    </>
  );
}
