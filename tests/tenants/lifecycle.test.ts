// The tenant lifecycle on real PostgreSQL: every (kind, from, to) of the state machine through
// changeTenantStatus (archiveTenant for → archived), reasons, authorization, extending a trial, archiving with
// its removal, concurrency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { TenantKind, TenantStatus } from "../../lib/db/generated/enums";
import type { Actor } from "../../lib/auth/principal";
import { allowedTransitions, archiveTenant, changeTenantStatus, extendTrial } from "../../lib/domain/tenants/lifecycle";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";
import { DAY_MS } from "../support/time";
import { ARCHIVED, FULL, dataCounts, tenantWithData } from "./lifecycle-fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);
const STATUSES: TenantStatus[] = ["demo", "trial", "active", "frozen", "archived"];

// The lifecycle, written out by hand: for each kind and current status, whether each target is allowed.
// "no such state": the database refuses a tenant in it (status demo exactly when kind demo).
type Row = readonly [demo: boolean, trial: boolean, active: boolean, frozen: boolean, archived: boolean] | "no such state";
const EXPECTED: Record<TenantKind, Record<TenantStatus, Row>> = {
  customer: {
    //         demo   trial  active frozen archived
    demo: "no such state",
    trial:    [false, false, true,  true,  false],
    active:   [false, false, false, true,  false],
    frozen:   [false, false, true,  false, true ],
    archived: [false, false, false, false, false],
  },
  demo: {
    demo:     [false, false, false, false, true ],
    trial: "no such state",
    active: "no such state",
    frozen: "no such state",
    archived: [false, false, false, false, false],
  },
};

/** A tenant of `kind` in `status` whose status began two days ago (a trial ends in a week). */
const tenantIn = (kind: TenantKind, status: TenantStatus) =>
  tenantFor(db, { kind, status, trialEndsAt: status === "trial" ? inDays(7) : null, statusChangedAt: inDays(-2) });

let sales: Actor;
let admin: Actor;
beforeAll(async () => {
  sales = await actorFor(db, { staffRole: "sales" });
  admin = await actorFor(db, { staffRole: "admin" });
});

/** The plan and contract an activation of a trial gives with it, as the dialog sends them. */
const SIGNED = { plan: "pro", contractStart: "2026-12-01", contractEnd: "2027-11-30" } as const;

/**
 * Moves `tenant` as the console would: archiving through archiveTenant with its slug typed, the rest by status,
 * activating a trial with its plan and contract.
 */
const move = (tenant: { id: string; slug: string; status: TenantStatus }, to: TenantStatus) =>
  to === "archived"
    ? archiveTenant(sales, { tenantId: tenant.id, confirmSlug: tenant.slug, reason: "lifecycle matrix" })
    : changeTenantStatus(sales, { tenantId: tenant.id, to, reason: "lifecycle matrix", ...(tenant.status === "trial" && to === "active" ? SIGNED : {}) });

describe("the lifecycle table, through changeTenantStatus and archiveTenant", () => {
  for (const kind of ["customer", "demo"] as const) {
    for (const from of STATUSES) {
      const row = EXPECTED[kind][from];
      if (row === "no such state") {
        it(`a ${kind} tenant cannot be ${from}, and would have nowhere to go`, async () => {
          await expect(tenantIn(kind, from)).rejects.toThrow(/tenants_demo_status_matches_kind/);
          expect(allowedTransitions({ kind, status: from })).toEqual([]);
        });
        continue;
      }
      STATUSES.forEach((to, column) => {
        const allowed = row[column];
        it(`${kind}: ${from} → ${to} is ${allowed ? "allowed" : "refused"}`, async () => {
          const tenant = await tenantIn(kind, from);
          const result = await move(tenant, to);
          const after = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
          const events = await auditOf(db, { tenantId: tenant.id });
          if (allowed) {
            expect(result).toEqual({ ok: true, data: { status: to } });
            expect(after.status).toBe(to);
            expect(after.statusChangedAt.getTime()).toBeGreaterThan(tenant.statusChangedAt.getTime());
            expect(events).toHaveLength(1);
          } else {
            expect(result).toMatchObject({ ok: false, kind: "validation" });
            const message = result.ok ? "" : (result as { fieldErrors: Record<string, string[]> }).fieldErrors.to.join(" ");
            if (from === "archived") expect(message).toMatch(/archived is final/);
            for (const next of allowedTransitions({ kind, status: from })) expect(message).toContain(next);
            expect(after.status).toBe(from);
            expect(after.statusChangedAt).toEqual(tenant.statusChangedAt);
            expect(events).toHaveLength(0);
          }
        });
      });
    }
  }
});

describe("changeTenantStatus", () => {
  it("records one audit event with the actor, the reason, and the status before and after", async () => {
    const tenant = await tenantIn("customer", "trial");
    const result = await changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "  signed the contract  ", ...SIGNED });
    expect(result.ok).toBe(true);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "tenant.status_changed", actorType: "user", actorId: sales.id, actorName: sales.name, isFailure: false,
      targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, description: "signed the contract",
      metadata: { reason: "signed the contract", before: { status: "trial" }, after: { status: "active" } },
    });
  });

  for (const [what, reason, message] of [
    ["missing", undefined, "Say why."],
    ["blank", "   ", "Say why, in at least 3 characters."],
    ["too short once trimmed", " ok ", "Say why, in at least 3 characters."],
    ["too long", "x".repeat(501), "Keep the reason to 500 characters."],
  ] as const) {
    it(`refuses a reason that is ${what}: validation on reason, nothing changed`, async () => {
      const tenant = await tenantIn("customer", "active");
      const result = await changeTenantStatus(sales, { tenantId: tenant.id, to: "frozen", reason });
      expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { reason: [message] } });
      expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("active");
      expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
    });
  }

  it("refuses → archived, which only archiveTenant does once the slug is typed: nothing removed, nothing recorded", async () => {
    const { tenant, webhookId } = await tenantWithData(db, { status: "frozen" });
    const result = await changeTenantStatus(admin, { tenantId: tenant.id, from: "frozen", to: "archived", reason: "crafted request" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { to: [expect.stringContaining("type its slug")] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("frozen");
    expect(await dataCounts(db, tenant.id, webhookId)).toEqual(FULL);
    expect((await auditOf(db, { tenantId: tenant.id })).map((e) => e.action)).toEqual(["api_key.created"]);
  });

  it("answers not_found for a tenant that does not exist", async () => {
    expect(await changeTenantStatus(sales, { tenantId: randomUUID(), to: "active", reason: "no such tenant" })).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("refuses as a conflict when the tenant is no longer in the status the caller saw", async () => {
    const tenant = await tenantIn("customer", "frozen");
    const result = await changeTenantStatus(sales, { tenantId: tenant.id, from: "trial", to: "active", reason: "stale screen" });
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("frozen");
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });
});

describe("who may change a tenant's lifecycle", () => {
  for (const staffRole of ["sales", "admin"] as const) {
    it(`${staffRole} staff may`, async () => {
      const tenant = await tenantIn("customer", "trial");
      const actor = await actorFor(db, { staffRole });
      expect(await changeTenantStatus(actor, { tenantId: tenant.id, to: "active", reason: "converted", ...SIGNED })).toMatchObject({ ok: true });
      expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("active");
    });
  }

  const refused = [
    ["the tenant's owner", { roles: "owner" }],
    ["a member", { roles: "member" }],
    ["a viewer", { roles: "viewer" }],
    ["support staff", { staffRole: "support" }],
  ] as const;
  for (const [who, as] of refused) {
    it(`${who} may not: forbidden, nothing changed, one failure event`, async () => {
      const tenant = await tenantIn("customer", "trial");
      const actor = "roles" in as
        ? await actorFor(db, { roles: { [tenant.id]: as.roles } })
        : await actorFor(db, { staffRole: as.staffRole });
      const result = await changeTenantStatus(actor, { tenantId: tenant.id, to: "active", reason: "let me in" });
      expect(result).toMatchObject({ ok: false, kind: "forbidden" });
      const after = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(after.status).toBe("trial");
      expect(after.statusChangedAt).toEqual(tenant.statusChangedAt);
      const events = await auditOf(db, { tenantId: tenant.id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "tenant.status_changed", actorId: actor.id, isFailure: true });
    });
  }
});

describe("extendTrial", () => {
  it("moves the trial end later and records before and after", async () => {
    const tenant = await tenantIn("customer", "trial");
    const newEnd = inDays(21);
    const result = await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: newEnd.toISOString(), reason: "needs more time to evaluate" });
    expect(result).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toEqual(newEnd);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "tenant.trial_extended", actorId: sales.id, targetId: tenant.id, description: "needs more time to evaluate",
      metadata: { before: { trialEndsAt: tenant.trialEndsAt!.toISOString() }, after: { trialEndsAt: newEnd.toISOString() } },
    });
  });

  for (const [what, end, message] of [
    ["in the past", () => inDays(-1), "The new end must be in the future."],
    ["not later than the current end", () => inDays(3), "The new end must be later than the current one"],
  ] as const) {
    it(`refuses a new end ${what}: validation on trialEndsAt, nothing changed`, async () => {
      const tenant = await tenantIn("customer", "trial");
      const result = await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: end().toISOString(), reason: "more time" });
      expect(result).toMatchObject({ ok: false, kind: "validation" });
      expect(result.ok ? [] : (result as { fieldErrors: Record<string, string[]> }).fieldErrors.trialEndsAt.join(" ")).toContain(message);
      expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toEqual(tenant.trialEndsAt);
      expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
    });
  }

  it("refuses a tenant that is not in trial", async () => {
    const tenant = await tenantIn("customer", "active");
    const result = await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: inDays(30).toISOString(), reason: "more time" });
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toBeNull();
  });

  it("is refused to a tenant's owner", async () => {
    const tenant = await tenantIn("customer", "trial");
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    expect(await extendTrial(owner, { tenantId: tenant.id, trialEndsAt: inDays(30).toISOString(), reason: "more time" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toEqual(tenant.trialEndsAt);
  });
});

describe("archiveTenant", () => {
  it("refuses a confirmation that is not the slug exactly, and removes nothing", async () => {
    const { tenant, webhookId } = await tenantWithData(db, { status: "frozen" });
    const result = await archiveTenant(admin, { tenantId: tenant.id, confirmSlug: tenant.slug.toUpperCase(), reason: "customer left" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { confirmSlug: [`Type ${tenant.slug} exactly to confirm.`] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("frozen");
    expect(await dataCounts(db, tenant.id, webhookId)).toEqual(FULL);
  });

  it("refuses a tenant the table does not let go to archived (an active one)", async () => {
    const { tenant, webhookId } = await tenantWithData(db, { status: "active" });
    const result = await archiveTenant(admin, { tenantId: tenant.id, confirmSlug: tenant.slug, reason: "customer left" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { to: [expect.stringContaining("frozen")] } });
    expect(await dataCounts(db, tenant.id, webhookId)).toEqual(FULL);
  });

  it("removes the tenant's data in one go and keeps the tenant row, its memberships and its audit log", async () => {
    const { tenant, webhookId } = await tenantWithData(db, { status: "frozen" });
    const result = await archiveTenant(sales, { tenantId: tenant.id, confirmSlug: ` ${tenant.slug} `, reason: "customer left" });
    expect(result).toEqual({ ok: true, data: { status: "archived" } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("archived");
    expect(await dataCounts(db, tenant.id, webhookId)).toEqual(ARCHIVED);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events.map((e) => e.action)).toEqual(["api_key.created", "tenant.archived"]);
    expect(events[1]).toMatchObject({
      actorId: sales.id, description: "customer left",
      metadata: {
        reason: "customer left", before: { status: "frozen" }, after: { status: "archived" },
        removed: {
          apiKeys: 1, providerConfigs: 1, featureFlags: 1, routingRules: 1, usageEvents: 1, usageHourly: 1, usageDaily: 1, usageRoutingDaily: 1,
          webhooks: 1, pendingInvitations: 1, products: 1, idpConfigs: 1, projects: 1,
        },
      },
    });
  });
});

describe("two transitions at the same time", () => {
  it("→ active and → frozen from the same trial: exactly one applies, the other is refused", async () => {
    const tenant = await tenantIn("customer", "trial");
    const results = await Promise.all((["active", "frozen"] as const).map((to) =>
      changeTenantStatus(sales, { tenantId: tenant.id, from: "trial", to, reason: "both at once", ...(to === "active" ? SIGNED : {}) })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ kind: "conflict" }]);
    const winner = results[0].ok ? "active" : "frozen";
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe(winner);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({ before: { status: "trial" }, after: { status: winner } });
  });

  it("→ active twice: the second sees active and is refused by the table", async () => {
    const tenant = await tenantIn("customer", "trial");
    const results = await Promise.all([1, 2].map(() => changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "double click", ...SIGNED })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ kind: "validation", fieldErrors: { to: [expect.any(String)] } }]);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(1);
  });
});
