// An action that fails unexpectedly (here a real database error, raised by a trigger on one test tenant's row)
// answers a typed result with a reference, logs the full error under it, and hands the form back its input.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { runAction, runFormAction } from "../../lib/auth/action-result";
import { updateTenantDetails } from "../../lib/domain/tenants/service";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
const SECRET_IN_ERROR = "password=hunter2";
const trigger = `fail_tenant_update_${randomBytes(4).toString("hex")}`;
let tenant: Awaited<ReturnType<typeof tenantFor>>;
let sales: Actor;
let ada: Actor;

beforeAll(async () => {
  sales = await actorFor(db, { staffRole: "sales" });
  ada = await actorFor(db, { staffRole: "admin" });
  tenant = await tenantFor(db, { plan: "starter", salesOwnerId: sales.id });
  // Every UPDATE of this one tenant's row fails, as a dropped connection or a broken migration would make it.
  await db.$executeRawUnsafe(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated outage (${SECRET_IN_ERROR})'; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON tenants FOR EACH ROW
    WHEN (OLD.id = '${tenant.id}'::uuid) EXECUTE FUNCTION ${trigger}()`);
});
afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON tenants`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${trigger}()`);
  await db.$disconnect();
});
afterEach(() => vi.restoreAllMocks());

/** The tenant details form as the browser sends it: the edits, and what the form was drawn from. */
function detailsForm(edits: Record<string, string>): FormData {
  const form = new FormData();
  const drawn = { name: tenant.name, plan: tenant.plan, erpCustomerId: "", stripeCustomerId: "", contractStart: "", contractEnd: "", salesOwnerId: sales.id! };
  form.set("$ACTION_ID_abc", ""); // Next's own field, never part of the input
  form.set("tenantId", tenant.id);
  form.set("expectedUpdatedAt", tenant.updatedAt.toISOString());
  for (const [field, value] of Object.entries(drawn)) form.set(`seen.${field}`, value);
  for (const [field, value] of Object.entries({ ...drawn, ...edits })) form.set(field, value);
  return form;
}

describe("an action that fails unexpectedly", () => {
  it("answers a message with a reference, logs the error under it, and keeps what was typed", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runFormAction(async () => sales, detailsForm({ plan: "enterprise", salesOwnerId: ada.id! }), updateTenantDetails);

    expect(state).toMatchObject({ ok: false, kind: "unexpected", reference: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const { reference, message } = state as { reference: string; message: string };
    expect(message).toBe(`Something went wrong on our side. Your changes were not saved (reference ${reference}).`);
    // nothing of the error itself reaches the browser
    expect(JSON.stringify(state)).not.toContain("simulated outage");
    expect(JSON.stringify(state)).not.toContain(SECRET_IN_ERROR);
    // the form gets back every field it sent, and none of Next's
    expect(state!.values).toMatchObject({ tenantId: tenant.id, plan: "enterprise", salesOwnerId: ada.id, name: tenant.name });
    expect(Object.keys(state!.values).some((key) => key.startsWith("$ACTION"))).toBe(false);

    // one structured line on the server, under the reference, with the error and where it was thrown
    const lines = log.mock.calls.map(([line]) => String(line)).filter((line) => line.includes(reference));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as { level: string; event: string; reference: string; error: string };
    expect(entry).toMatchObject({ level: "error", event: "server_action_failed", reference });
    expect(entry.error).toContain("simulated outage");
    expect(entry.error).toMatch(/\n\s+at /); // the stack

    // and nothing changed: no plan, no audit event of a save
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ plan: "starter", salesOwnerId: sales.id });
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.details_updated" } })).toBe(0);
  });

  it("gives every failure its own reference", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fail = () => runFormAction(async () => sales, detailsForm({ plan: "pro" }), updateTenantDetails);
    const [first, second] = [await fail(), await fail()];
    expect(first).toMatchObject({ kind: "unexpected" });
    expect((first as { reference: string }).reference).not.toBe((second as { reference: string }).reference);
  });

  it("is also what a failure to resolve the actor answers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runAction(async () => { throw new Error("session store unreachable"); }, async () => ({ ok: true, data: null }));
    expect(result).toMatchObject({ ok: false, kind: "unexpected", message: expect.stringContaining("reference") });
    expect(JSON.stringify(result)).not.toContain("session store");
  });

  it("leaves a refusal as the service's typed result, logging nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runFormAction(async () => sales, detailsForm({ name: " " }), updateTenantDetails);
    expect(state).toMatchObject({ ok: false, kind: "validation", fieldErrors: { name: ["Give the tenant a name."] }, values: { name: " " } });
    expect(log).not.toHaveBeenCalled();
  });

  it("answers a signed-out request as forbidden", async () => {
    expect(await runAction(async () => null, async () => ({ ok: true, data: null }))).toMatchObject({ ok: false, kind: "forbidden" });
  });

  it("lets Next's redirect() and notFound() through", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(runAction(async () => sales, async () => redirect("/elsewhere"))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    await expect(runAction(async () => sales, async () => notFound())).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_HTTP_ERROR_FALLBACK;404") });
    expect(log).not.toHaveBeenCalled();
  });
});
