// This month's spend against the tenant's budget: amber once it reaches the alert threshold, red past the
// budget. Owners get the form that sets the budget (the service still checks that they may).
import type { MonthBudget } from "@/lib/domain/usage/queries";
import { Card } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/use-action-form";
import { BudgetForm } from "./budget-form";
import { formatRate, formatUsd } from "./format";

function Warning({ tone, children }: { tone: "amber" | "red"; children: React.ReactNode }) {
  const colours = tone === "red"
    ? "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
    : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100";
  return <p role="status" className={`rounded-md border p-3 text-sm ${colours}`}>{children}</p>;
}

export function BudgetCard({ tenantId, budget, action }: {
  tenantId: string;
  budget: MonthBudget;
  /** owners only: the form's action */
  action?: FormAction;
}) {
  const spent = Number(budget.spentToDate);
  const limit = budget.budgetUsd === null ? null : Number(budget.budgetUsd);
  const used = limit ? spent / limit : null;
  return (
    <section aria-labelledby="budget-heading">
      <Card className="space-y-3">
        <div className="space-y-1">
          <h2 id="budget-heading" className="text-lg font-semibold">Monthly budget</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This calendar month (UTC), whatever the range above.</p>
        </div>
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Spent this month</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatUsd(budget.spentToDate)}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Projected by month end</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatUsd(budget.projectedMonthEnd)}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Budget</dt>
            <dd className="text-lg font-semibold tabular-nums">{limit === null ? "None" : formatUsd(limit)}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Alert at</dt>
            <dd className="text-lg font-semibold tabular-nums">
              {budget.alertPct}%{limit !== null && <span className="text-sm font-normal"> ({formatUsd((limit * budget.alertPct) / 100)})</span>}
            </dd>
          </div>
        </dl>
        {used !== null && (
          <div className="space-y-1">
            <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
              <div
                className={`h-full rounded-full ${budget.overBudget ? "bg-rose-600" : budget.overThreshold ? "bg-amber-500" : "bg-emerald-600"}`}
                style={{ width: `${Math.min(100, used * 100)}%` }}
              />
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{formatRate(used)} of the budget used.</p>
          </div>
        )}
        {budget.overBudget ? (
          <Warning tone="red">Over budget: {formatUsd(budget.spentToDate)} spent this month, more than the budget of {formatUsd(limit!)}.</Warning>
        ) : budget.overThreshold ? (
          <Warning tone="amber">Spend has reached {budget.alertPct}% of this month&apos;s budget: {formatUsd(budget.spentToDate)} of {formatUsd(limit!)}.</Warning>
        ) : limit !== null && Number(budget.projectedMonthEnd) > limit ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">At this rate spend passes the budget before the month ends.</p>
        ) : null}
        {limit === null && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No budget is set. {action ? "Set one to be warned when spend nears it." : "An owner can set one."}
          </p>
        )}
        {action && <BudgetForm tenantId={tenantId} budgetUsd={budget.budgetUsd} alertPct={budget.alertPct} action={action} />}
      </Card>
    </section>
  );
}
