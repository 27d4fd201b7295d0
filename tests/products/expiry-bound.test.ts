// An entitlement's expiry is a day in the future and at most ENTITLEMENT_EXPIRY's latest day; 9999-12-31 is refused.
import { afterAll, describe, expect, it } from "vitest";
import { setEntitlement } from "../../lib/domain/products/service";
import { dayBounds, ENTITLEMENT_EXPIRY, parseDay } from "../../lib/domain/date-bounds";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

describe("an entitlement's expiry", () => {
  it("may be the field's max, not later", async () => {
    const tenant = await tenantFor(db);
    const sales = await actorFor(db, { staffRole: "sales" });
    const { max } = dayBounds(ENTITLEMENT_EXPIRY);
    const set = (expiresAt: string) => setEntitlement(sales, { tenantId: tenant.id, product: "analytics", enabled: "true", expiresAt, config: '{"retention_days": 90}' });

    expect(await set("9999-12-31")).toMatchObject({ ok: false, kind: "validation", fieldErrors: { expiresAt: [`The latest day allowed is ${max}.`] } });
    expect(await db.tenantProduct.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await set(max)).toMatchObject({ ok: true });
    expect(await db.tenantProduct.findFirst({ where: { tenantId: tenant.id } })).toMatchObject({ expiresAt: parseDay(max) });
  });
});
