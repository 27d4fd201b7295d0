// The what-if on real PostgreSQL: a tenant's usage_routing_daily rows replayed through draft rules — what each rule
// takes (first match wins), what falls through, today's prices against what was paid, exact to the 10th place,
// unpriced attempts, cheapest following a price change, the 7- and 30-day windows, who may ask, and bad input.
// Each test makes its own tenants and models, so files running at once never see each other's rows or prices.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { MemberRole, StaffRole } from "@/lib/db/generated/enums";
import type { RuleSpec } from "@/lib/domain/routing/engine";
import { DRAFT_RULE_ID, simulateRouting } from "@/lib/domain/routing/simulate";
import { actorFor, tenantFor } from "../support/actors";
import { testPrisma } from "../support/database";
import { DAY_MS, isoDay } from "../support/time";
import { price, uniqueModel } from "../usage/fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

const NOW = new Date();
const daysAgo = (n: number) => isoDay(NOW.getTime() - n * DAY_MS);

async function world({ role = "owner" as MemberRole, staffRole = null as StaffRole | null } = {}) {
  const tenant = await tenantFor(db);
  await db.providerConfig.createMany({ data: [
    { tenantId: tenant.id, provider: "openai", encryptedApiKey: Buffer.from("x"), keyLast4: "abcd", isDefault: true },
    { tenantId: tenant.id, provider: "anthropic", encryptedApiKey: Buffer.from("x"), keyLast4: "efgh" },
  ] });
  const actor = staffRole ? await actorFor(db, { staffRole }) : await actorFor(db, { roles: { [tenant.id]: role } });
  return { tenant, actor };
}

/** A rollup row of `tenantId`: `requests` requests of `model` on the day `ago` days back. */
function usage(tenantId: string, model: string, { ago = 0, feature = null as string | null, team = null as string | null, complexity = null as "low" | "medium" | "high" | null,
  requests = 1, input = 1000, output = 1000, cost = "0" } = {}) {
  return db.usageRoutingDaily.create({ data: {
    tenantId, day: new Date(daysAgo(ago)), requestedModel: model, feature, team, complexity,
    requests: BigInt(requests), inputTokens: BigInt(input), outputTokens: BigInt(output), costUsd: cost,
  } });
}

function rule(overrides: Partial<RuleSpec> = {}): RuleSpec {
  return {
    id: randomUUID(), name: "Rule", enabled: true, matchModel: null, matchFeature: null, matchTeam: null, matchComplexity: null,
    strategy: "passthrough", targetProvider: null, targetModel: null, fallbackModels: [], ...overrides,
  };
}

async function simulated(actor: Awaited<ReturnType<typeof world>>["actor"], tenantId: string, rules: unknown[], days = "30") {
  const result = await simulateRouting(actor, { tenantId, days, rules: JSON.stringify(rules) }, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("replaying usage through draft rules", () => {
  it("gives each request to the first enabled rule that matches, in the draft's order, and the rest to no rule", async () => {
    const { tenant, actor } = await world();
    const [m1, m2] = [uniqueModel("sim"), uniqueModel("other")];
    await usage(tenant.id, m1, { feature: "chat", requests: 5 });
    await usage(tenant.id, m1, { feature: "search", requests: 7 });
    await usage(tenant.id, m2, { team: "research", complexity: "high", requests: 11 });
    await usage(tenant.id, m2, { feature: "chat", team: "growth", requests: 13, ago: 3 });
    const other = await world();
    await usage(other.tenant.id, m1, { feature: "chat", requests: 1000 });

    const chat = rule({ name: "Chat", matchFeature: "chat" });
    const family = rule({ name: "m1 family", matchModel: `${m1.slice(0, -4)}*` });
    const research = rule({ name: "Research", matchTeam: "research", enabled: false });
    const never = rule({ name: "Never", matchModel: "no-such-model" });
    const result = await simulated(actor, tenant.id, [chat, family, research, never]);
    expect(result.rules.map((r) => [r.ruleId, r.name, r.requests])).toEqual([
      [chat.id, "Chat", 5 + 13], [family.id, "m1 family", 7], [research.id, "Research", 0], [never.id, "Never", 0],
    ]);
    expect(result.fallThrough).toMatchObject({ ruleId: null, requests: 11 });
    expect(result.total.requests).toBe(36);

    // reordered, the family takes all of m1's requests first
    const reordered = await simulated(actor, tenant.id, [family, chat]);
    expect(reordered.rules.map((r) => r.requests)).toEqual([12, 13]);
  });

  it("projects each group's tokens at today's price of its first attempt, against what it cost, exact to the 10th place", async () => {
    const { tenant, actor } = await world();
    const [served, target] = [uniqueModel("sim"), uniqueModel("sim")];
    await price(db, served, "2026-01-01", "0.010000", "0.020000", "openai");
    await price(db, target, "2026-01-01", "0.900000", "0.900000", "anthropic"); // superseded today
    await price(db, target, daysAgo(0), "0.001234", "0.005678", "anthropic");
    await price(db, target, daysAgo(-1), "0.000001", "0.000001", "anthropic"); // scheduled: not yet in force
    await usage(tenant.id, served, { feature: "summarize", requests: 3, input: 1234, output: 567, cost: "0.0123456789", ago: 2 });
    await usage(tenant.id, served, { feature: "summarize", requests: 2, input: 1000, output: 1, cost: "0.0000000001" });
    await usage(tenant.id, served, { feature: "chat", requests: 4, input: 3000, output: 1000, cost: "0.0500000000" });

    const summaries = rule({ name: "Summaries", matchFeature: "summarize", strategy: "quality_first", targetModel: `anthropic/${target}`, fallbackModels: [served] });
    const result = await simulated(actor, tenant.id, [summaries]);
    // (2234 × 0.001234 + 568 × 0.005678) / 1000 = 0.002756756 + 0.003225104 = 0.00598186
    expect(result.rules[0]).toEqual({
      ruleId: summaries.id, name: "Summaries", requests: 5, currentCostUsd: "0.0123456790", projectedCostUsd: "0.0059818600", unpricedRequests: 0,
    });
    // no rule: passthrough to the requested model at the provider that prices it: (3000 × 0.01 + 1000 × 0.02) / 1000
    expect(result.fallThrough).toEqual({
      ruleId: null, name: "No rule (passthrough)", requests: 4, currentCostUsd: "0.0500000000", projectedCostUsd: "0.0500000000", unpricedRequests: 0,
    });
    expect(result.total).toEqual({
      requests: 9, currentCostUsd: "0.0623456790", projectedCostUsd: "0.0559818600", changeUsd: "-0.0063638190", changePct: "-10.21",
    });
  });

  it("counts the requests whose first attempt has no price in force, and leaves them out of the projection", async () => {
    const { tenant, actor } = await world();
    const [priced, unpriced] = [uniqueModel("sim"), uniqueModel("sim")];
    await price(db, priced, "2026-01-01", "0.001000", "0.001000", "openai");
    await usage(tenant.id, priced, { requests: 2, input: 1000, output: 1000, cost: "0.0020000000" });
    await usage(tenant.id, unpriced, { requests: 3, input: 2000, output: 1000, cost: "0" });
    const result = await simulated(actor, tenant.id, []);
    expect(result.rules).toEqual([]);
    expect(result.fallThrough).toMatchObject({ requests: 5, currentCostUsd: "0.0020000000", projectedCostUsd: "0.0020000000", unpricedRequests: 3 });
    expect(result.total).toMatchObject({ changeUsd: "0.0000000000", changePct: "0.00" });

    // a rule sending them to a priced model prices them
    const moved = rule({ name: "Move", matchModel: unpriced, strategy: "quality_first", targetModel: priced, fallbackModels: [`anthropic/${unpriced}`] });
    const rerouted = await simulated(actor, tenant.id, [moved]);
    expect(rerouted.rules[0]).toMatchObject({ requests: 3, projectedCostUsd: "0.0030000000", unpricedRequests: 0 });
    expect(rerouted.total).toMatchObject({ projectedCostUsd: "0.0050000000", changeUsd: "0.0030000000", changePct: "150.00" });
  });

  it("follows a price change: cheapest projects at whichever candidate is cheapest today", async () => {
    const { tenant, actor } = await world();
    const [a, b] = [uniqueModel("sim"), uniqueModel("sim")];
    await price(db, a, "2026-01-01", "0.002000", "0.002000", "openai");
    await price(db, b, "2026-01-01", "0.003000", "0.003000", "anthropic");
    await usage(tenant.id, a, { requests: 10, input: 10_000, output: 5_000, cost: "0.0300000000" });
    const cheapest = rule({ name: "Cheapest", strategy: "cheapest", targetModel: a, fallbackModels: [`anthropic/${b}`] });
    expect((await simulated(actor, tenant.id, [cheapest])).rules[0].projectedCostUsd).toBe("0.0300000000");
    await price(db, b, daysAgo(0), "0.000500", "0.000500", "anthropic");
    const after = await simulated(actor, tenant.id, [cheapest]);
    expect(after.rules[0].projectedCostUsd).toBe("0.0075000000");
    expect(after.total).toMatchObject({ changeUsd: "-0.0225000000", changePct: "-75.00" });
  });

  it("replays the last 7 or 30 UTC days, today included, and says there is nothing to replay in an empty window", async () => {
    const { tenant, actor } = await world();
    const model = uniqueModel("sim");
    for (const [ago, requests] of [[0, 1], [6, 2], [7, 4], [29, 8], [30, 16]]) await usage(tenant.id, model, { ago, requests });
    const week = await simulated(actor, tenant.id, [], "7");
    expect(week).toMatchObject({ days: 7, from: daysAgo(6), to: daysAgo(0), total: { requests: 3 } });
    const month = await simulated(actor, tenant.id, [], "30");
    expect(month).toMatchObject({ days: 30, from: daysAgo(29), to: daysAgo(0), total: { requests: 15 } });

    const empty = await world();
    const draft = rule({ id: DRAFT_RULE_ID, name: "New" });
    expect(await simulated(empty.actor, empty.tenant.id, [draft], "7")).toMatchObject({
      rules: [{ ruleId: DRAFT_RULE_ID, requests: 0, currentCostUsd: "0.0000000000" }],
      total: { requests: 0, currentCostUsd: "0.0000000000", projectedCostUsd: "0.0000000000", changeUsd: "0.0000000000", changePct: null },
    });
  });
});

describe("who may simulate", () => {
  it.each([["owner", null], [null, "admin"]] as const)("allows a %s%s", async (role, staffRole) => {
    const { tenant, actor } = await world({ role: role ?? "viewer", staffRole });
    expect(await simulateRouting(actor, { tenantId: tenant.id, days: "7", rules: "[]" })).toMatchObject({ ok: true });
  });

  it.each([["member", null], ["viewer", null], [null, "support"]] as const)("refuses a %s%s", async (role, staffRole) => {
    const { tenant, actor } = await world({ role: role ?? "viewer", staffRole });
    await usage(tenant.id, uniqueModel("sim"), { requests: 1 });
    expect(await simulateRouting(actor, { tenantId: tenant.id, days: "7", rules: "[]" })).toEqual({ ok: false, kind: "forbidden", message: expect.any(String) });
  });

  it("refuses an owner of another tenant", async () => {
    const { actor } = await world();
    const theirs = await world();
    expect(await simulateRouting(actor, { tenantId: theirs.tenant.id, days: "7", rules: "[]" })).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

describe("bad input", () => {
  it("answers with an error under each field, never a throw", async () => {
    const { tenant, actor } = await world();
    const errorsOf = async (input: Record<string, unknown>) => {
      const result = await simulateRouting(actor, { tenantId: tenant.id, days: "7", rules: "[]", ...input });
      expect(result).toMatchObject({ ok: false, kind: "validation" });
      return !result.ok ? result.fieldErrors! : {};
    };
    expect(await errorsOf({ days: "9" })).toEqual({ days: ["Simulate the last 7 or 30 days."] });
    expect(Object.keys(await errorsOf({ days: "7.0", tenantId: "nope" })).sort()).toEqual(["days", "tenantId"]);
    expect(await errorsOf({ rules: "not json" })).toEqual({ rules: [expect.stringContaining("not valid JSON")] });
    expect(await errorsOf({ rules: JSON.stringify({ name: "one rule" }) })).toEqual({ rules: [expect.stringContaining("a list of rules")] });
    expect(await errorsOf({ rules: JSON.stringify(Array.from({ length: 201 }, () => rule())) })).toEqual({ rules: ["At most 200 rules."] });
    expect(await errorsOf({ rules: undefined })).toEqual({ rules: [expect.any(String)] });

    const errors = await errorsOf({ rules: JSON.stringify([rule(), { ...rule(), id: "x", name: " ", strategy: "fastest", matchComplexity: "huge", fallbackModels: ["a b"] }]) });
    expect(Object.keys(errors).sort()).toEqual(["rules.1.fallbackModels", "rules.1.id", "rules.1.matchComplexity", "rules.1.name", "rules.1.strategy"]);
    expect(errors["rules.1.strategy"]).toEqual([expect.stringContaining("Choose a strategy")]);
  });
});
