// A frozen tenant is read-only for its people, through the mutation pipeline every service uses; staff can
// still act there, and reactivating it gives its people their hands back.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { allowedNow, mutate } from "../../lib/db/mutation";
import { changeTenantStatus } from "../../lib/domain/tenants/lifecycle";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

/** A tenant-scoped mutation that writes an API key row: what any service's change in the tenant looks like. */
function createKey(actor: Actor, tenantId: string) {
  return mutate(actor, {
    action: "api_key.create",
    schema: z.object({ name: z.string() }),
    tenantId: () => tenantId,
    async execute(tx, { name }) {
      const key = await tx.apiKey.create({ data: { tenantId, name, prefix: `gh_${randomBytes(8).toString("hex")}`, hash: "$argon2id$v=19$test" } });
      return { data: key.id, audit: { action: "api_key.created", targetType: "api_key", targetId: key.id, targetName: name } };
    },
  }, { name: "ci" });
}

const keysOf = (tenantId: string) => db.apiKey.count({ where: { tenantId } });
const auditOf = (tenantId: string, actorId: string | null) => db.auditLog.findMany({ where: { tenantId, actorId } });

describe("a frozen tenant", () => {
  for (const role of ["owner", "member"] as const) {
    it(`refuses its ${role}'s change, saying it is frozen; only a failure event is written`, async () => {
      const tenant = await tenantFor(db, { status: "frozen", name: "Frosty Ltd" });
      const person = await actorFor(db, { roles: { [tenant.id]: role } });
      const result = await createKey(person, tenant.id);
      expect(result).toMatchObject({ ok: false, kind: "forbidden" });
      expect(result.ok ? "" : result.message).toMatch(/Frosty Ltd is frozen/);
      expect(await keysOf(tenant.id)).toBe(0);
      const events = await auditOf(tenant.id, person.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "api_key.create", isFailure: true, description: expect.stringContaining("frozen") });
    });
  }

  it("lets admin staff change it", async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await createKey(admin, tenant.id)).toMatchObject({ ok: true });
    expect(await keysOf(tenant.id)).toBe(1);
    expect(await auditOf(tenant.id, admin.id)).toMatchObject([{ action: "api_key.created", isFailure: false }]);
  });

  it("is writable by its owner again once reactivated (frozen → active)", async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const sales = await actorFor(db, { staffRole: "sales" });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await changeTenantStatus(sales, { tenantId: tenant.id, to: "active", reason: "invoice paid" })).toMatchObject({ ok: true });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: true });
    expect(await keysOf(tenant.id)).toBe(1);
  });

  it("stays writable for its owner while active, and is refused again once archived", async () => {
    const tenant = await tenantFor(db, { status: "active", name: "Gone Inc" });
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    expect(await createKey(owner, tenant.id)).toMatchObject({ ok: true });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "archived" } });
    const result = await createKey(owner, tenant.id);
    expect(result).toMatchObject({ ok: false, kind: "forbidden", message: expect.stringContaining("Gone Inc is archived") });
    expect(await keysOf(tenant.id)).toBe(1);
  });

  it("offers its owner no control while frozen (the pages ask allowedNow), and staff theirs", async () => {
    const tenant = await tenantFor(db, { status: "active" });
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await allowedNow(owner, "api_key.create", tenant.id)).toBe(true);
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "frozen" } });
    expect(await allowedNow(owner, "api_key.create", tenant.id)).toBe(false);
    expect(await allowedNow(admin, "api_key.create", tenant.id)).toBe(true);
  });
});
