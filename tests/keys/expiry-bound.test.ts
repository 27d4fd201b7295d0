// A key's expiry is a day in the future and at most KEY_EXPIRY's latest day; 9999-12-31 is refused.
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../lib/domain/keys/service";
import { dayBounds, KEY_EXPIRY, parseDay } from "../../lib/domain/date-bounds";
import { testPrisma } from "../support/database";
import { tenantWithOwner } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

describe("a key's expiry", () => {
  it("may be the field's max, not later", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const { max } = dayBounds(KEY_EXPIRY);
    const create = (expiresAt: string) => createApiKey(owner, { tenantId: tenant.id, name: `Expires ${expiresAt}`, scopes: ["proxy"], expiresAt });

    const refused = await create("9999-12-31");
    expect(refused).toMatchObject({ ok: false, kind: "validation", fieldErrors: { expiresAt: [`The latest day allowed is ${max}.`] } });
    expect(await create(max)).toMatchObject({ ok: true });
    expect((await db.apiKey.findMany({ where: { tenantId: tenant.id } })).map((k) => k.expiresAt)).toEqual([parseDay(max)]);
  });
});
