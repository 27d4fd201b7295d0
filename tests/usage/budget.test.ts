import { afterAll, describe, expect, it } from "vitest";
import { setBudget } from "../../lib/domain/usage/budget";
import { actorFor, tenantFor, tenantWithOwner } from "../support/actors";
import { testPrisma } from "../support/database";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

const budgetOf = (id: string) => db.tenant.findUniqueOrThrow({ where: { id }, select: { monthlyBudgetUsd: true, budgetAlertPct: true } })
  .then((t) => ({ budget: t.monthlyBudgetUsd?.toFixed(2) ?? null, alertPct: t.budgetAlertPct }));
const budgetEventsOf = (tenantId: string) => auditOf(db, { tenantId, action: "tenant.budget_changed", isFailure: false });

describe("setBudget", () => {
  it("lets an owner set the budget and alert, with one audit event holding before and after", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { monthlyBudgetUsd: "100" });
    const result = await setBudget(owner, { tenantId: tenant.id, monthlyBudgetUsd: "2500.50", alertPct: "90" });
    expect(result).toEqual({ ok: true, data: { monthlyBudgetUsd: "2500.50", alertPct: 90 } });
    expect(await budgetOf(tenant.id)).toEqual({ budget: "2500.50", alertPct: 90 });
    const events = await budgetEventsOf(tenant.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: owner.id, actorType: "user", targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, isFailure: false,
      metadata: { before: { monthlyBudgetUsd: "100.00", budgetAlertPct: 80 }, after: { monthlyBudgetUsd: "2500.50", budgetAlertPct: 90 } },
    });
  });

  it("clears the budget with an empty amount", async () => {
    const tenant = await tenantFor(db, { monthlyBudgetUsd: "100" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await setBudget(admin, { tenantId: tenant.id, monthlyBudgetUsd: "", alertPct: 80 })).toMatchObject({ ok: true, data: { monthlyBudgetUsd: null } });
    expect(await budgetOf(tenant.id)).toEqual({ budget: null, alertPct: 80 });
  });

  it("answers bad amounts and percentages with field errors and changes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { monthlyBudgetUsd: "100" });
    for (const [monthlyBudgetUsd, alertPct, field] of [
      ["12.345", 80, "monthlyBudgetUsd"], ["0", 80, "monthlyBudgetUsd"], ["-5", 80, "monthlyBudgetUsd"], ["ten", 80, "monthlyBudgetUsd"],
      ["100", 0, "alertPct"], ["100", 101, "alertPct"], ["100", 50.5, "alertPct"],
    ] as const) {
      const result = await setBudget(owner, { tenantId: tenant.id, monthlyBudgetUsd, alertPct });
      expect(result).toMatchObject({ ok: false, kind: "validation" });
      expect(Object.keys(result.ok ? {} : result.fieldErrors ?? {})).toEqual([field]);
    }
    expect(await budgetOf(tenant.id)).toEqual({ budget: "100.00", alertPct: 80 });
    expect(await budgetEventsOf(tenant.id)).toHaveLength(0);
  });

  it("refuses members, viewers and sales staff, and changes nothing", async () => {
    const tenant = await tenantFor(db, { monthlyBudgetUsd: "100" });
    for (const actor of [
      await actorFor(db, { roles: { [tenant.id]: "member" } }),
      await actorFor(db, { roles: { [tenant.id]: "viewer" } }),
      await actorFor(db, { staffRole: "sales" }),
    ]) {
      expect(await setBudget(actor, { tenantId: tenant.id, monthlyBudgetUsd: "1", alertPct: 10 })).toMatchObject({ ok: false, kind: "forbidden" });
    }
    expect(await budgetOf(tenant.id)).toEqual({ budget: "100.00", alertPct: 80 });
    expect(await budgetEventsOf(tenant.id)).toHaveLength(0);
  });

  it("says when the tenant does not exist", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await setBudget(admin, { tenantId: "00000000-0000-4000-8000-000000000000", monthlyBudgetUsd: "1", alertPct: 10 }))
      .toMatchObject({ ok: false, kind: "not_found" });
  });
});
