// The headline figures of a range, each with its change against the period before it. The arrow and colour
// repeat what the text says ("up 12% on the previous 30 days"), so neither is needed to read it.
import type { UsageFigures } from "@/lib/domain/usage/queries";
import { Card } from "@/components/ui/card";
import { describeChange, formatCompact, formatCount, formatMs, formatRate, formatUsd, type Change } from "./format";

const TONE: Record<Change["tone"], string> = {
  bad: "text-rose-700 dark:text-rose-400",
  good: "text-emerald-700 dark:text-emerald-400",
  neutral: "text-zinc-600 dark:text-zinc-400",
};
const ARROW: Record<Change["direction"], string | null> = { up: "▲", down: "▼", same: null, none: null };

function Figure({ label, value, detail, change }: { label: string; value: string; detail?: string; change: Change }) {
  const arrow = ARROW[change.direction];
  return (
    <Card className="space-y-1">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="text-xs text-zinc-600 dark:text-zinc-400">{detail}</dd>}
      <dd className={`text-xs ${TONE[change.tone]}`}>
        {arrow && <span aria-hidden="true">{arrow} </span>}
        {change.text}
      </dd>
    </Card>
  );
}

export function HeadlineFigures({ current, previous, previousLabel }: { current: UsageFigures; previous: UsageFigures; previousLabel: string }) {
  const change = (pick: (f: UsageFigures) => number | null, upIsBad: boolean) => describeChange(pick(current), pick(previous), previousLabel, upIsBad);
  const tokens = (f: UsageFigures) => f.inputTokens + f.outputTokens;
  // a rate means nothing without requests: compare "no requests" as no figure rather than as 0%
  const errorRate = (f: UsageFigures) => (f.requests ? f.errorRate : null);
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Figure
        label="Spend"
        value={formatUsd(current.spendUsd)}
        detail={current.unpricedRequests ? `${formatCount(current.unpricedRequests)} requests used a model without a price and are not counted.` : undefined}
        change={change((f) => Number(f.spendUsd), true)}
      />
      <Figure label="Requests" value={formatCount(current.requests)} change={change((f) => f.requests, false)} />
      <Figure
        label="Tokens"
        value={`${formatCompact(current.inputTokens)} in · ${formatCompact(current.outputTokens)} out`}
        detail={`${formatCount(tokens(current))} in all`}
        change={change(tokens, false)}
      />
      <Figure label="Error rate" value={current.requests ? formatRate(current.errorRate) : "—"} detail={`${formatCount(current.errors)} errors`} change={change(errorRate, true)} />
      <Figure label="Latency p50" value={formatMs(current.p50LatencyMs)} change={change((f) => f.p50LatencyMs, true)} />
      <Figure label="Latency p95" value={formatMs(current.p95LatencyMs)} change={change((f) => f.p95LatencyMs, true)} />
    </dl>
  );
}
