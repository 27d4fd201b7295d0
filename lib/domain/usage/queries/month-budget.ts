// Budgets: a tenant's monthly budget against what it has spent this month, and where that is heading.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { ceilTo, DAY_MS, Exact, HOUR_MS, money, rollupRows } from "./rollup-reads";

export interface MonthBudget {
  /** null: no budget set */
  budgetUsd: string | null;
  alertPct: number;
  /** spend this calendar month (UTC) up to now */
  spentToDate: string;
  /** spend per elapsed day (at least one) × days in the month, to the cent */
  projectedMonthEnd: string;
  /** spend has reached alertPct % of the budget */
  overThreshold: boolean;
  /** spend is more than the budget */
  overBudget: boolean;
}

/** The tenant's monthly budget against this month's spend. Null when not allowed or no such tenant. */
export async function monthBudget(principal: Principal, tenantId: string, now = new Date()): Promise<MonthBudget | null> {
  if (!can(principal, "usage.read", tenantId)) return null;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { monthlyBudgetUsd: true, budgetAlertPct: true } });
  if (!tenant) return null;
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const [{ cost }] = await db.$queryRaw<{ cost: string }[]>`SELECT coalesce(sum(cost_usd), 0)::text AS cost
    FROM (${rollupRows({ from: monthStart, to: ceilTo(now, HOUR_MS), unit: "day", tenantId, columns: Prisma.sql`cost_usd` })}) r`;

  const spent = new Exact(cost);
  const elapsedDays = Math.max(1, (now.getTime() - monthStart.getTime()) / DAY_MS);
  const budget = tenant.monthlyBudgetUsd;
  return {
    budgetUsd: budget?.toFixed(2) ?? null,
    alertPct: tenant.budgetAlertPct,
    spentToDate: money(spent),
    projectedMonthEnd: spent.div(elapsedDays).mul(daysInMonth).toFixed(2),
    overThreshold: budget !== null && spent.gte(budget.mul(tenant.budgetAlertPct).div(100)),
    overBudget: budget !== null && spent.gt(budget),
  };
}
