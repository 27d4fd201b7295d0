// Staff's internal note on a lifecycle move stays with staff: the tenant's own readers get the move, its status
// and the message meant for them, never its reason, on every read of the audit log (the page, the event's
// details, the overview's activity, the export); staff read it everywhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/principal";
import { exportAuditEvents, toReadableStream } from "../../lib/domain/audit/export";
import { getAuditEvent, listAuditEvents, listRecentAuditEvents } from "../../lib/domain/audit/queries";
import { changeTenantStatus, extendTrial } from "../../lib/domain/tenants/lifecycle";
import { testPrisma } from "../support/database";
import { actorFor, tenantWithOwner } from "../support/actors";
import { auditOf } from "../support/audit";
import { DAY_MS } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

const NOTE = "Unpaid invoice INV-778, 60 days overdue";
const EXTENSION_NOTE = "Procurement is slow, deal likely";
const MESSAGE = "Your account is on hold: please contact billing.";

let sales: Actor;
let support: Actor;
let owner: Actor;
let tenantId: string;
beforeAll(async () => {
  sales = await actorFor(db, { staffRole: "sales" });
  support = await actorFor(db, { staffRole: "support" });
  const world = await tenantWithOwner(db, { status: "trial", trialEndsAt: new Date(Date.now() + 7 * DAY_MS) });
  owner = world.owner;
  tenantId = world.tenant.id;
  expect(await extendTrial(sales, { tenantId, trialEndsAt: new Date(Date.now() + 20 * DAY_MS), reason: EXTENSION_NOTE })).toMatchObject({ ok: true });
  expect(await changeTenantStatus(sales, { tenantId, to: "frozen", reason: NOTE, statusMessage: MESSAGE })).toMatchObject({ ok: true });
  // the owner tries to activate it: refused, and the refusal's own description is theirs to read
  expect(await changeTenantStatus(owner, { tenantId, to: "active", reason: "let us back in" })).toMatchObject({ ok: false, kind: "forbidden" });
});

const scope = () => ({ kind: "tenant" as const, tenantId });
const freezeOf = async (reader: Actor) => (await listAuditEvents(reader, scope(), { action: "tenant.status_changed", outcome: "success" }))!.events[0];
const exported = async (reader: Actor, format: "csv" | "jsonl") => new Response(toReadableStream((await exportAuditEvents(reader, scope(), {}, format))!)).text();

describe("a tenant's own reader", () => {
  it("sees the freeze on the audit page, without its note, marked as having one", async () => {
    const page = (await listAuditEvents(owner, scope(), {}))!;
    expect(page.events.map((e) => e.action)).toEqual(expect.arrayContaining(["tenant.status_changed", "tenant.trial_extended"]));
    for (const event of page.events.filter((e) => !e.isFailure)) expect(event).toMatchObject({ description: null, internalNote: true });
    expect(JSON.stringify(page)).not.toContain("INV-778");
    expect(JSON.stringify(page)).not.toContain(EXTENSION_NOTE);
  });

  it("reads the event's details with its status change and the message, but no reason", async () => {
    const event = (await getAuditEvent(owner, scope(), (await freezeOf(owner)).id))!;
    expect(event.description).toBeNull();
    expect(event.metadata).toEqual({ before: { status: "trial", statusMessage: null }, after: { status: "frozen", statusMessage: MESSAGE } });
  });

  it("sees no note in the overview's activity", async () => {
    const activity = (await listRecentAuditEvents(owner, tenantId))!;
    expect(activity.map((e) => e.action)).toContain("tenant.status_changed");
    expect(JSON.stringify(activity)).not.toContain("INV-778");
  });

  it("exports no note, as CSV or JSON lines", async () => {
    for (const format of ["csv", "jsonl"] as const) {
      const text = await exported(owner, format);
      expect(text).toContain("tenant.status_changed");
      expect(text).toContain(MESSAGE);
      expect(text).not.toContain("INV-778");
      expect(text).not.toContain(EXTENSION_NOTE);
    }
  });

  it("still reads why their own call was refused", async () => {
    const [refusal] = (await listAuditEvents(owner, scope(), { outcome: "failure" }))!.events;
    expect(refusal).toMatchObject({ action: "tenant.status_changed", isFailure: true, internalNote: false, description: expect.stringMatching(/^forbidden: /) });
  });
});

describe("staff", () => {
  for (const [who, reader] of [["sales", () => sales], ["support", () => support]] as const) {
    it(`${who} read the note on every read`, async () => {
      const freeze = await freezeOf(reader());
      expect(freeze).toMatchObject({ description: NOTE, internalNote: true });
      expect((await getAuditEvent(reader(), scope(), freeze.id))!.metadata).toMatchObject({ reason: NOTE, after: { statusMessage: MESSAGE } });
      expect((await listRecentAuditEvents(reader(), tenantId))!.map((e) => e.description)).toContain(NOTE);
      expect(await exported(reader(), "jsonl")).toContain(NOTE);
    });
  }
});

describe("the message to the tenant", () => {
  it("is kept on the tenant while it is frozen, and cleared (and recorded so) when it is activated again", async () => {
    const world = await tenantWithOwner(db, { status: "active" });
    const id = world.tenant.id;
    expect(await changeTenantStatus(sales, { tenantId: id, to: "frozen", reason: NOTE, statusMessage: `  ${MESSAGE}  ` })).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id } })).statusMessage).toBe(MESSAGE);
    expect(await changeTenantStatus(sales, { tenantId: id, to: "active", reason: "invoice paid" })).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id } })).statusMessage).toBeNull();
    const [, activation] = await auditOf(db, { tenantId: id });
    expect(activation.metadata).toMatchObject({ before: { status: "frozen", statusMessage: MESSAGE }, after: { status: "active", statusMessage: null } });
  });

  it("is a freeze's only: another move with one is refused, nothing changed", async () => {
    const world = await tenantWithOwner(db, { status: "frozen" });
    const result = await changeTenantStatus(sales, { tenantId: world.tenant.id, to: "active", reason: "invoice paid", statusMessage: "Welcome back" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { statusMessage: [expect.any(String)] } });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: world.tenant.id } })).status).toBe("frozen");
  });

  it("a freeze without one leaves none", async () => {
    const world = await tenantWithOwner(db, { status: "active" });
    expect(await changeTenantStatus(sales, { tenantId: world.tenant.id, to: "frozen", reason: NOTE, statusMessage: "" })).toMatchObject({ ok: true });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: world.tenant.id } })).statusMessage).toBeNull();
  });
});
