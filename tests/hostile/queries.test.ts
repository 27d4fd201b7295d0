// Issue 11's examples, from the query string to the database: each parsed by its page's schema and read by the
// query the page calls, on real PostgreSQL. Each failed here before, as PostgreSQL refused what it was handed:
// an id beyond bigint, a timestamp in month 13 or in year 0, the ISO text of year 10000, an OFFSET beyond
// integer, a date JavaScript cannot hold.
import { createLoader } from "nuqs/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../lib/domain/audit/cursor";
import { exportAuditEvents } from "../../lib/domain/audit/export";
import { loadAuditListParams } from "../../lib/domain/audit/params";
import { getAuditEvent, listAuditEvents, type AuditScope } from "../../lib/domain/audit/queries";
import { loadKeyListParams } from "../../lib/domain/keys/list-params";
import { listApiKeys } from "../../lib/domain/keys/queries";
import { tenantListParsers } from "../../lib/domain/tenants/list-params";
import { listTenants } from "../../lib/domain/tenants/queries";
import { loadStaffUsageParams, loadTenantUsageParams, resolveUsageRange } from "../../lib/domain/usage/params";
import { staffUsageOverview, tenantUsageSummary } from "../../lib/domain/usage/queries";
import { auditWorld } from "../audit/fixtures";
import { actorFor, tenantFor, tenantWithOwner } from "../support/actors";
import { testPrisma } from "../support/database";
import { keyRowFor } from "../support/keys";

const db = testPrisma();
afterAll(() => db.$disconnect());

describe("the audit log", () => {
  let world: Awaited<ReturnType<typeof auditWorld>>;
  let scope: AuditScope;
  beforeAll(async () => {
    world = await auditWorld(db);
    scope = { kind: "tenant", tenantId: world.a.id };
  });
  const ids = async (query: string) => {
    const params = loadAuditListParams(query);
    return (await listAuditEvents(world.viewerA, scope, params, params.cursor))!.events.map((e) => e.id);
  };
  const everyEvent = () => Object.values(world.e).reverse();

  it("an event id beyond bigint opens no event", async () => {
    const { event } = loadAuditListParams("?event=9999999999999999999");
    expect(await getAuditEvent(world.viewerA, scope, event)).toBeNull();
  });

  it("a cursor on day 45 of month 13, or in year 0, or past bigint, reads the first page", async () => {
    for (const [at, id] of [["2026-13-45T00:00:00.000000Z", "1"], ["0000-06-01T00:00:00.000000Z", "1"], ["2026-03-10T00:00:00.000000Z", "9999999999999999999"]]) {
      expect(await ids(`?cursor=${encodeCursor({ direction: "older", at, id })}`), at).toEqual(everyEvent());
    }
  });

  it("from year 0 reads from year 1, to 9999-12-31 reads to its end: every event", async () => {
    for (const query of ["?from=0000-01-01", "?to=9999-12-31", "?from=0000-01-01&to=275760-09-13", "?from=-000001-01-01"]) {
      expect(await ids(query), query).toEqual(everyEvent());
    }
  });

  it("text with NUL matches as the text around it; the export reads the same dates", async () => {
    expect(await ids("?q=pr%00od")).toEqual([world.e.e5, world.e.e2]);
    const chunks = await exportAuditEvents(world.viewerA, scope, loadAuditListParams("?from=0000-01-01&to=9999-12-31"), "jsonl");
    let lines = 0;
    for await (const chunk of chunks!) lines += chunk.split("\n").filter(Boolean).length;
    expect(lines).toBe(everyEvent().length);
  });
});

describe("usage", () => {
  it("a custom range in year 1 falls back to the last 30 days instead of comparing with year 0", async () => {
    const tenant = await tenantFor(db);
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const range = resolveUsageRange(loadTenantUsageParams("?range=custom&from=0001-01-01&to=0001-01-10"), new Date());
    expect(range.range).toBe("30d");
    expect(await tenantUsageSummary(viewer, tenant.id, { from: range.from, to: range.to, groupBy: "model" })).not.toBeNull();
  });

  it("page 50,000,000 of the staff overview reads the last page, with the totals, instead of an OFFSET beyond integer", async () => {
    await tenantFor(db);
    const staff = await actorFor(db, { staffRole: "support" });
    const query = loadStaffUsageParams("?page=50000000");
    const range = resolveUsageRange(query, new Date());
    const overview = (await staffUsageOverview(staff, { from: range.from, to: range.to, page: query.page }))!;
    // the tenant above at least: the totals and the last page are read in one statement, whatever else runs
    expect(overview.total).toBeGreaterThan(0);
    expect(overview.rows.length).toBeGreaterThan(0);
    expect(overview.page).toBe(overview.pageCount);
  });
});

describe("the tenant list", () => {
  const load = createLoader(tenantListParsers);

  it("a trial window of 99,999,999,999 days lists the trials, however far their end", async () => {
    const owner = (await actorFor(db, { staffRole: "sales" })).id!;
    const far = await tenantFor(db, { status: "trial", trialEndsAt: new Date("9999-06-01T00:00:00Z"), salesOwnerId: owner });
    const sales = await actorFor(db, { staffRole: "sales" });
    const list = await listTenants(sales, load(`?trialWithin=99999999999&owner=${encodeURIComponent(owner)}`));
    expect(list!.rows.map((t) => t.id)).toEqual([far.id]);
  });

  it("a sales owner that is no id is said, not a query error", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const list = await listTenants(sales, load(`?owner=${encodeURIComponent("Bob Nobody'%00")}`));
    expect(list!.ownerProblem).toContain("is no one on the sales or admin staff");
  });

  it("a page far past the last is the last", async () => {
    const owner = (await actorFor(db, { staffRole: "sales" })).id!;
    const only = await tenantFor(db, { salesOwnerId: owner });
    const sales = await actorFor(db, { staffRole: "sales" });
    const list = await listTenants(sales, load(`?page=50000000&owner=${encodeURIComponent(owner)}`));
    expect(list).toMatchObject({ page: 1, pageCount: 1, total: 1 });
    expect(list!.rows.map((t) => t.id)).toEqual([only.id]);
  });
});

describe("the keys list", () => {
  it("a search with NUL and a page far past the last read the last page of what matches", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await keyRowFor(db, tenant.id, { name: "Prod key" });
    const { status, q, page } = loadKeyListParams("?q=Pr%00od&page=99999999999&status=active");
    const list = await listApiKeys(owner, tenant.id, { status: status ?? undefined, q: q ?? undefined, page });
    expect(list).toMatchObject({ page: 1, pageCount: 1, total: 1 });
    expect(list.keys.map((k) => k.name)).toEqual(["Prod key"]);
  });
});
