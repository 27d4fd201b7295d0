import "server-only";
import { mutation } from "@/lib/db/mutation";
import { tenantOrThrow } from "@/lib/domain/tenant-scope";
import { setBudgetInput } from "./schemas";

/**
 * Sets (or, with an empty amount, clears) a tenant's monthly budget and the share of it at which to alert.
 * Owners and admin staff ("budget.manage").
 */
export const setBudget = mutation({
  permission: "budget.manage", event: "tenant.budget_changed",
  schema: setBudgetInput,
  async execute(tx, { tenantId, monthlyBudgetUsd, alertPct }) {
    const tenant = await tenantOrThrow(tx, tenantId, { slug: true, monthlyBudgetUsd: true, budgetAlertPct: true });
    const updated = await tx.tenant.update({
      where: { id: tenantId },
      data: { monthlyBudgetUsd, budgetAlertPct: alertPct },
      select: { monthlyBudgetUsd: true, budgetAlertPct: true },
    });
    const view = (t: typeof updated) => ({ monthlyBudgetUsd: t.monthlyBudgetUsd?.toFixed(2) ?? null, budgetAlertPct: t.budgetAlertPct });
    return {
      data: { monthlyBudgetUsd: updated.monthlyBudgetUsd?.toFixed(2) ?? null, alertPct: updated.budgetAlertPct },
      audit: {
        targetId: tenantId, targetName: tenant.slug,
        before: view(tenant), after: view(updated),
      },
    };
  },
});
