// The routing rules service on real PostgreSQL: what each change writes, dense priorities, the validation the
// engine backs, the shadowing warning, the stale-form conflict, who may change rules, and audit payloads.
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { MemberRole, StaffRole } from "@/lib/db/generated/enums";
import {
  createRule, deleteRule, duplicateRule, moveRule, reorderRules, setRuleEnabled, updateRule,
} from "@/lib/domain/routing/service";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";
import { testPrisma, uniqueSlug } from "../support/database";

const db = testPrisma();
afterAll(() => db.$disconnect());

async function world({ role = "owner" as MemberRole, staffRole = null as StaffRole | null, status = "active" as const as "active" | "frozen" } = {}) {
  const tenant = await tenantFor(db, { status });
  await db.providerConfig.createMany({ data: [
    { tenantId: tenant.id, provider: "openai", encryptedApiKey: Buffer.from("x"), keyLast4: "abcd", isDefault: true },
    { tenantId: tenant.id, provider: "anthropic", encryptedApiKey: Buffer.from("x"), keyLast4: "efgh" },
  ] });
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  const actor = staffRole ? await actorFor(db, { staffRole }) : await actorFor(db, { roles: { [tenant.id]: role } });
  return { tenant, owner, actor };
}

const RULE = { name: "Catch-all", strategy: "passthrough" };

async function created(actor: Awaited<ReturnType<typeof world>>["owner"], tenantId: string, input: Record<string, unknown> = {}) {
  const result = await createRule(actor, { tenantId, ...RULE, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const orderOf = async (tenantId: string) =>
  (await db.routingRule.findMany({ where: { tenantId }, orderBy: { priority: "asc" }, select: { name: true, priority: true } }));
const namesOf = async (tenantId: string) => (await orderOf(tenantId)).map((r) => r.name);
const denseIn = async (tenantId: string) => expect((await orderOf(tenantId)).map((r) => r.priority)).toEqual((await orderOf(tenantId)).map((_, i) => i));

describe("writing rules", () => {
  it("creates rules last in order, with the matches and actions given, audited whole", async () => {
    const { tenant, owner } = await world();
    const first = await created(owner, tenant.id, { name: "GPT-4o family", matchModel: "gpt-4o*", matchFeature: "chat", matchTeam: "", matchComplexity: "high",
      strategy: "quality_first", targetProvider: "openai", targetModel: "gpt-4o", fallbackModels: "anthropic/claude-3-5-sonnet\nmistral-large" });
    const second = await created(owner, tenant.id, { name: "Everything else" });
    expect(first.shadowedBy).toBeNull();
    const rows = await db.routingRule.findMany({ where: { tenantId: tenant.id }, orderBy: { priority: "asc" } });
    expect(rows).toMatchObject([
      { id: first.id, priority: 0, name: "GPT-4o family", matchModel: "gpt-4o*", matchFeature: "chat", matchTeam: null, matchComplexity: "high", strategy: "quality_first",
        targetProvider: "openai", targetModel: "gpt-4o", fallbackModels: ["anthropic/claude-3-5-sonnet", "mistral-large"], enabled: true },
      { id: second.id, priority: 1, name: "Everything else", matchModel: null, strategy: "passthrough", fallbackModels: [] },
    ]);
    const [event] = await auditOf(db, { targetId: first.id });
    expect(event).toMatchObject({ action: "routing_rule.created", tenantId: tenant.id, actorId: owner.id, targetType: "routing_rule", targetName: "GPT-4o family", isFailure: false,
      metadata: { after: { name: "GPT-4o family", priority: 0, enabled: true, matchModel: "gpt-4o*", matchFeature: "chat", matchTeam: null, matchComplexity: "high",
        strategy: "quality_first", targetProvider: "openai", targetModel: "gpt-4o", fallbackModels: ["anthropic/claude-3-5-sonnet", "mistral-large"] } } });
  });

  it("puts a new rule last even when the priorities are not dense (rows written before the service)", async () => {
    const { tenant, owner } = await world();
    await db.routingRule.createMany({ data: [
      { tenantId: tenant.id, priority: 10, name: "Old first", strategy: "passthrough", matchFeature: "a" },
      { tenantId: tenant.id, priority: 20, name: "Old second", strategy: "passthrough", matchFeature: "b" },
    ] });
    await created(owner, tenant.id, { name: "New" });
    expect(await namesOf(tenant.id)).toEqual(["Old first", "Old second", "New"]);
  });

  it("updates only what changed, audits those fields, and answers the rule's new version", async () => {
    const { tenant, owner } = await world();
    const rule = await created(owner, tenant.id, { name: "Old" });
    const result = await updateRule(owner, { tenantId: tenant.id, ruleId: rule.id, expectedUpdatedAt: rule.updatedAt, ...RULE, name: "New", matchTeam: "search" });
    expect(result).toMatchObject({ ok: true, data: { name: "New" } });
    expect(result.ok && result.data.updatedAt).not.toBe(rule.updatedAt);
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ name: "New", matchTeam: "search" });
    const events = await auditOf(db, { targetId: rule.id });
    expect(events.map((e) => e.action)).toEqual(["routing_rule.created", "routing_rule.updated"]);
    expect(events[1].metadata).toEqual({ before: { name: "Old", matchTeam: null }, after: { name: "New", matchTeam: "search" } });
  });

  it("duplicates a rule right after it as “(copy)”, noting where it came from", async () => {
    const { tenant, owner } = await world();
    const a = await created(owner, tenant.id, { name: "A", matchModel: "gpt-4o" });
    await created(owner, tenant.id, { name: "B", matchModel: "claude*" });
    const copy = await duplicateRule(owner, { tenantId: tenant.id, ruleId: a.id });
    expect(copy).toMatchObject({ ok: true, data: { name: "A (copy)", shadowedBy: { id: a.id, name: "A" } } });
    expect(await namesOf(tenant.id)).toEqual(["A", "A (copy)", "B"]);
    await denseIn(tenant.id);
    const [event] = await auditOf(db, { targetId: copy.ok ? copy.data.id : "" });
    expect(event).toMatchObject({ action: "routing_rule.created", metadata: { duplicatedFrom: a.id, after: { name: "A (copy)", priority: 1, matchModel: "gpt-4o" } } });
  });

  it("enables and disables a rule as an update of `enabled`; a second disable is a conflict", async () => {
    const { tenant, owner } = await world();
    const rule = await created(owner, tenant.id);
    expect(await setRuleEnabled(owner, { tenantId: tenant.id, ruleId: rule.id, enabled: "false" })).toMatchObject({ ok: true });
    expect(await setRuleEnabled(owner, { tenantId: tenant.id, ruleId: rule.id, enabled: false })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await setRuleEnabled(owner, { tenantId: tenant.id, ruleId: rule.id, enabled: true })).toMatchObject({ ok: true });
    const events = (await auditOf(db, { targetId: rule.id })).filter((e) => !e.isFailure);
    expect(events.slice(1).map((e) => [e.action, e.metadata])).toEqual([
      ["routing_rule.updated", { before: { enabled: true }, after: { enabled: false } }],
      ["routing_rule.updated", { before: { enabled: false }, after: { enabled: true } }],
    ]);
  });

  it("keeps priorities dense after a delete, a move and a full reorder, and audits orders by name", async () => {
    const { tenant, owner } = await world();
    const rules = [];
    for (const name of ["A", "B", "C", "D"]) rules.push(await created(owner, tenant.id, { name, matchTeam: name }));
    expect(await deleteRule(owner, { tenantId: tenant.id, ruleId: rules[1].id })).toMatchObject({ ok: true });
    expect(await namesOf(tenant.id)).toEqual(["A", "C", "D"]);
    await denseIn(tenant.id);
    const [deleted] = (await auditOf(db, { targetId: rules[1].id })).slice(-1);
    expect(deleted).toMatchObject({ action: "routing_rule.deleted", metadata: { before: { name: "B", priority: 1, matchTeam: "B" } } });

    expect(await moveRule(owner, { tenantId: tenant.id, ruleId: rules[3].id, direction: "up" })).toMatchObject({ ok: true });
    expect(await namesOf(tenant.id)).toEqual(["A", "D", "C"]);
    await denseIn(tenant.id);
    expect(await moveRule(owner, { tenantId: tenant.id, ruleId: rules[0].id, direction: "up" })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await moveRule(owner, { tenantId: tenant.id, ruleId: rules[2].id, direction: "down" })).toMatchObject({ ok: false, kind: "conflict" });

    expect(await reorderRules(owner, { tenantId: tenant.id, order: [rules[2].id, rules[0].id, rules[3].id] })).toMatchObject({ ok: true });
    expect(await namesOf(tenant.id)).toEqual(["C", "A", "D"]);
    await denseIn(tenant.id);
    const reorders = (await auditOf(db, { tenantId: tenant.id, action: "routing_rule.reordered", isFailure: false }));
    expect(reorders.map((e) => e.metadata)).toEqual([
      { before: { order: ["A", "C", "D"] }, after: { order: ["A", "D", "C"] } },
      { before: { order: ["A", "D", "C"] }, after: { order: ["C", "A", "D"] } },
    ]);
    expect(reorders[0].targetId).toBe(rules[3].id);
  });

  it("refuses a reorder that is not exactly the tenant's rules", async () => {
    const { tenant, owner } = await world();
    const other = await world();
    const mine = [await created(owner, tenant.id, { name: "A" }), await created(owner, tenant.id, { name: "B" })];
    const theirs = await created(other.owner, other.tenant.id, { name: "X" });
    for (const order of [[mine[0].id], [mine[0].id, mine[0].id], [mine[0].id, theirs.id], [mine[1].id, mine[0].id, theirs.id]]) {
      expect(await reorderRules(owner, { tenantId: tenant.id, order })).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { order: expect.any(Array) } });
    }
    expect(await reorderRules(owner, { tenantId: tenant.id, order: ["not-an-id"] })).toMatchObject({ ok: false, kind: "validation" });
    expect(await namesOf(tenant.id)).toEqual(["A", "B"]);
    expect(await namesOf(other.tenant.id)).toEqual(["X"]);
  });
});

describe("validation naming the field", () => {
  it("refuses a target provider the tenant has not configured, and a fallback at one", async () => {
    const { tenant, owner } = await world();
    const result = await createRule(owner, { tenantId: tenant.id, name: "R", strategy: "quality_first", targetProvider: "groq", targetModel: "llama-3", fallbackModels: ["mistral/mistral-large"] });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { targetProvider: [expect.stringContaining("Groq is not configured")], fallbackModels: [expect.stringContaining("mistral/mistral-large")] } });
    expect(await namesOf(tenant.id)).toEqual([]);
  });

  it("needs a fallback for cascading and quality-first, and none for passthrough", async () => {
    const { tenant, owner } = await world();
    for (const strategy of ["cascading", "quality_first"]) {
      expect(await createRule(owner, { tenantId: tenant.id, name: "R", strategy, targetModel: "gpt-4o" })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { fallbackModels: [expect.stringContaining("at least one")] } });
    }
    expect(await createRule(owner, { tenantId: tenant.id, name: "R", strategy: "passthrough", fallbackModels: ["gpt-4o-mini"] })).toMatchObject({ ok: false, fieldErrors: { fallbackModels: [expect.stringContaining("Passthrough")] } });
    expect(await createRule(owner, { tenantId: tenant.id, name: "R", strategy: "cascading", targetModel: "gpt-4o", fallbackModels: ["gpt-4o-mini"] })).toMatchObject({ ok: true });
  });

  it("needs a price in force for each of cheapest's candidates, naming those without", async () => {
    const { tenant, owner } = await world();
    const [priced, alsoPriced, unpriced] = [uniqueSlug("m"), uniqueSlug("m"), uniqueSlug("m")];
    await db.modelPrice.createMany({ data: [
      { provider: "openai", model: priced, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.003", outputCostPer1k: "0.006" },
      { provider: "anthropic", model: alsoPriced, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.001", outputCostPer1k: "0.002" },
      // scheduled far ahead: not in force
      { provider: "anthropic", model: unpriced, effectiveDate: new Date("2099-01-01"), inputCostPer1k: "0.001", outputCostPer1k: "0.002" },
    ] });
    const refused = await createRule(owner, { tenantId: tenant.id, name: "Cheap", strategy: "cheapest", targetModel: priced, fallbackModels: [`anthropic/${unpriced}`, alsoPriced] });
    expect(refused).toMatchObject({ ok: false, kind: "validation" });
    const message = !refused.ok ? refused.fieldErrors!.strategy.join() : "";
    expect(message).toContain(`anthropic/${unpriced}`);
    expect(message).not.toContain(priced);
    expect(await createRule(owner, { tenantId: tenant.id, name: "Cheap", strategy: "cheapest", matchModel: "gpt-*", fallbackModels: [alsoPriced] }))
      .toMatchObject({ ok: false, fieldErrors: { targetModel: [expect.stringContaining("name the target model")] } });
    expect(await createRule(owner, { tenantId: tenant.id, name: "Cheap", strategy: "cheapest", targetModel: priced, fallbackModels: [alsoPriced] })).toMatchObject({ ok: true });
  });

  it("answers bad input with field errors, never a throw", async () => {
    const { tenant, owner } = await world();
    const result = await createRule(owner, { tenantId: tenant.id, name: " ", strategy: "fastest", matchComplexity: "huge", matchModel: "gpt 4o", fallbackModels: ["a", "a"] });
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    expect(Object.keys(!result.ok ? result.fieldErrors! : {}).sort()).toEqual(["fallbackModels", "matchComplexity", "matchModel", "name", "strategy"]);
  });
});

describe("shadowing", () => {
  it("saves a rule after a catch-all, warning which earlier rule takes its requests; a disabled catch-all shadows nothing", async () => {
    const { tenant, owner } = await world();
    const all = await created(owner, tenant.id, { name: "Everything" });
    const later = await createRule(owner, { tenantId: tenant.id, name: "GPT only", matchModel: "gpt-4o*", strategy: "passthrough" });
    expect(later).toMatchObject({ ok: true, data: { shadowedBy: { id: all.id, name: "Everything" } } });
    expect(await namesOf(tenant.id)).toEqual(["Everything", "GPT only"]);
    await setRuleEnabled(owner, { tenantId: tenant.id, ruleId: all.id, enabled: false });
    const moved = await moveRule(owner, { tenantId: tenant.id, ruleId: later.ok ? later.data.id : "", direction: "up" });
    expect(moved).toMatchObject({ ok: true });
    const back = await setRuleEnabled(owner, { tenantId: tenant.id, ruleId: all.id, enabled: true });
    expect(back).toMatchObject({ ok: true, data: { shadowedBy: null, shadows: [] } });
  });
});

describe("a stale form", () => {
  it("is refused with a conflict naming the fields another save changed, and saves when they did not overlap", async () => {
    const { tenant, owner } = await world();
    const other = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const rule = await created(owner, tenant.id, { name: "Rule", matchTeam: "a" });
    const seen = JSON.stringify({ ...RULE, name: "Rule", matchModel: null, matchFeature: null, matchTeam: "a", matchComplexity: null, targetProvider: null, targetModel: null, fallbackModels: [] });
    const first = await updateRule(other, { tenantId: tenant.id, ruleId: rule.id, expectedUpdatedAt: rule.updatedAt, ...RULE, name: "Rule", matchTeam: "b" });
    expect(first).toMatchObject({ ok: true });

    const stale = await updateRule(owner, { tenantId: tenant.id, ruleId: rule.id, expectedUpdatedAt: rule.updatedAt, seen, ...RULE, name: "Renamed", matchTeam: "a" });
    expect(stale).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { matchTeam: [expect.stringContaining("“b”")] } });
    expect(!stale.ok && stale.message).toContain(other.name);
    expect(!stale.ok && Object.keys(stale.fieldErrors!)).not.toContain("name");
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ name: "Rule", matchTeam: "b" });

    // disabled meanwhile: not a field of the form, so a save of it is no conflict
    const fresh = first.ok ? first.data.updatedAt : "";
    await setRuleEnabled(other, { tenantId: tenant.id, ruleId: rule.id, enabled: false });
    const seenNow = JSON.stringify({ ...JSON.parse(seen), matchTeam: "b" });
    expect(await updateRule(owner, { tenantId: tenant.id, ruleId: rule.id, expectedUpdatedAt: fresh, seen: seenNow, ...RULE, name: "Renamed", matchTeam: "b" })).toMatchObject({ ok: true });
  });
});

describe("who may change rules", () => {
  const change = async (actor: Awaited<ReturnType<typeof world>>["actor"], tenantId: string, ruleId: string) => [
    await createRule(actor, { tenantId, ...RULE, name: "New" }),
    await updateRule(actor, { tenantId, ruleId, expectedUpdatedAt: new Date().toISOString(), ...RULE, name: "Edited" }),
    await duplicateRule(actor, { tenantId, ruleId }),
    await setRuleEnabled(actor, { tenantId, ruleId, enabled: false }),
    await moveRule(actor, { tenantId, ruleId, direction: "down" }),
    await reorderRules(actor, { tenantId, order: [ruleId] }),
    await deleteRule(actor, { tenantId, ruleId }),
  ];

  it.each([["owner", null], [null, "admin"]] as const)("allows a %s%s", async (role, staffRole) => {
    const { tenant, owner, actor } = await world({ role: role ?? "viewer", staffRole });
    const rule = await created(owner, tenant.id);
    expect(await createRule(actor, { tenantId: tenant.id, ...RULE, name: "Mine" })).toMatchObject({ ok: true });
    expect(await setRuleEnabled(actor, { tenantId: tenant.id, ruleId: rule.id, enabled: false })).toMatchObject({ ok: true });
    expect(await deleteRule(actor, { tenantId: tenant.id, ruleId: rule.id })).toMatchObject({ ok: true });
  });

  it.each([["member", null], ["viewer", null], [null, "sales"], [null, "support"]] as const)("refuses a %s%s, recording each refusal", async (role, staffRole) => {
    const { tenant, owner, actor } = await world({ role: role ?? "viewer", staffRole });
    const rule = await created(owner, tenant.id);
    for (const result of await change(actor, tenant.id, rule.id)) expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await namesOf(tenant.id)).toEqual(["Catch-all"]);
    expect((await auditOf(db, { actorId: actor.id })).every((e) => e.isFailure)).toBe(true);
  });

  it("refuses an owner of a frozen tenant", async () => {
    const { tenant, owner } = await world({ status: "frozen" });
    await db.routingRule.create({ data: { tenantId: tenant.id, name: "Catch-all" } });
    const [rule] = await db.routingRule.findMany({ where: { tenantId: tenant.id } });
    for (const result of await change(owner, tenant.id, rule.id)) expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await namesOf(tenant.id)).toEqual(["Catch-all"]);
  });

  it("treats another tenant's rule as not found", async () => {
    const mine = await world();
    const theirs = await world();
    const rule = await created(theirs.owner, theirs.tenant.id, { name: "Theirs" });
    const results = (await change(mine.owner, mine.tenant.id, rule.id)).slice(1, 5).concat([await deleteRule(mine.owner, { tenantId: mine.tenant.id, ruleId: rule.id })]);
    for (const result of results) expect(result).toMatchObject({ ok: false, kind: "not_found" });
    expect(await deleteRule(mine.owner, { tenantId: mine.tenant.id, ruleId: randomUUID() })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ name: "Theirs", enabled: true });
  });
});

describe("hostile input", () => {
  const hostile = fc.oneof(
    fc.string({ unit: "binary", maxLength: 400 }),
    fc.constantFrom("\0", "__proto__", "*", "**", "openai/", "/gpt", "9".repeat(400), "NaN", ""),
    fc.constant(null), fc.integer(), fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 15 }), fc.object({ maxDepth: 1 }),
  );

  /** mostly empty, so that one hostile field at a time reaches the checks */
  const often = (value: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: value, weight: 1 }, { arbitrary: fc.constant(""), weight: 4 });

  it("never throws and never writes a rule that is not within bounds", async () => {
    const { tenant, owner } = await world();
    await fc.assert(fc.asyncProperty(
      fc.record({
        name: fc.oneof(hostile, fc.string({ unit: "binary", minLength: 1, maxLength: 120 })), matchModel: often(hostile), matchFeature: often(hostile), matchTeam: often(hostile),
        matchComplexity: often(hostile), strategy: fc.oneof({ arbitrary: hostile, weight: 1 }, { arbitrary: fc.constant("passthrough"), weight: 4 }),
        targetProvider: often(hostile), targetModel: often(hostile), fallbackModels: often(hostile),
      }),
      async (input) => {
        const result = await createRule(owner, { tenantId: tenant.id, ...input });
        if (result.ok) {
          const row = await db.routingRule.findUniqueOrThrow({ where: { id: result.data.id } });
          for (const value of [row.name, row.matchModel, row.matchFeature, row.matchTeam, row.targetProvider, row.targetModel, ...row.fallbackModels]) {
            if (value !== null) expect(value).not.toMatch(/[\u0000-\u001f]/);
          }
          expect(row.name.length).toBeLessThanOrEqual(100);
        } else {
          expect(["validation"]).toContain(result.kind);
        }
      },
    ), { seed: 20261204, numRuns: 150 });
    await denseIn(tenant.id);
  });
});
