// Reading the audit log: each filter returns exactly its events, a tenant's readers see only that tenant, and
// keyset pages return every event exactly once while new events arrive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, getAuditEvent, listAuditEvents, resolveAuditScope, type AuditFilters, type AuditPage, type AuditScope } from "../../lib/domain/audit/queries";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { at, auditWorld, STAFF_AGENT, STAFF_IP, staffActorWorld, writeEvents } from "./fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

let world: Awaited<ReturnType<typeof auditWorld>>;
beforeAll(async () => {
  world = await auditWorld(db);
});

const ids = async (filters: AuditFilters, scope: AuditScope = { kind: "tenant", tenantId: world.a.id }, principal = world.viewerA) =>
  (await listAuditEvents(principal, scope, filters))?.events.map((e) => e.id);

describe("filters", () => {
  // each: the filters, and the events of tenant A they keep, newest first
  const CASES: [string, () => AuditFilters, (e: typeof world.e) => string[]][] = [
    ["none", () => ({}), (e) => [e.e8, e.e7, e.e6, e.e5, e.e4, e.e3, e.e2, e.e1]],
    ["actor by id", () => ({ actor: world.alice.id }), (e) => [e.e8, e.e7, e.e2, e.e1]],
    ["actor by name", () => ({ actor: world.alice.name }), (e) => [e.e8, e.e7, e.e2, e.e1]],
    ["a service actor by id", () => ({ actor: "svc-gateway" }), (e) => [e.e3]],
    ["a service actor by name", () => ({ actor: "gateway" }), (e) => [e.e3]],
    ["the system", () => ({ actor: "system" }), (e) => [e.e4]],
    ["an exact action", () => ({ action: "api_key.created" }), (e) => [e.e2]],
    ["an area with .*", () => ({ action: "api_key.*" }), (e) => [e.e5, e.e3, e.e2]],
    ["an area by its name", () => ({ action: "member" }), (e) => [e.e6, e.e1]],
    ["a target type", () => ({ target: "api_key" }), (e) => [e.e5, e.e3, e.e2]],
    ["failures", () => ({ outcome: "failure" }), (e) => [e.e6, e.e3]],
    ["successes", () => ({ outcome: "success" }), (e) => [e.e8, e.e7, e.e5, e.e4, e.e2, e.e1]],
    ["a date range, both days whole", () => ({ from: at("2026-03-05", "00:00:00"), to: at("2026-03-15", "00:00:00") }), (e) => [e.e4, e.e3, e.e2]],
    ["text in the target's name, any case", () => ({ q: "prod" }), (e) => [e.e5, e.e2]],
    ["text with LIKE's wildcards, taken literally", () => ({ q: "%_" }), (e) => [e.e7]],
    ["actor and area together", () => ({ actor: world.bob.id, action: "api_key.*" }), (e) => [e.e5]],
    ["outcome and a start date", () => ({ outcome: "failure", from: at("2026-03-12", "00:00:00") }), (e) => [e.e6]],
    ["nothing matching", () => ({ action: "nothing.here" }), () => []],
  ];
  it.each(CASES)("%s", async (_name, filters, expected) => {
    expect(await ids(filters())).toEqual(expected(world.e));
  });
});

describe("the count of matching events", () => {
  const tenantA = () => ({ kind: "tenant" as const, tenantId: world.a.id });
  const matching = async (filters: AuditFilters, countCap?: number) =>
    (await listAuditEvents(world.viewerA, tenantA(), filters, null, countCap))!.matching;

  it("is exact up to the cap, for the filters and not just the page", async () => {
    expect(await matching({})).toEqual({ count: 8, more: false });
    expect(await matching({ q: "prod" })).toEqual({ count: 2, more: false });
    expect(await matching({ action: "nothing.here" })).toEqual({ count: 0, more: false });
    expect(await matching({}, 8)).toEqual({ count: 8, more: false });
  });

  it("stops at the cap and says there are more", async () => {
    expect(await matching({}, 7)).toEqual({ count: 7, more: true });
    expect(await matching({ outcome: "success" }, 3)).toEqual({ count: 3, more: true });
  });
});

describe("scoping", () => {
  it("keeps a tenant's reader to that tenant", async () => {
    const { viewerA, a, b, alice } = world;
    expect(await listAuditEvents(viewerA, { kind: "tenant", tenantId: b.id }, {})).toBeNull();
    expect(await listAuditEvents(viewerA, { kind: "platform" }, {})).toBeNull();
    expect(await listAuditEvents(viewerA, { kind: "all" }, {})).toBeNull();
    expect(await resolveAuditScope(viewerA, { slug: b.slug })).toBeNull();
    expect(await resolveAuditScope(viewerA, { tenantFilter: "platform" })).toBeNull();
    expect(await resolveAuditScope(viewerA, { slug: a.slug })).toMatchObject({ scope: { kind: "tenant", tenantId: a.id }, label: a.slug });
    // B's look-alike events (same action, same actor) are not in A's
    expect(await ids({ actor: alice.id, action: "member.invited" })).toEqual([world.e.e1]);
    const bEvent = await db.auditLog.findFirstOrThrow({ where: { tenantId: b.id } });
    expect(await getAuditEvent(viewerA, { kind: "tenant", tenantId: a.id }, String(bEvent.id))).toBeNull();
    expect(await getAuditEvent(viewerA, { kind: "tenant", tenantId: b.id }, String(bEvent.id))).toBeNull();
  });

  it("lets staff read every tenant, one tenant, or the platform's own events", async () => {
    const { support, a, b } = world;
    const all = await resolveAuditScope(support, {});
    expect(all).toMatchObject({ scope: { kind: "all" }, label: "all-tenants" });
    const across = (await listAuditEvents(support, all!.scope, { action: "api_key.created", q: "prod key" }))!.events;
    expect(across.map((e) => e.tenantSlug)).toEqual(expect.arrayContaining([a.slug, b.slug]));
    expect(across.map((e) => e.id)).toContain(world.e.e2);
    expect(await resolveAuditScope(support, { tenantFilter: a.slug })).toMatchObject({ scope: { kind: "tenant", tenantId: a.id } });
    const platform = await listAuditEvents(support, { kind: "platform" }, {});
    expect(platform!.events.every((e) => e.tenantSlug === null)).toBe(true);
  });

  it("gives an event's details, metadata and chain to whoever may read its tenant", async () => {
    const detail = await getAuditEvent(world.viewerA, { kind: "tenant", tenantId: world.a.id }, world.e.e4);
    expect(detail).toMatchObject({
      id: world.e.e4, action: "tenant.status_changed", actorType: "system", actorName: "system", at: "2026-03-15T23:59:59.000000Z",
      metadata: { before: { status: "trial" }, after: { status: "active" } }, chain: `tenant:${world.a.id}`, tenantSlug: world.a.slug,
    });
    expect(detail!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a staff actor's source IP and user agent", () => {
  it("are withheld from the tenant's readers, in the list and the details, and only for staff actors", async () => {
    const { viewer, owner, scope, e } = await staffActorWorld(db);
    for (const reader of [viewer, owner]) {
      const events = (await listAuditEvents(reader, scope, {}))!.events;
      expect(events.map((ev) => [ev.id, ev.sourceIp, ev.networkWithheld])).toEqual([[e.byOwner, "192.0.2.44", false], [e.byStaff, null, true]]);
      expect(await getAuditEvent(reader, scope, e.byStaff)).toMatchObject({ sourceIp: null, userAgent: null, networkWithheld: true });
      expect(await getAuditEvent(reader, scope, e.byOwner)).toMatchObject({ sourceIp: "192.0.2.44", userAgent: "owner-browser/1.0", networkWithheld: false });
    }
  });

  it("are shown to staff reading the log, whatever the scope", async () => {
    const { tenant, scope, e } = await staffActorWorld(db);
    const sales = await actorFor(db, { staffRole: "sales" });
    for (const reading of [scope, { kind: "all" as const }]) {
      const events = (await listAuditEvents(sales, reading, { q: "Staff key" }))!.events.filter((ev) => ev.tenantSlug === tenant.slug);
      expect(events.map((ev) => [ev.id, ev.sourceIp, ev.networkWithheld])).toEqual([[e.byStaff, STAFF_IP, false]]);
    }
    expect(await getAuditEvent(sales, scope, e.byStaff)).toMatchObject({ sourceIp: STAFF_IP, userAgent: STAFF_AGENT, networkWithheld: false });
  });

  it("go by the actor's staff role when the event was written, which the database records and no writer sets", async () => {
    const { staff, viewer, scope, e } = await staffActorWorld(db);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: BigInt(e.byStaff) } })).toMatchObject({ actorStaffRole: "support" });
    // no longer staff: the event written while they were stays withheld, the next one is not
    await db.user.update({ where: { id: staff.id! }, data: { staffRole: null } });
    const [later] = await writeEvents(db, [{ tenantId: scope.tenantId, actorType: "user", actorId: staff.id, actorName: staff.name, action: "api_key.revoked", sourceIp: "192.0.2.99", actorStaffRole: "admin" }]);
    expect(await getAuditEvent(viewer, scope, e.byStaff)).toMatchObject({ sourceIp: null, networkWithheld: true });
    expect(await getAuditEvent(viewer, scope, later)).toMatchObject({ sourceIp: "192.0.2.99", networkWithheld: false });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: BigInt(later) } })).toMatchObject({ actorStaffRole: null });
  });
});

describe("an event that records no staff role (written before it was recorded, or before its actor became staff)", () => {
  it("withholds its actor's address from the tenant's readers while the actor is staff", async () => {
    const { owner, viewer, scope, e } = await staffActorWorld(db);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: BigInt(e.byOwner) } })).toMatchObject({ actorStaffRole: null });
    await db.user.update({ where: { id: owner.id! }, data: { staffRole: "sales" } });
    expect(await getAuditEvent(viewer, scope, e.byOwner)).toMatchObject({ sourceIp: null, userAgent: null, networkWithheld: true });
    const events = (await listAuditEvents(viewer, scope, {}))!.events;
    expect(events.find((ev) => ev.id === e.byOwner)).toMatchObject({ sourceIp: null, networkWithheld: true });
  });
});

describe("keyset pagination", () => {
  it("returns every event exactly once, in order, while matching events arrive between pages; Newer goes back", async () => {
    const tenant = await tenantFor(db);
    const reader = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const base = Date.now() - 10 * 86_400_000;
    // three events per timestamp: the id breaks the ties
    const original = await writeEvents(db, Array.from({ length: 130 }, (_, i) => ({
      tenantId: tenant.id, actorType: "system" as const, actorName: "system", action: "test.happened", targetName: `event ${i}`,
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    })));
    const scope = { kind: "tenant" as const, tenantId: tenant.id };
    // newer events the filter keeps: OFFSET pages would shift by them and repeat rows, keyset pages do not
    const arrive = (n: number) => writeEvents(db, Array.from({ length: n }, () => ({ tenantId: tenant.id, actorType: "system" as const, action: "test.happened", targetName: "arrived" })));

    const pages: string[][] = [];
    let cursor: string | null = null;
    let previous: AuditPage | null = null;
    do {
      const page: AuditPage = (await listAuditEvents(reader, scope, { action: "test.happened" }, cursor))!;
      pages.push(page.events.map((e) => e.id));
      if (previous) expect(page.newer).not.toBeNull();
      previous = page;
      cursor = page.older?.cursor ?? null;
      await arrive(7);
    } while (cursor);

    expect(pages.map((p) => p.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 30]);
    expect(pages.flat()).toEqual([...original].reverse());

    // Newer from the last page is the middle page; from the middle page, the first
    const middle = (await listAuditEvents(reader, scope, { action: "test.happened" }, previous!.newer!.cursor))!;
    expect(middle.events.map((e) => e.id)).toEqual(pages[1]);
    const first = (await listAuditEvents(reader, scope, { action: "test.happened" }, middle.newer!.cursor))!;
    expect(first.events.map((e) => e.id)).toEqual(pages[0]);

    // and Newer from there is today's first page: what arrived meanwhile, newest first, then the start of the first
    const now = (await listAuditEvents(reader, scope, { action: "test.happened" }, first.newer!.cursor))!;
    expect(now.newer).toBeNull();
    expect(now.events.slice(0, 21).map((e) => e.targetName)).toEqual(Array(21).fill("arrived"));
    expect(now.events.slice(21).map((e) => e.id)).toEqual(pages[0].slice(0, 29));
  });

  it("reads a malformed cursor as the first page", async () => {
    const first = await ids({});
    expect((await listAuditEvents(world.viewerA, { kind: "tenant", tenantId: world.a.id }, {}, "not-a-cursor"))!.events.map((e) => e.id)).toEqual(first);
  });
});
