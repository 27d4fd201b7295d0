// The automatic lifecycle job on real PostgreSQL. It acts on every tenant in the shared database, so it runs
// at a `now` in 2001: only tenants dated around then, made here, can be due; other test files' are not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLifecycleJobs, type LifecycleJobResult } from "../../lib/domain/tenants/jobs";
import { testPrisma } from "../support/database";
import { tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";
import { DAY_MS } from "../support/time";
import { ARCHIVED, FULL, dataCounts, tenantWithData } from "./lifecycle-fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

const NOW = new Date("2001-06-15T12:00:00Z");
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

let trialEnded: Awaited<ReturnType<typeof tenantWithData>>;
let frozen31: Awaited<ReturnType<typeof tenantWithData>>;
let frozen29: Awaited<ReturnType<typeof tenantWithData>>;
let trialEndsTomorrow: Awaited<ReturnType<typeof tenantFor>>;
let first: LifecycleJobResult;
let second: LifecycleJobResult;
let auditAfterFirst: number;

const mine = () => [trialEnded.tenant.id, frozen31.tenant.id, frozen29.tenant.id, trialEndsTomorrow.id];
const statusOf = async (id: string) => (await db.tenant.findUniqueOrThrow({ where: { id } })).status;
// the lifecycle's events, not the fixture's own
const eventsOf = (tenantId: string) => auditOf(db, { tenantId, action: { startsWith: "tenant." } });

beforeAll(async () => {
  trialEnded = await tenantWithData(db, { status: "trial", trialEndsAt: daysFromNow(-1), statusChangedAt: daysFromNow(-15) });
  frozen31 = await tenantWithData(db, { status: "frozen", statusChangedAt: daysFromNow(-31) });
  frozen29 = await tenantWithData(db, { status: "frozen", statusChangedAt: daysFromNow(-29) });
  trialEndsTomorrow = await tenantFor(db, { status: "trial", trialEndsAt: daysFromNow(1), statusChangedAt: daysFromNow(-13) });
  first = await runLifecycleJobs(NOW);
  auditAfterFirst = await db.auditLog.count({ where: { tenantId: { in: mine() } } });
  second = await runLifecycleJobs(NOW);
});

describe("runLifecycleJobs", () => {
  it("freezes a trial past its end, as of the run", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: trialEnded.tenant.id } });
    expect(tenant.status).toBe("frozen");
    expect(tenant.statusChangedAt).toEqual(NOW);
    // freezing removes nothing
    expect(await dataCounts(db, tenant.id, trialEnded.webhookId)).toEqual(FULL);
  });

  it("archives a tenant frozen 31 days ago and removes its data", async () => {
    expect(await statusOf(frozen31.tenant.id)).toBe("archived");
    expect(await dataCounts(db, frozen31.tenant.id, frozen31.webhookId)).toEqual(ARCHIVED);
  });

  it("leaves a tenant frozen 29 days ago and a trial ending tomorrow alone", async () => {
    expect(await statusOf(frozen29.tenant.id)).toBe("frozen");
    expect(await dataCounts(db, frozen29.tenant.id, frozen29.webhookId)).toEqual(FULL);
    expect(await statusOf(trialEndsTomorrow.id)).toBe("trial");
    expect(await eventsOf(frozen29.tenant.id)).toEqual([]);
    expect(await eventsOf(trialEndsTomorrow.id)).toEqual([]);
  });

  it("counts and names what it changed", () => {
    expect(first).toEqual({
      frozen: 1, archived: 1,
      changes: [
        { slug: trialEnded.tenant.slug, to: "frozen", reason: "trial ended" },
        { slug: frozen31.tenant.slug, to: "archived", reason: "frozen for more than 30 days" },
      ],
    });
  });

  it("records each change as the system, with the reason and the status before and after", async () => {
    const [freeze] = await eventsOf(trialEnded.tenant.id);
    expect(freeze).toMatchObject({
      action: "tenant.status_changed", actorType: "system", actorId: null, actorName: "system", isFailure: false,
      targetType: "tenant", targetId: trialEnded.tenant.id, description: "trial ended",
      metadata: { reason: "trial ended", before: { status: "trial" }, after: { status: "frozen" } },
    });
    const [archive] = await eventsOf(frozen31.tenant.id);
    expect(archive).toMatchObject({
      action: "tenant.archived", actorType: "system", description: "frozen for more than 30 days",
      metadata: { before: { status: "frozen" }, after: { status: "archived" }, removed: { apiKeys: 1, usageEvents: 1, webhooks: 1 } },
    });
    expect(await eventsOf(trialEnded.tenant.id)).toHaveLength(1);
    expect(await eventsOf(frozen31.tenant.id)).toHaveLength(1);
  });

  it("changes nothing and writes no audit rows when run again", async () => {
    expect(second).toEqual({ frozen: 0, archived: 0, changes: [] });
    expect(await db.auditLog.count({ where: { tenantId: { in: mine() } } })).toBe(auditAfterFirst);
    expect(await statusOf(trialEnded.tenant.id)).toBe("frozen");
  });
});
