// The dashboard queries read only the rollups; here their figures are checked against aggregates of the raw
// events, and who may read what.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../../lib/domain/usage/ingest";
import { monthBudget, staffUsageOverview, tenantUsageSummary, trialsWithMostUsage } from "../../lib/domain/usage/queries";
import { LATENCY_BUCKETS_MS } from "../../lib/domain/usage/rollups";
import { visiblePrefix } from "../../lib/domain/keys/format";
import { usageGroupsCsv } from "../../lib/domain/usage/groups-csv";
import { actorFor } from "../support/actors";
import { testPrisma } from "../support/database";
import { isoDay } from "../support/time";
import { DAY, HOUR, event, price, uniqueModel, usageTenant } from "./fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

// Two days back, so that every event below is in the past.
const base = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
const to = new Date(base + 5 * HOUR);
const from = new Date(to.getTime() - 9 * DAY - 3 * HOUR); // not aligned to days: daily and hourly rows combined
const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));

let tenant: Awaited<ReturnType<typeof usageTenant>>;
const priced = uniqueModel("priced");
const unpriced = uniqueModel("unpriced");

beforeAll(async () => {
  tenant = await usageTenant(db, { keys: 2 });
  await price(db, priced, isoDay(base - 60 * DAY), "0.003000", "0.015000");
  // a deterministic spread from before the previous period to after the range, minute by minute apart
  const start = previousFrom.getTime() - DAY;
  const span = to.getTime() + 18 * HOUR - start;
  const events = Array.from({ length: 1800 }, (_, i) => event(tenant.tenant.id, {
    occurredAt: new Date(start + ((i * 7919) % 1800) * (span / 1800) + (i % 60) * 1000).toISOString(),
    apiKeyId: i % 5 === 0 ? undefined : tenant.keys[i % 2].id,
    model: i % 9 === 0 ? unpriced : priced,
    feature: ["chat", "search", "summarize", "classify", "extract", "translate", "embed", null][i % 8],
    inputTokens: 100 + ((i * 37) % 3000), outputTokens: 20 + ((i * 13) % 800),
    latencyMs: (i * 211) % 6000, status: i % 17 === 0 ? 502 : 200,
  }));
  for (let i = 0; i < events.length; i += 500) await ingestUsage(db, { events: events.slice(i, i + 500) });
});

async function raw(a: Date, b: Date) {
  const [row] = await db.$queryRaw<{ spend: string; requests: number; errors: number; input: number; output: number; unpriced: number; p95: number }[]>`
    SELECT sum(cost_usd)::text AS spend, count(*)::int AS requests, (count(*) FILTER (WHERE status >= 400))::int AS errors,
      sum(input_tokens)::int AS input, sum(output_tokens)::int AS output, (count(*) FILTER (WHERE cost_usd IS NULL))::int AS unpriced,
      percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
    FROM usage_events WHERE tenant_id = ${tenant.tenant.id}::uuid AND occurred_at >= ${a} AND occurred_at < ${b}`;
  return row;
}

/** The histogram bucket [lower, upper] that holds `ms`. */
function bucketOf(ms: number): [number, number] {
  const i = LATENCY_BUCKETS_MS.filter((bound) => ms >= bound).length;
  return [i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1], LATENCY_BUCKETS_MS[i] ?? Infinity];
}

function expectFiguresOf(figures: NonNullable<Awaited<ReturnType<typeof tenantUsageSummary>>>["current"], expected: Awaited<ReturnType<typeof raw>>) {
  expect(figures).toMatchObject({
    spendUsd: expected.spend, requests: expected.requests, errors: expected.errors,
    inputTokens: expected.input, outputTokens: expected.output, unpricedRequests: expected.unpriced,
  });
  expect(figures.errorRate).toBeCloseTo(expected.errors / expected.requests, 12);
  const [lower, upper] = bucketOf(expected.p95);
  expect(figures.p95LatencyMs).toBeGreaterThanOrEqual(lower);
  expect(figures.p95LatencyMs).toBeLessThanOrEqual(upper);
}

describe("tenantUsageSummary", () => {
  it("has headline figures equal to the raw events' for the range and for the previous period of equal length", async () => {
    const viewer = await actorFor(db, { roles: { [tenant.tenant.id]: "viewer" } });
    const summary = (await tenantUsageSummary(viewer, tenant.tenant.id, { from, to, groupBy: "model" }))!;
    expect(summary).toMatchObject({ from, to, previousFrom, bucket: "day", groupBy: "model" });
    const current = await raw(from, to);
    expect(current.requests).toBeGreaterThan(500);
    expectFiguresOf(summary.current, current);
    const previous = await raw(previousFrom, from);
    expect(previous.requests).toBeGreaterThan(500);
    expectFiguresOf(summary.previous, previous);
  });

  it("has a daily series whose buckets, stacks and groups add up to the raw events'", async () => {
    const viewer = await actorFor(db, { roles: { [tenant.tenant.id]: "viewer" } });
    const summary = (await tenantUsageSummary(viewer, tenant.tenant.id, { from, to, groupBy: "feature" }))!;
    const perDay = await db.$queryRaw<{ day: Date; requests: number; errors: number }[]>`
      SELECT date_trunc('day', occurred_at, 'UTC') AS day, count(*)::int AS requests, (count(*) FILTER (WHERE status >= 400))::int AS errors
      FROM usage_events WHERE tenant_id = ${tenant.tenant.id}::uuid AND occurred_at >= ${from} AND occurred_at < ${to} GROUP BY 1`;
    expect(summary.series.map((p) => p.start)).toEqual(Array.from({ length: 10 }, (_, i) => new Date(base - 9 * DAY + i * DAY)));
    expect(summary.series.map((p) => [p.start.getTime(), p.requests, p.errors]))
      .toEqual(summary.series.map((p) => {
        const day = perDay.find((d) => d.day.getTime() === p.start.getTime());
        return [p.start.getTime(), day?.requests ?? 0, day?.errors ?? 0];
      }));
    // seven features and "none": six stacks by name and the rest as other
    expect(summary.stacks.map((s) => s.id)).toEqual(["g0", "g1", "g2", "g3", "g4", "g5", "other"]);
    for (const point of summary.series) {
      const stacked = Object.values(point.spendUsd).reduce((sum, v) => sum + Number(v), 0);
      expect(stacked).toBeCloseTo(Number(point.totalSpendUsd), 9);
      expect(Object.keys(point.spendUsd)).toEqual(summary.stacks.map((s) => s.id));
    }
    const perFeature = await db.$queryRaw<{ feature: string | null; spend: string; requests: number }[]>`
      SELECT feature, sum(cost_usd)::text AS spend, count(*)::int AS requests
      FROM usage_events WHERE tenant_id = ${tenant.tenant.id}::uuid AND occurred_at >= ${from} AND occurred_at < ${to} GROUP BY 1`;
    expect(summary.groupCount).toBe(8);
    expect(summary.groups.map((g) => [g.key, g.spendUsd, g.requests]).sort())
      .toEqual(perFeature.map((f) => [f.feature, f.spend, f.requests]).sort());
    const spends = summary.groups.map((g) => Number(g.spendUsd));
    expect(spends).toEqual([...spends].sort((a, b) => b - a));
    expect(summary.groups.find((g) => g.key === null)?.label).toBe("(none)");
  });

  it("uses hourly buckets up to 48 hours", async () => {
    const member = await actorFor(db, { roles: { [tenant.tenant.id]: "member" } });
    const start = new Date(to.getTime() - 30 * HOUR);
    const summary = (await tenantUsageSummary(member, tenant.tenant.id, { from: start, to, groupBy: "provider" }))!;
    expect(summary.bucket).toBe("hour");
    expect(summary.series).toHaveLength(30);
    const perHour = await db.$queryRaw<{ hour: Date; requests: number }[]>`
      SELECT date_trunc('hour', occurred_at, 'UTC') AS hour, count(*)::int AS requests
      FROM usage_events WHERE tenant_id = ${tenant.tenant.id}::uuid AND occurred_at >= ${start} AND occurred_at < ${to} GROUP BY 1`;
    expect(summary.series.filter((p) => p.requests > 0).map((p) => [p.start.getTime(), p.requests]))
      .toEqual(perHour.map((h) => [h.hour.getTime(), h.requests]).sort((a, b) => a[0] - b[0]));
    expectFiguresOf(summary.current, await raw(start, to));
    expect(summary.stacks).toEqual([{ id: "g0", key: "testai", label: "testai" }]);
  });

  it("names key groups by the key's name and visible prefix", async () => {
    const owner = await actorFor(db, { roles: { [tenant.tenant.id]: "owner" } });
    const summary = (await tenantUsageSummary(owner, tenant.tenant.id, { from, to, groupBy: "key" }))!;
    const [key0, key1] = tenant.keys;
    expect(summary.groups.map((g) => [g.key, g.label, g.keyPrefix]).sort()).toEqual([
      [key0.id, "key 0", visiblePrefix(key0.prefix)], [key1.id, "key 1", visiblePrefix(key1.prefix)], [null, "(no key)", undefined],
    ].sort());
  });

  it("gives a reader who may not see the tenant's keys (sales staff) anonymous key groups, on the page and in the CSV", async () => {
    const [owner, sales, support] = [
      await actorFor(db, { roles: { [tenant.tenant.id]: "owner" } }), await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "support" }),
    ];
    const range = { from, to, groupBy: "key" as const };
    const named = (await tenantUsageSummary(owner, tenant.tenant.id, range))!;
    const anonymous = (await tenantUsageSummary(sales, tenant.tenant.id, range))!;
    // the same groups with the same figures, in the same order, numbered by it
    let rank = 0;
    const expected = named.groups.map((g) => ({ ...g, key: null, keyPrefix: undefined, label: g.key === null ? "(no key)" : `Key ${++rank}` }));
    expect(anonymous.groups).toEqual(expected);
    expect(anonymous.stacks.map((s) => [s.key, s.label])).toEqual(expected.map((g) => [null, g.label]));
    // nothing names a key: not the summary the page is drawn from, not the CSV
    const csv = usageGroupsCsv("key", anonymous.groups);
    expect(csv.split("\r\n")[1]).toMatch(/^Key 1,,,/);
    for (const text of [JSON.stringify(anonymous), csv]) {
      for (const key of tenant.keys) for (const secret of [key.id, key.name, key.prefix]) expect(text).not.toContain(secret);
    }
    // support staff may read keys, and see them named
    expect((await tenantUsageSummary(support, tenant.tenant.id, range))!.groups).toEqual(named.groups);
  });

  it("refuses a range that ends before it starts", async () => {
    const owner = await actorFor(db, { roles: { [tenant.tenant.id]: "owner" } });
    await expect(tenantUsageSummary(owner, tenant.tenant.id, { from: to, to: from, groupBy: "model" })).rejects.toThrow(RangeError);
  });
});

describe("monthBudget", () => {
  it("sums this month's spend up to now and projects it to the month's end", async () => {
    const model = uniqueModel("dollar");
    await price(db, model, "2020-01-01", "1.000000", "0"); // $1 per 1k input tokens
    const { tenant: t } = await usageTenant(db, { monthlyBudgetUsd: "20", budgetAlertPct: 50 });
    // a past month, so that "now" can be chosen freely
    const month = new Date(Date.now() - 40 * DAY);
    const first = Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1);
    const now = new Date(first + 15 * DAY); // 15 days elapsed
    const at = (ms: number) => new Date(ms).toISOString();
    await ingestUsage(db, { events: [
      event(t.id, { model, occurredAt: at(first), inputTokens: 5000, outputTokens: 0 }), // $5
      event(t.id, { model, occurredAt: at(first + 9 * DAY + 5 * HOUR), inputTokens: 10000, outputTokens: 0 }), // $10
      event(t.id, { model, occurredAt: at(first - 1), inputTokens: 7000, outputTokens: 0 }), // last month
      event(t.id, { model, occurredAt: at(now.getTime() + 5 * HOUR), inputTokens: 3000, outputTokens: 0 }), // after now
    ] });
    const viewer = await actorFor(db, { roles: { [t.id]: "viewer" } });
    const daysInMonth = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
    expect(await monthBudget(viewer, t.id, now)).toEqual({
      budgetUsd: "20.00", alertPct: 50, spentToDate: "15.0000000000", projectedMonthEnd: `${daysInMonth}.00`,
      overThreshold: true, overBudget: false,
    });
    await db.tenant.update({ where: { id: t.id }, data: { monthlyBudgetUsd: "14.99" } });
    expect(await monthBudget(viewer, t.id, now)).toMatchObject({ overThreshold: true, overBudget: true });
    await db.tenant.update({ where: { id: t.id }, data: { monthlyBudgetUsd: null } });
    expect(await monthBudget(viewer, t.id, now)).toMatchObject({ budgetUsd: null, overThreshold: false, overBudget: false });
  });
});

describe("who may read usage", () => {
  it("a viewer of one tenant cannot read another's usage; non-staff get no platform view", async () => {
    const other = await usageTenant(db);
    const viewer = await actorFor(db, { roles: { [tenant.tenant.id]: "viewer" } });
    expect(await tenantUsageSummary(viewer, other.tenant.id, { from, to, groupBy: "model" })).toBeNull();
    expect(await monthBudget(viewer, other.tenant.id)).toBeNull();
    const owner = await actorFor(db, { roles: { [tenant.tenant.id]: "owner" } });
    expect(await staffUsageOverview(owner, { from, to })).toBeNull();
    expect(await trialsWithMostUsage(owner, { from, to })).toBeNull();
    const support = await actorFor(db, { staffRole: "support" });
    expect(await tenantUsageSummary(support, other.tenant.id, { from, to, groupBy: "model" })).not.toBeNull();
  });
});

describe("staff views", () => {
  it("rank tenants by spend across the platform, filtered by status and plan, and trials by usage", async () => {
    const model = uniqueModel("dollar");
    await price(db, model, "2020-01-01", "1.000000", "0");
    const day = base - 200 * DAY; // a window no other test uses
    const spend = async (t: { id: string }, dollars: number[]) => {
      await ingestUsage(db, { events: dollars.map((d) => event(t.id, { model, occurredAt: new Date(day + 3 * HOUR).toISOString(), inputTokens: d * 1000, outputTokens: 0 })) });
    };
    const big = await usageTenant(db, { plan: "enterprise" });
    const small = await usageTenant(db, { plan: "enterprise" });
    const pro = await usageTenant(db, { plan: "pro" });
    const trialEndsAt = new Date(Date.now() + 7 * DAY);
    const busyTrial = await usageTenant(db, { status: "trial", trialEndsAt, plan: "starter" });
    const quietTrial = await usageTenant(db, { status: "trial", trialEndsAt, plan: "starter" });
    const idleTrial = await usageTenant(db, { status: "trial", trialEndsAt, plan: "starter" });
    await spend(big.tenant, [5000, 4000]);
    await spend(small.tenant, [3000]);
    await spend(pro.tenant, [9500]);
    await spend(busyTrial.tenant, [1, 1, 1]);
    await spend(quietTrial.tenant, [2000]);
    const range = { from: new Date(day), to: new Date(day + DAY) };

    const sales = await actorFor(db, { staffRole: "sales" });
    const overview = (await staffUsageOverview(sales, { ...range, status: "active", plan: "enterprise" }))!;
    expect(overview.rows.slice(0, 2)).toMatchObject([
      { tenantId: big.tenant.id, slug: big.tenant.slug, name: "Test tenant", status: "active", plan: "enterprise", spendUsd: "9000.0000000000", requests: 2 },
      { tenantId: small.tenant.id, spendUsd: "3000.0000000000", requests: 1 },
    ]);
    expect(overview.rows.every((r) => r.status === "active" && r.plan === "enterprise")).toBe(true);
    expect(overview.rows.map((r) => r.tenantId)).not.toContain(pro.tenant.id);
    const everyone = (await staffUsageOverview(sales, range))!;
    expect(everyone.rows[0]).toMatchObject({ tenantId: pro.tenant.id, spendUsd: "9500.0000000000" });

    const trials = (await trialsWithMostUsage(sales, { ...range, limit: 5 }))!;
    expect(trials.slice(0, 2).map((r) => r.tenantId)).toEqual([busyTrial.tenant.id, quietTrial.tenant.id]);
    expect(trials.map((r) => r.tenantId)).not.toContain(idleTrial.tenant.id);
    expect(trials[0].trialEndsAt).toEqual(trialEndsAt);
  });
});
