// A frozen tenant is read-only for its people, through the mutation pipeline every service uses; staff whose
// staff role grants the action can still act there, a change racing a freeze cannot land, and reactivating it
// gives its people their hands back.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { allowedNow } from "../../lib/auth/authorize";
import { mutate } from "../../lib/db/mutation";
import { changeTenantStatus } from "../../lib/domain/tenants/lifecycle";
import { chainOf } from "../../lib/domain/audit/integrity";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor, tenantWithOwner } from "../support/actors";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

/** A tenant-scoped mutation that writes an API key row: what any service's change in the tenant looks like. */
function createKey(actor: Actor, tenantId: string) {
  return mutate(actor, {
    permission: "api_key.create",
    event: "api_key.created",
    schema: z.object({ name: z.string() }),
    tenantId: () => tenantId,
    async execute(tx, { name }) {
      const key = await tx.apiKey.create({ data: { tenantId, name, prefix: `gh_${randomBytes(8).toString("hex")}`, hash: "$argon2id$v=19$test" } });
      return { data: key.id, audit: { targetId: key.id, targetName: name, after: { name, scopes: key.scopes, prefix: key.prefix, projectId: null, product: null, expiresAt: null } } };
    },
  }, { name: "ci" });
}

const keysOf = (tenantId: string) => db.apiKey.count({ where: { tenantId } });

/**
 * Holds the audit chain of `tenantId` from a connection of the test's own: a mutation of that tenant then stops
 * at its audit insert, its change made and its locks held, uncommitted, until `release()`. `pid` is the holder's
 * backend, for `waiterOn`.
 */
async function holdChain(tenantId: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => (held = resolve));
  const holder = db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(1635083369, hashtext(${chainOf(tenantId)}))`;
    held((await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid);
    await released;
  }, { timeout: 30_000 });
  return { pid: await pid, release: async () => { release(); await holder; } };
}

/** The backend waiting for a lock that backend `pid` holds, once there is one: a wait on the lock, not on a clock. */
async function waiterOn(pid: number): Promise<number> {
  for (;;) {
    const [waiter] = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
    if (waiter) return waiter.pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a frozen tenant", () => {
  for (const role of ["owner", "member"] as const) {
    it(`refuses its ${role}'s change, saying it is frozen; only a failure event is written`, async () => {
      const tenant = await tenantFor(db, { status: "frozen", name: "Frosty Ltd" });
      const person = await actorFor(db, { roles: { [tenant.id]: role } });
      const result = await createKey(person, tenant.id);
      expect(result).toMatchObject({ ok: false, kind: "forbidden" });
      expect(result.ok ? "" : result.message).toMatch(/Frosty Ltd is frozen/);
      expect(await keysOf(tenant.id)).toBe(0);
      const events = await auditOf(db, { tenantId: tenant.id, actorId: person.id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "api_key.created", isFailure: true, description: expect.stringContaining("frozen") });
    });
  }

  it("refuses staff acting through a membership, not their staff role: support staff who own it create no key", async () => {
    const tenant = await tenantFor(db, { status: "frozen", name: "Frosty Ltd" });
    const supportOwner = await actorFor(db, { staffRole: "support", roles: { [tenant.id]: "owner" } });
    expect(await allowedNow(supportOwner, "api_key.create", tenant.id)).toBe(false);
    const result = await createKey(supportOwner, tenant.id);
    expect(result).toMatchObject({ ok: false, kind: "forbidden", message: expect.stringContaining("Frosty Ltd is frozen") });
    expect(await keysOf(tenant.id)).toBe(0);
    expect(await auditOf(db, { tenantId: tenant.id, actorId: supportOwner.id })).toMatchObject([{ action: "api_key.created", isFailure: true }]);
    // admin staff who own it act by their staff role, which grants the action
    const adminOwner = await actorFor(db, { staffRole: "admin", roles: { [tenant.id]: "owner" } });
    expect(await allowedNow(adminOwner, "api_key.create", tenant.id)).toBe(true);
    expect(await createKey(adminOwner, tenant.id)).toMatchObject({ ok: true });
  });

  it("lets admin staff change it", async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await createKey(admin, tenant.id)).toMatchObject({ ok: true });
    expect(await keysOf(tenant.id)).toBe(1);
    expect(await auditOf(db, { tenantId: tenant.id, actorId: admin.id })).toMatchObject([{ action: "api_key.created", isFailure: false }]);
  });

  it("is writable by its owner again once reactivated (frozen → active)", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "frozen" });
    const sales = await actorFor(db, { staffRole: "sales" });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "invoice paid" })).toMatchObject({ ok: true });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: true });
    expect(await keysOf(tenant.id)).toBe(1);
  });

  it("stays writable for its owner while active, and is refused again once archived", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "active", name: "Gone Inc" });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: true });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "archived" } });
    const result = await createKey(owner, tenant.id);
    expect(result).toMatchObject({ ok: false, kind: "forbidden", message: expect.stringContaining("Gone Inc is archived") });
    expect(await keysOf(tenant.id)).toBe(1);
  });

  it("offers its owner no control while frozen (the pages ask allowedNow), and staff theirs", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "active" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await allowedNow(owner, "api_key.create", tenant.id)).toBe(true);
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "frozen" } });
    expect(await allowedNow(owner, "api_key.create", tenant.id)).toBe(false);
    expect(await allowedNow(admin, "api_key.create", tenant.id)).toBe(true);
  });
});

describe("a change racing a freeze", () => {
  it("cannot land: started before the freeze commits, it ends refused after it, and changes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "active", name: "Racing Ltd" });
    const sales = await actorFor(db, { staffRole: "sales" });
    // The freeze changes the status, then stops at its audit insert, the tenant row locked and nothing committed.
    const chain = await holdChain(tenant.id);
    const freeze = changeTenantStatus(sales, { tenantId: tenant.id, to: "frozen", reason: "invoice overdue" });
    const freezer = await waiterOn(chain.pid);
    // The owner's change starts now: the status it reads first is still active, as the freeze has not committed.
    const change = createKey(owner, tenant.id);
    await waiterOn(freezer);
    await chain.release();
    expect(await freeze).toMatchObject({ ok: true });
    const result = await change;
    expect(result).toMatchObject({ ok: false, kind: "forbidden", message: expect.stringContaining("Racing Ltd is frozen") });
    expect(await keysOf(tenant.id)).toBe(0);
    expect(await auditOf(db, { tenantId: tenant.id, actorId: owner.id })).toMatchObject([{ action: "api_key.created", isFailure: true, description: expect.stringContaining("frozen") }]);
  });

});

describe("the tenant row's lock in the pipeline", () => {
  it("does not deadlock two changes that both update the tenant row: the second waits for the first's row lock", async () => {
    const tenant = await tenantFor(db, { status: "active" });
    const [first, second] = [await actorFor(db, { roles: { [tenant.id]: "owner" } }), await actorFor(db, { roles: { [tenant.id]: "owner" } })];
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const arrivals: number[] = [];
    /** A change that, once in its transaction, waits at the gate and then updates the tenant row (as a budget does). */
    const updateTenantRow = (actor: Actor, alertPct: number) => mutate(actor, {
      permission: "budget.manage",
      event: "tenant.budget_changed",
      schema: z.object({}),
      tenantId: () => tenant.id,
      async execute(tx) {
        arrivals.push((await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid);
        await gate;
        await tx.tenant.update({ where: { id: tenant.id }, data: { budgetAlertPct: alertPct } });
        return { data: alertPct, audit: { targetId: tenant.id, before: { monthlyBudgetUsd: null, budgetAlertPct: null }, after: { monthlyBudgetUsd: null, budgetAlertPct: alertPct } } };
      },
    }, {});
    const firstChange = updateTenantRow(first, 10);
    while (arrivals.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const secondChange = updateTenantRow(second, 20);
    // Under a lock both could hold (FOR SHARE), the second would join the first at the gate, and the two UPDATEs
    // would then deadlock; under the pipeline's, it waits for the first's row lock before its execute.
    let secondWaited = false;
    while (arrivals.length === 1 && !secondWaited) {
      secondWaited = (await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE ${arrivals[0]}::int = ANY(pg_blocking_pids(pid))`).length > 0;
      if (!secondWaited) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    openGate();
    expect(await Promise.all([firstChange, secondChange])).toEqual([{ ok: true, data: 10 }, { ok: true, data: 20 }]);
    expect(secondWaited).toBe(true);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).budgetAlertPct).toBe(20);
  });
});
