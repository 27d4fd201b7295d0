// A chart with what makes it readable without seeing it: a visible title, a sentence with its totals, a legend
// in text colours, and its numbers as a table on demand. The drawing itself (UsageChart) is hidden from
// assistive technology, which reads the sentence and the table instead.
import { Card } from "@/components/ui/card";
import { CHART_PALETTE_CLASSES } from "./chart-palette";
import { UsageChart, type ChartPoint, type ChartSeries, type ChartUnit } from "./usage-chart";

export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

export function ChartFigure({ id, title, description, kind, points, series, bucket, unit, table }: {
  id: string;
  title: string;
  description: string;
  kind: "bars" | "line";
  points: ChartPoint[];
  series: ChartSeries[];
  bucket: "hour" | "day";
  unit: ChartUnit;
  table: ChartTable;
}) {
  return (
    <section aria-labelledby={id}>
      <Card className={`space-y-3 ${CHART_PALETTE_CLASSES}`}>
        <div className="space-y-1">
          <h2 id={id} className="text-lg font-semibold">{title}</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
        </div>
        <ul aria-label={`Legend of ${title.toLowerCase()}`} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300">
          {series.map((s) => (
            <li key={s.id} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="size-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
        <UsageChart kind={kind} points={points} series={series} bucket={bucket} unit={unit} />
        <details className="text-sm">
          <summary className="cursor-pointer rounded font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-zinc-300">
            Show as a table<span className="sr-only">: {title}</span>
          </summary>
          {/* scrolls when long: focusable, so it can be scrolled by keyboard */}
          <div className="mt-2 max-h-96 overflow-auto" role="region" aria-label={`${title}, as a table`} tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-white text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  {table.columns.map((column, i) => (
                    <th key={column} scope="col" className={`px-3 py-1.5 font-medium ${i > 0 ? "text-right" : ""}`}>{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key} className="border-t border-zinc-100 dark:border-zinc-800">
                    {row.cells.map((cell, i) =>
                      i === 0
                        ? <th key={i} scope="row" className="px-3 py-1 font-normal">{cell}</th>
                        : <td key={i} className="px-3 py-1 text-right tabular-nums">{cell}</td>,
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>
    </section>
  );
}
