// Extending a trial is capped like a new tenant's trial: its end at most TRIAL_MAX_DAYS from today. Before the
// cap, 9999-12-31 was accepted, after which every correction (which must be later) was refused. Contract dates
// are real calendar days within their range.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extendTrial } from "../../lib/domain/tenants/lifecycle";
import { createTenant, updateTenantDetails } from "../../lib/domain/tenants/service";
import { CONTRACT_DAY, dayBounds, parseDay, TRIAL_END, TRIAL_MAX_DAYS } from "../../lib/domain/date-bounds";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma, uniqueSlug } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { DAY_MS } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

const trialTenant = () => tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + 7 * DAY_MS) });
const fieldErrors = (result: { ok: boolean }) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

let sales: Actor;
beforeAll(async () => {
  sales = await actorFor(db, { staffRole: "sales" });
});

describe("extending a trial", () => {
  it("refuses 9999-12-31, naming the latest day allowed, and changes nothing", async () => {
    const tenant = await trialTenant();
    const result = await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: "9999-12-31", reason: "forever, please" });
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    expect(fieldErrors(result).trialEndsAt).toEqual([`The latest day allowed is ${dayBounds(TRIAL_END).max}.`]);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toEqual(tenant.trialEndsAt);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it(`accepts the last day of the cap, ${TRIAL_MAX_DAYS} days from today, and refuses the day after`, async () => {
    const { max } = dayBounds(TRIAL_END);
    const tenant = await trialTenant();
    const dayAfterMax = new Date(parseDay(max)!.getTime() + DAY_MS).toISOString().slice(0, 10);
    expect(await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: dayAfterMax, reason: "one day too many" })).toMatchObject({ ok: false, kind: "validation" });
    expect(await extendTrial(sales, { tenantId: tenant.id, trialEndsAt: max, reason: "as long as allowed" })).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).trialEndsAt).toEqual(parseDay(max));
  });

  it("has the cap of a new tenant's trial", async () => {
    const input = (trialDays: number) => ({ slug: uniqueSlug("cap"), name: "Cap", kind: "customer", plan: "starter", trialDays, ownerEmail: "o@example.test" });
    expect(await createTenant(sales, input(TRIAL_MAX_DAYS))).toMatchObject({ ok: true });
    expect(fieldErrors(await createTenant(sales, input(TRIAL_MAX_DAYS + 1))).trialDays).toEqual([`At most ${TRIAL_MAX_DAYS} days.`]);
  });
});

describe("contract dates", () => {
  /** The details form's submission for `tenant` with the contract days given. */
  const contract = async (tenantId: string, contractStart: string, contractEnd: string) => {
    const t = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    return updateTenantDetails(sales, { tenantId, expectedUpdatedAt: t.updatedAt.toISOString(), name: t.name, plan: t.plan, contractStart, contractEnd });
  };

  it.each([
    ["a day no calendar has", "2027-02-31", "Use a date like 2027-01-31."],
    ["the year 9999", "9999-12-31", `The latest day allowed is ${dayBounds(CONTRACT_DAY).max}.`],
    ["the year 1900", "1900-01-01", `The earliest day allowed is ${dayBounds(CONTRACT_DAY).min}.`],
  ])("refuses %s with a field error, saving nothing", async (_, day, message) => {
    const tenant = await tenantFor(db);
    const result = await contract(tenant.id, "", day);
    expect(fieldErrors(result).contractEnd).toEqual([message]);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).contractEnd).toBeNull();
  });

  it("accepts the first and last day of the range", async () => {
    const tenant = await tenantFor(db);
    const { min, max } = dayBounds(CONTRACT_DAY);
    expect(await contract(tenant.id, min, max)).toMatchObject({ ok: true });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ contractStart: parseDay(min), contractEnd: parseDay(max) });
  });
});
