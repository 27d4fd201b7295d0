"use client";
// One usage chart (recharts): stacked bars or lines over the range's buckets. It only draws: the figure around
// it (components/usage/chart-figure.tsx) gives it its title, legend and the same numbers as text and a table,
// so the drawing is hidden from assistive technology. Axis text uses the surrounding text colour (currentColor).
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatBucket, formatBucketLong, formatCompact, formatMs, formatUsd, formatUsdCompact } from "./format";

export type ChartUnit = "usd" | "count" | "ms";

export interface ChartSeries {
  /** the key of its values in each point */
  id: string;
  label: string;
  /** a CSS colour, from chart-palette.ts */
  color: string;
}

/** One bucket: its start (ms since the epoch) and a value per series id (null: nothing to measure). */
export type ChartPoint = { t: number } & Record<string, number | null>;

const AXIS_FORMAT: Record<ChartUnit, (value: number) => string> = {
  usd: formatUsdCompact,
  count: formatCompact,
  // seconds past one, so the ticks stay short
  ms: (value) => (value >= 1000 ? `${value / 1000} s` : `${value} ms`),
};
const VALUE_FORMAT: Record<ChartUnit, (value: number) => string> = { usd: formatUsd, count: (v) => v.toLocaleString("en-US"), ms: formatMs };

export const CHART_HEIGHT = 256;

function ChartTooltip({ active, payload, label, bucket, unit }: TooltipContentProps & { bucket: "hour" | "day"; unit: ChartUnit }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white p-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-medium">{formatBucketLong(Number(label), bucket)} UTC</p>
      <ul className="space-y-0.5">
        {[...payload].reverse().map((item) => (
          <li key={String(item.dataKey)} className="flex items-center gap-2">
            <span className="size-2.5 rounded-sm" style={{ backgroundColor: item.color }} />
            <span>{item.name}</span>
            <span className="ml-auto pl-3 tabular-nums">{typeof item.value === "number" ? VALUE_FORMAT[unit](item.value) : "—"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function UsageChart({ kind, points, series, bucket, unit }: {
  /** bars are stacked: their heights add up to the bucket's total */
  kind: "bars" | "line";
  points: ChartPoint[];
  series: ChartSeries[];
  bucket: "hour" | "day";
  unit: ChartUnit;
}) {
  const Chart = kind === "bars" ? BarChart : LineChart;
  return (
    <div aria-hidden="true" className="text-zinc-600 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 640, height: CHART_HEIGHT }}>
        <Chart data={points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.2} />
          <XAxis
            dataKey="t"
            tickFormatter={(t: number) => formatBucket(t, bucket)}
            // hours: every sixth, so each midnight (labelled with its day) is among them
            ticks={bucket === "hour" ? points.filter((p) => new Date(p.t).getUTCHours() % 6 === 0).map((p) => p.t) : undefined}
            tick={{ fill: "currentColor", fontSize: 12 }}
            stroke="currentColor"
            strokeOpacity={0.4}
            minTickGap={16}
          />
          <YAxis
            tickFormatter={AXIS_FORMAT[unit]}
            tick={{ fill: "currentColor", fontSize: 12 }}
            stroke="currentColor"
            strokeOpacity={0.4}
            width={64}
            allowDecimals={unit !== "count"}
          />
          <Tooltip
            content={(props) => <ChartTooltip {...props} bucket={bucket} unit={unit} />}
            cursor={{ fill: "currentColor", fillOpacity: 0.08, stroke: "currentColor", strokeOpacity: 0.3 }}
            isAnimationActive={false}
          />
          {series.map((s) =>
            kind === "bars" ? (
              <Bar key={s.id} dataKey={s.id} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
            ) : (
              <Line key={s.id} dataKey={s.id} name={s.label} stroke={s.color} strokeWidth={2} dot={false} connectNulls={false} type="monotone" isAnimationActive={false} />
            ),
          )}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
