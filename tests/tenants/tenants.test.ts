// Creating tenants, editing their commercial details (with optimistic concurrency) and the staff list.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTenant, updateTenantDetails } from "../../lib/domain/tenants/service";
import { extendTrial } from "../../lib/domain/tenants/lifecycle";
import { setBudget } from "../../lib/domain/usage/budget";
import { listTenantOverview, listTenants, OVERVIEW_LIMIT, type TenantListParams } from "../../lib/domain/tenants/queries";
import { testPrisma, uniqueSlug } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

/** What the details form sends: the tenant's fields (with `patch` typed over them), and beside them as `seen.*` what it was drawn from. */
const detailsOf = async (tenantId: string, patch: Record<string, string> = {}) => {
  const t = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const drawn = {
    name: t.name, plan: t.plan, erpCustomerId: t.erpCustomerId ?? "", stripeCustomerId: t.stripeCustomerId ?? "",
    contractStart: day(t.contractStart), contractEnd: day(t.contractEnd), salesOwnerId: t.salesOwnerId ?? "",
  };
  const seen = Object.fromEntries(Object.entries(drawn).map(([field, value]) => [`seen.${field}`, value]));
  return { tenantId, expectedUpdatedAt: t.updatedAt.toISOString(), ...drawn, ...seen, ...patch };
};

/** Until a statement of this database matching `pattern` (ILIKE) waits on a lock another transaction holds. */
async function untilWaitingOnLock(pattern: string) {
  while (!(await db.$queryRaw<{ waiting: boolean }[]>`
    SELECT count(*) > 0 AS waiting FROM pg_stat_activity
    WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE ${pattern}`)[0].waiting) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("createTenant", () => {
  it("starts a trial and invites the first owner, both audited", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const slug = uniqueSlug("new");
    const result = await createTenant(sales, { slug, name: "New Co", kind: "customer", plan: "pro", trialDays: "10", ownerEmail: "Boss@NewCo.Example" });
    expect(result).toEqual({ ok: true, data: { slug } });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, include: { invitations: true } });
    expect(tenant).toMatchObject({ status: "trial", kind: "customer", plan: "pro", salesOwnerId: sales.id });
    expect(tenant.trialEndsAt!.getTime() - Date.now()).toBeGreaterThan(9.9 * 86_400_000);
    expect(tenant.invitations).toMatchObject([{ email: "boss@newco.example", role: "owner" }]);
    const audit = await db.auditLog.findMany({ where: { tenantId: tenant.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["invitation.created", "tenant.created"]);
    expect(audit.every((a) => a.actorId === sales.id)).toBe(true);
  });

  it("starts the tenant usable: its plan's products enabled, a default project, its creator as sales owner, all in its event", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const slug = uniqueSlug("usable");
    expect(await createTenant(sales, { slug, name: "Usable", kind: "customer", plan: "pro", ownerEmail: "u@example.test" })).toMatchObject({ ok: true });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug }, include: { products: { orderBy: { product: "asc" } }, projects: true } });
    expect(tenant.products).toMatchObject([
      { product: "analytics", enabled: true, config: { retention_days: 90 }, expiresAt: null },
      { product: "gateway", enabled: true, config: { rate_limit_rpm: 600 }, expiresAt: null },
    ]);
    expect(tenant.projects).toMatchObject([{ name: "Default", slug: "default", status: "active" }]);
    expect(tenant.salesOwnerId).toBe(sales.id);
    const [event] = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "tenant.created" } });
    expect(event.metadata).toMatchObject({ after: { salesOwnerId: sales.id, salesOwner: sales.name, products: ["gateway", "analytics"], project: "default" } });

    const starter = uniqueSlug("starter");
    await createTenant(sales, { slug: starter, name: "Starter", kind: "customer", plan: "starter", ownerEmail: "s@example.test" });
    expect(await db.tenantProduct.findMany({ where: { tenant: { slug: starter } }, select: { product: true, enabled: true } })).toEqual([{ product: "gateway", enabled: true }]);
  });

  it("makes a demo tenant demo, with no trial", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const slug = uniqueSlug("demo");
    await createTenant(admin, { slug, name: "Demo", kind: "demo", plan: "free", ownerEmail: "d@example.test" });
    expect(await db.tenant.findUniqueOrThrow({ where: { slug } })).toMatchObject({ status: "demo", trialEndsAt: null });
  });

  it.each([
    [{ slug: "-bad" }, "slug"], [{ slug: "AB" }, "slug"], [{ slug: "platform" }, "slug"], [{ ownerEmail: "not-an-email" }, "ownerEmail"],
    [{ name: " " }, "name"], [{ trialDays: "0" }, "trialDays"], [{ plan: "platinum" }, "plan"],
  ])("refuses %j with a field error and creates nothing", async (patch, field) => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const input = { slug: uniqueSlug("ok"), name: "X", kind: "customer", plan: "starter", ownerEmail: "a@example.test", ...patch };
    const result = await createTenant(sales, input);
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty(field);
    expect(await db.tenant.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("refuses a taken slug on the slug field", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const existing = await tenantFor(db);
    const result = await createTenant(sales, { slug: existing.slug, name: "Dup", kind: "customer", plan: "starter", ownerEmail: "a@example.test" });
    expect(result).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { slug: [`${existing.slug} is already a tenant's slug.`] } });
  });

  it("refuses an ERP id another tenant has in another case, naming that tenant, and creates nothing", async () => {
    const erp = `ERP-${randomBytes(3).toString("hex").toUpperCase()}`;
    const acme = await tenantFor(db, { erpCustomerId: erp, name: "Acme Corp" });
    const sales = await actorFor(db, { staffRole: "sales" });
    const slug = uniqueSlug("twin");
    const result = await createTenant(sales, { slug, name: "Twin", kind: "customer", plan: "starter", ownerEmail: "a@example.test", erpCustomerId: erp.toLowerCase() });
    expect(result).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { erpCustomerId: [`${erp.toLowerCase()} already belongs to Acme Corp (${acme.slug}).`] } });
    expect(await db.tenant.count({ where: { slug } })).toBe(0);
  });

  it("is for sales and admin staff only", async () => {
    const tenant = await tenantFor(db);
    for (const actor of [await actorFor(db, { roles: { [tenant.id]: "owner" } }), await actorFor(db, { staffRole: "support" })]) {
      const slug = uniqueSlug("nope");
      expect(await createTenant(actor, { slug, name: "N", kind: "customer", plan: "starter", ownerEmail: "a@example.test" })).toMatchObject({ kind: "forbidden" });
      expect(await db.tenant.count({ where: { slug } })).toBe(0);
    }
  });
});

describe("updateTenantDetails", () => {
  it("saves the commercial fields and audits before and after of what changed", async () => {
    const tenant = await tenantFor(db, { plan: "starter" });
    const sales = await actorFor(db, { staffRole: "sales" });
    const erp = `ERP-${randomBytes(3).toString("hex")}`;
    const result = await updateTenantDetails(sales, await detailsOf(tenant.id, { plan: "pro", erpCustomerId: erp, contractStart: "2026-01-01", contractEnd: "2026-12-31" }));
    expect(result).toEqual({ ok: true, data: { changed: ["plan", "ERP customer id", "contract start", "contract end"] } });
    const [event] = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "tenant.details_updated" } });
    expect(event.metadata).toMatchObject({ before: { plan: "starter", erpCustomerId: null }, after: { plan: "pro", erpCustomerId: erp, contractEnd: "2026-12-31" } });
  });

  it("names the other tenant when an external id is taken, on its field", async () => {
    const other = await tenantFor(db, { erpCustomerId: `ERP-${randomBytes(3).toString("hex")}`, name: "Other Co" });
    const tenant = await tenantFor(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    const result = await updateTenantDetails(admin, await detailsOf(tenant.id, { erpCustomerId: other.erpCustomerId! }));
    expect(result).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { erpCustomerId: [`${other.erpCustomerId} already belongs to Other Co (${other.slug}).`] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).erpCustomerId).toBeNull();
  });

  it("refuses an ERP id that differs from another tenant's only by case", async () => {
    const erp = `ERP-${randomBytes(3).toString("hex").toUpperCase()}`;
    const acme = await tenantFor(db, { erpCustomerId: erp, name: "Acme Corp" });
    const tenant = await tenantFor(db);
    const sales = await actorFor(db, { staffRole: "sales" });
    const result = await updateTenantDetails(sales, await detailsOf(tenant.id, { erpCustomerId: erp.toLowerCase() }));
    expect(result).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { erpCustomerId: [`${erp.toLowerCase()} already belongs to Acme Corp (${acme.slug}).`] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).erpCustomerId).toBeNull();
    // its own id in another case is no clash
    const own = await tenantFor(db, { erpCustomerId: `ERP-${randomBytes(3).toString("hex").toUpperCase()}` });
    expect(await updateTenantDetails(sales, await detailsOf(own.id, { erpCustomerId: own.erpCustomerId!.toLowerCase() }))).toMatchObject({ ok: true });
  });

  it("gives the ERP id's field error when a concurrent save took the id after this one checked it", async () => {
    const erp = `ERP-${randomBytes(3).toString("hex").toUpperCase()}`;
    const [holder, tenant] = [await tenantFor(db, { name: "Quick Co" }), await tenantFor(db)];
    const sales = await actorFor(db, { staffRole: "sales" });
    const form = await detailsOf(tenant.id, { erpCustomerId: erp.toLowerCase() });
    // The other save has written the id, not yet committed: this one's check cannot see it, its write waits on the index.
    let commitHolder!: () => void;
    const holderMayCommit = new Promise<void>((resolve) => (commitHolder = resolve));
    let written!: () => void;
    const idWritten = new Promise<void>((resolve) => (written = resolve));
    const other = db.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: holder.id }, data: { erpCustomerId: erp } });
      written();
      await holderMayCommit;
    }, { timeout: 20_000 });
    await idWritten;
    const save = updateTenantDetails(sales, form);
    await untilWaitingOnLock("%UPDATE%tenants%erp_customer_id%");
    commitHolder();
    await other;
    expect(await save).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { erpCustomerId: [`${erp.toLowerCase()} already belongs to Quick Co (${holder.slug}).`] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).erpCustomerId).toBeNull();
  });

  it("sets a staff person as sales owner, auditing their name, and refuses anyone who may not own accounts", async () => {
    const tenant = await tenantFor(db);
    const [sales, ada] = [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "admin" })];
    expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { salesOwnerId: ada.id! }))).toEqual({ ok: true, data: { changed: ["sales owner"] } });
    const [event] = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "tenant.details_updated" } });
    expect(event.metadata).toMatchObject({ before: { salesOwnerId: null, salesOwner: null }, after: { salesOwnerId: ada.id, salesOwner: ada.name } });
    const [support, customer] = [await actorFor(db, { staffRole: "support" }), await actorFor(db, { roles: { [tenant.id]: "owner" } })];
    for (const id of [support.id!, customer.id!, "00000000-0000-4000-8000-000000000000"]) {
      expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { salesOwnerId: id })))
        .toMatchObject({ ok: false, kind: "validation", fieldErrors: { salesOwnerId: ["Choose a person of the sales or admin staff, or no sales owner."] } });
    }
    expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { salesOwnerId: "Bob Nobody" }))).toMatchObject({ kind: "validation", fieldErrors: { salesOwnerId: expect.any(Array) } });
    expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { salesOwnerId: "" }))).toEqual({ ok: true, data: { changed: ["sales owner"] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).salesOwnerId).toBeNull();
  });

  it("names the other tenant when a Stripe customer id is taken, on that field alone, and changes nothing", async () => {
    const other = await tenantFor(db, { stripeCustomerId: `cus_${randomBytes(4).toString("hex")}`, name: "Stripe Co" });
    const tenant = await tenantFor(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    const result = await updateTenantDetails(admin, await detailsOf(tenant.id, { name: "Renamed", stripeCustomerId: other.stripeCustomerId! }));
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect(result.ok ? {} : result.fieldErrors).toEqual({ stripeCustomerId: [`${other.stripeCustomerId} already belongs to Stripe Co (${other.slug}).`] });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toEqual(tenant);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("refuses a contract that ends before it starts, and a malformed Stripe id, changing nothing", async () => {
    const tenant = await tenantFor(db);
    const sales = await actorFor(db, { staffRole: "sales" });
    expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { name: "Renamed", contractStart: "2026-05-01", contractEnd: "2026-04-01" })))
      .toMatchObject({ kind: "validation", fieldErrors: { contractEnd: ["The contract cannot end before it starts."] } });
    expect(await updateTenantDetails(sales, await detailsOf(tenant.id, { stripeCustomerId: "stripe-123" })))
      .toMatchObject({ kind: "validation", fieldErrors: { stripeCustomerId: ["Stripe customer ids look like cus_…"] } });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toEqual(tenant);
  });

  it("lets one of two concurrent edits win and refuses the other with what changed, losing no update", async () => {
    const tenant = await tenantFor(db, { plan: "starter", name: "Before" });
    const [alice, bob] = [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "admin" })];
    const seen = await detailsOf(tenant.id);
    const results = await Promise.all([
      updateTenantDetails(alice, { ...seen, plan: "pro" }),
      updateTenantDetails(bob, { ...seen, name: "Bob's name" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    // the loser is told which field the winner changed
    const winnerChanged = results[0].ok ? "plan" : "name";
    expect(refused).toMatchObject({ ok: false, kind: "conflict" });
    expect(Object.keys(refused.ok ? {} : refused.fieldErrors ?? {})).toEqual([winnerChanged]);
    const after = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    // the winner's change is there in full; the loser's is not half-applied
    expect([after.plan === "pro" && after.name === "Before", after.plan === "starter" && after.name === "Bob's name"]).toContain(true);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.details_updated" } })).toBe(1);
  });

  it("names the winner's field even when this edit read the row before the winner committed", async () => {
    const tenant = await tenantFor(db, { plan: "starter", name: "Before" });
    const bob = await actorFor(db, { staffRole: "admin" });
    const seen = await detailsOf(tenant.id);
    let commitWinner!: () => void;
    const winnerMayCommit = new Promise<void>((resolve) => (commitWinner = resolve));
    // The winner holds the row, changed but not committed, while the loser waits to lock it.
    let winnerHolds!: () => void;
    const rowHeld = new Promise<void>((resolve) => (winnerHolds = resolve));
    const winner = db.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenant.id }, data: { plan: "pro" } });
      winnerHolds();
      await winnerMayCommit;
    }, { timeout: 20_000 });
    await rowHeld;
    const loser = updateTenantDetails(bob, { ...seen, name: "Bob's name" });
    await untilWaitingOnLock("%tenants%FOR UPDATE%");
    commitWinner();
    await winner;
    const refused = await loser;
    expect(refused).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { plan: [expect.stringContaining("“pro”")] } });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ plan: "pro", name: "Before" });
  });

  it("saves a form drawn before a change to something else (a trial extension, a budget), which moved updated_at", async () => {
    const tenant = await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + 7 * 86_400_000), plan: "starter" });
    const [sales, owner] = [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { roles: { [tenant.id]: "owner" } })];
    const form = await detailsOf(tenant.id, { plan: "pro" });
    expect(await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), reason: "more time" })).toMatchObject({ ok: true });
    expect(await setBudget(owner, { tenantId: tenant.id, monthlyBudgetUsd: "500", alertPct: "80" })).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).updatedAt.toISOString()).not.toBe(form.expectedUpdatedAt);
    expect(await updateTenantDetails(sales, form)).toEqual({ ok: true, data: { changed: ["plan"] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe("pro");
  });

  it("names who saved the field meanwhile, not whoever changed the tenant since", async () => {
    const tenant = await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + 7 * 86_400_000), name: "Before", plan: "starter" });
    const [alice, sam, carol] = [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "admin" })];
    const carolsForm = await detailsOf(tenant.id, { plan: "pro" });
    expect(await updateTenantDetails(alice, await detailsOf(tenant.id, { name: "Alice's name" }))).toMatchObject({ ok: true });
    expect(await extendTrial(sam, { tenantId: tenant.id, trialEndsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), reason: "more time" })).toMatchObject({ ok: true });
    const result = await updateTenantDetails(carol, carolsForm);
    expect(result).toMatchObject({
      ok: false, kind: "conflict", message: expect.stringMatching(new RegExp(`^${alice.name} saved this tenant`)),
      fieldErrors: { name: [`${alice.name} changed this to “Alice's name” meanwhile.`] },
    });
    expect(Object.keys(result.ok ? {} : result.fieldErrors ?? {})).toEqual(["name"]);
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ name: "Alice's name", plan: "starter" });
  });

  it("is refused for the tenant's own owner and for a viewer", async () => {
    const tenant = await tenantFor(db, { plan: "starter" });
    for (const role of ["owner", "viewer"] as const) {
      const actor = await actorFor(db, { roles: { [tenant.id]: role } });
      expect(await updateTenantDetails(actor, await detailsOf(tenant.id, { plan: "enterprise" }))).toMatchObject({ kind: "forbidden" });
    }
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).plan).toBe("starter");
  });
});

describe("listTenants", () => {
  const params = (patch: Partial<TenantListParams> = {}): TenantListParams => ({
    q: "", status: [], kind: null, plan: null, owner: null, trialWithin: null, sort: "name", dir: "asc", page: 1, ...patch,
  });

  it("filters trials ending within N days, searches ERP ids, and counts per status", async () => {
    const owner = (await actorFor(db, { staffRole: "sales" })).id!;
    const soon = await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + 3 * 86_400_000), salesOwnerId: owner });
    await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + 20 * 86_400_000), salesOwnerId: owner });
    const erp = `ERP-${randomBytes(3).toString("hex")}`;
    await tenantFor(db, { status: "active", salesOwnerId: owner, erpCustomerId: erp });
    const sales = await actorFor(db, { staffRole: "sales" });

    const trials = await listTenants(sales, params({ owner, trialWithin: 7 }));
    expect(trials!.rows.map((t) => t.id)).toEqual([soon.id]);
    const mine = await listTenants(sales, params({ owner }));
    expect(mine!.statusCounts).toEqual({ trial: 2, active: 1 });
    const byErp = await listTenants(sales, params({ q: erp.toLowerCase() }));
    expect(byErp!.rows.map((t) => t.erpCustomerId)).toEqual([erp]);
    const activeOnly = await listTenants(sales, params({ owner, status: ["active"] }));
    expect(activeOnly!.total).toBe(1);
    expect(activeOnly!.statusCounts).toEqual({ trial: 2, active: 1 }); // counts ignore the status filter itself
  });

  it("matches an ERP id exactly, case-folded: _ and % in the search are themselves, not wildcards", async () => {
    const token = randomBytes(3).toString("hex");
    const [underscore, x] = [await tenantFor(db, { erpCustomerId: `ERP-A_B-${token}` }), await tenantFor(db, { erpCustomerId: `ERP-AXB-${token}` })];
    const sales = await actorFor(db, { staffRole: "sales" });
    const found = async (q: string) => (await listTenants(sales, params({ q })))!.rows.map((t) => t.id);
    expect(await found(`erp-a_b-${token}`)).toEqual([underscore.id]);
    expect(await found(`erp-axb-${token}`)).toEqual([x.id]);
    expect(await found(`erp-a%-${token}`)).toEqual([]);
  });

  it("filters by a sales owner's id or by me, offers the staff who may own accounts (me first), and says what a bad id is", async () => {
    const sam = await actorFor(db, { staffRole: "sales" });
    const support = await actorFor(db, { staffRole: "support" });
    const mine = await tenantFor(db, { salesOwnerId: sam.id });
    const list = await listTenants(sam, params({ owner: "me" }));
    expect(list!.rows.map((t) => t.id)).toEqual([mine.id]);
    expect(list!.rows[0].salesOwner).toMatchObject({ name: sam.name });
    expect(list!.salesOwners[0]).toEqual({ id: sam.id, name: sam.name });
    expect(list!.salesOwners.map((o) => o.id)).not.toContain(support.id);
    expect((await listTenants(support, params({ owner: sam.id })))!.rows.map((t) => t.id)).toEqual([mine.id]);
    for (const owner of ["Bob Nobody", support.id!]) {
      const bad = await listTenants(sam, params({ owner }));
      expect(bad!.ownerProblem).toContain("is no one on the sales or admin staff");
    }
  });

  it("is null for anyone but staff", async () => {
    const tenant = await tenantFor(db);
    expect(await listTenants(await actorFor(db, { roles: { [tenant.id]: "owner" } }), params())).toBeNull();
  });
});

describe("listTenantOverview", () => {
  it("shows a member their own tenants, and staff the first of every tenant with the count of all", async () => {
    const [a, b] = [await tenantFor(db, { name: "Alpha overview" }), await tenantFor(db, { name: "Beta overview" })];
    await tenantFor(db);
    const member = await actorFor(db, { roles: { [a.id]: "viewer", [b.id]: "owner" } });
    const mine = await listTenantOverview(member);
    expect(mine.tenants.map((t) => t.name)).toEqual(["Alpha overview", "Beta overview"]);
    expect(mine.total).toBe(2);
    const support = await actorFor(db, { staffRole: "support" });
    // "Every tenant" is the whole table, which other files add to meanwhile: a SHARE lock holds their writes back
    // while the overview and the count are read, so both see the same tenants.
    const [staff, allTenants] = await db.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE tenants IN SHARE MODE`;
      return [await listTenantOverview(support), await tx.tenant.count()] as const;
    }, { timeout: 60_000 }); // the lock may wait for another file's transaction that writes a tenant
    expect(staff.total).toBe(allTenants);
    expect(staff.tenants).toHaveLength(Math.min(OVERVIEW_LIMIT, staff.total));
  });
});
