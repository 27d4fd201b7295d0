// The overview's and the staff tenant list's "Active keys" count the keys the keys page calls active: one rule for a
// key's status, whichever page shows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY_STATUSES, EXPIRING_WITHIN_MS, listApiKeys } from "../../lib/domain/keys/queries";
import { listTenantOverview, listTenants } from "../../lib/domain/tenants/queries";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { keyRowFor } from "../support/keys";
import { DAY_MS as DAY } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

let tenant: { id: string; slug: string };
let owner: Actor;

beforeAll(async () => {
  tenant = await tenantFor(db);
  owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  const now = Date.now();
  const key = (name: string, data: { expiresAt?: Date; revokedAt?: Date } = {}) => keyRowFor(db, tenant.id, { name, ...data });
  // as on the overview: 5 active, 1 expiring, 1 expired (and a revoked one)
  for (const name of ["A", "B", "C", "D"]) await key(name);
  await key("E", { expiresAt: new Date(now + EXPIRING_WITHIN_MS + DAY) });
  await key("Expiring", { expiresAt: new Date(now + DAY) });
  await key("Expired", { expiresAt: new Date(now - DAY) });
  await key("Revoked", { revokedAt: new Date(now - DAY) });
});

describe("key status counts", () => {
  it("the keys page sees each status once", async () => {
    const totals = await Promise.all(API_KEY_STATUSES.map(async (status) => [status, (await listApiKeys(owner, tenant.id, { status })).total]));
    expect(Object.fromEntries(totals)).toEqual({ active: 5, expiring: 1, expired: 1, revoked: 1 });
  });

  it("the overview counts as active what the keys page calls active", async () => {
    const active = (await listApiKeys(owner, tenant.id, { status: "active" })).total;
    const { tenants } = await listTenantOverview(owner);
    expect(tenants.find((t) => t.id === tenant.id)!._count.apiKeys).toBe(active);
  });

  it("the staff tenant list counts the same", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const active = (await listApiKeys(owner, tenant.id, { status: "active" })).total; // sales may not list keys
    const list = await listTenants(sales, {
      q: tenant.slug, status: [], kind: null, plan: null, owner: null, trialWithin: null, sort: "name", dir: "asc", page: 1,
    });
    expect(list!.rows.find((t) => t.id === tenant.id)!._count.apiKeys).toBe(active);
  });
});
