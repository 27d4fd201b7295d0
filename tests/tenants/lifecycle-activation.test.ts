// Activating a trial in one step: changeTenantStatus sets the plan and contract with the status, in one transaction
// with its event, and refuses bad terms with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/principal";
import { changeTenantStatus } from "../../lib/domain/tenants/lifecycle";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";
import { DAY_MS } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

let sales: Actor;
beforeAll(async () => {
  sales = await actorFor(db, { staffRole: "sales" });
});

const trial = () => tenantFor(db, { status: "trial", plan: "starter", trialEndsAt: new Date(Date.now() + 7 * DAY_MS) });
const activate = (tenantId: string, terms: Record<string, string>) =>
  changeTenantStatus(sales, { tenantId, from: "trial", to: "active", reason: "signed the annual contract", ...terms });

describe("activating a trial", () => {
  it("sets the plan and contract with the status, and records what changed in the one event", async () => {
    const tenant = await trial();
    const result = await activate(tenant.id, { plan: "enterprise", contractStart: "2026-12-01", contractEnd: "2027-11-30" });
    expect(result).toEqual({ ok: true, data: { status: "active" } });
    const after = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(after).toMatchObject({ status: "active", plan: "enterprise", contractStart: new Date("2026-12-01"), contractEnd: new Date("2027-11-30") });
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([["tenant.status_changed", {
      reason: "signed the annual contract",
      before: { status: "trial", plan: "starter", contractStart: null, contractEnd: null },
      after: { status: "active", plan: "enterprise", contractStart: "2026-12-01", contractEnd: "2027-11-30" },
    }]]);
  });

  it("takes a contract with no end (until cancelled), and records only the terms that changed", async () => {
    const tenant = await trial();
    expect(await activate(tenant.id, { plan: "starter", contractStart: "2026-12-01", contractEnd: "" })).toMatchObject({ ok: true });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ plan: "starter", contractStart: new Date("2026-12-01"), contractEnd: null });
    const [event] = await auditOf(db, { tenantId: tenant.id });
    expect(event.metadata).toMatchObject({ before: { status: "trial", contractStart: null }, after: { status: "active", contractStart: "2026-12-01" } });
    expect(Object.keys((event.metadata as { after: object }).after).sort()).toEqual(["contractStart", "status"]);
  });

  for (const [what, terms, field, message] of [
    ["an end before the start", { plan: "pro", contractStart: "2027-01-31", contractEnd: "2027-01-01" }, "contractEnd", "The contract cannot end before it starts."],
    ["a day no calendar has", { plan: "pro", contractStart: "2027-02-31" }, "contractStart", "Use a date like 2027-01-31."],
    ["no plan", { contractStart: "2026-12-01" }, "plan", "Choose the plan the customer signed for."],
    ["a plan that does not exist", { plan: "platinum", contractStart: "2026-12-01" }, "plan", "Choose a plan."],
    ["no contract start", { plan: "pro", contractStart: "" }, "contractStart", "Give the day the contract starts."],
  ] as const) {
    it(`refuses ${what}: validation on ${field}, nothing changed, nothing recorded`, async () => {
      const tenant = await trial();
      expect(await activate(tenant.id, terms)).toMatchObject({ ok: false, kind: "validation", fieldErrors: { [field]: [message] } });
      expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: "trial", plan: "starter", contractStart: null, contractEnd: null });
      expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
    });
  }

  it("refuses terms on any other move: they are the details form's to change", async () => {
    const tenant = await tenantFor(db, { status: "frozen", plan: "starter" });
    const result = await changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "invoice paid", plan: "pro", contractStart: "2026-12-01" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { plan: [expect.stringContaining("Only activating a trial")] } });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: "frozen", plan: "starter" });
    // without them, a frozen tenant is activated again as before
    expect(await changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "invoice paid" })).toMatchObject({ ok: true });
  });
});
