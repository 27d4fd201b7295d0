// Usage ingestion on real PostgreSQL: exact costs from the price history, validation per event and per batch,
// tenants that may not report usage, complexity and the routing rollup, and idempotency (resent and concurrent
// overlapping batches).
import { afterAll, describe, expect, it } from "vitest";
import { ingestUsage, InvalidUsageBatch } from "../../lib/domain/usage/ingest";
import { testPrisma } from "../support/database";
import { isoDay } from "../support/time";
import { DAY, HOUR, event, price, rebuiltRollupsOf, rollupsOf, uniqueModel, usageTenant } from "./fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

const storedEvents = (tenantId: string) => db.usageEvent.count({ where: { tenantId } });

describe("cost", () => {
  it("prices each event at the price in force on its UTC date, in exact decimals; an unknown model costs NULL and is reported", async () => {
    const { tenant } = await usageTenant(db);
    const model = uniqueModel();
    const today = Math.floor(Date.now() / DAY) * DAY;
    const change = today - 3 * DAY;
    await price(db, model, isoDay(today - 10 * DAY), "0.001000", "0.002000");
    await price(db, model, isoDay(change), "0.000150", "0.000600");
    const at = (ms: number) => new Date(ms).toISOString();
    const batch = [
      // (1234 × 0.001 + 567 × 0.002) / 1000, the old price
      event(tenant.id, { requestId: "old", model, occurredAt: at(change - DAY / 2), inputTokens: 1234, outputTokens: 567 }),
      // the last moment before the change: still the old price
      event(tenant.id, { requestId: "eve", model, occurredAt: at(change - 1), inputTokens: 1000, outputTokens: 1000 }),
      // the day itself, from its first moment: the new price
      event(tenant.id, { requestId: "day", model, occurredAt: at(change), inputTokens: 1000, outputTokens: 1000 }),
      event(tenant.id, { requestId: "new", model, occurredAt: at(change + 2 * DAY), inputTokens: 33, outputTokens: 7 }),
      event(tenant.id, { requestId: "unknown", model: uniqueModel("nobody-prices"), occurredAt: at(change) }),
      // errors are billed for the tokens reported
      event(tenant.id, { requestId: "error", model, occurredAt: at(change + HOUR), inputTokens: 100, outputTokens: 0, status: 429 }),
    ];
    const result = await ingestUsage(db, { events: batch });
    expect(result).toEqual({ accepted: 6, duplicates: 0, rejected: [], unpriced: [{ index: 4, requestId: "unknown", model: batch[4].model }] });

    const costs = await db.$queryRaw<{ request_id: string; cost: string | null }[]>`
      SELECT request_id, cost_usd::text AS cost FROM usage_events WHERE tenant_id = ${tenant.id}::uuid ORDER BY request_id`;
    expect(Object.fromEntries(costs.map((c) => [c.request_id, c.cost]))).toEqual({
      old: "0.0023680000", eve: "0.0030000000", day: "0.0007500000", new: "0.0000091500", unknown: null, error: "0.0000150000",
    });
    const [daily] = await db.$queryRaw<{ cost: string; unpriced: number; requests: number }[]>`
      SELECT sum(cost_usd)::text AS cost, sum(unpriced_requests)::int AS unpriced, sum(requests)::int AS requests FROM usage_daily WHERE tenant_id = ${tenant.id}::uuid`;
    expect(daily).toEqual({ cost: "0.0061421500", unpriced: 1, requests: 6 });
    expect(await rollupsOf(db, [tenant.id])).toEqual(await rebuiltRollupsOf(db, [tenant.id]));
  });
});

describe("validation", () => {
  it("refuses a malformed body whole and stores nothing", async () => {
    const { tenant } = await usageTenant(db);
    for (const body of [null, "events", {}, { events: "x" }, { events: [] }, [event(tenant.id)]]) {
      await expect(ingestUsage(db, body)).rejects.toBeInstanceOf(InvalidUsageBatch);
    }
    await expect(ingestUsage(db, { events: [] })).rejects.toMatchObject({ status: 400, reason: "events must hold at least one event." });
    expect(await storedEvents(tenant.id)).toBe(0);
  });

  it("refuses a batch of 1,001 events whole and stores nothing", async () => {
    const { tenant } = await usageTenant(db);
    const events = Array.from({ length: 1001 }, () => event(tenant.id));
    await expect(ingestUsage(db, { events })).rejects.toMatchObject({ reason: "A batch holds at most 1000 events: split it." });
    expect(await storedEvents(tenant.id)).toBe(0);
    expect(await ingestUsage(db, { events: events.slice(0, 1000) })).toMatchObject({ accepted: 1000, rejected: [] });
  });

  it("rejects each bad event with its index, field and reason, and takes the others", async () => {
    const { tenant, keys } = await usageTenant(db);
    const other = await usageTenant(db);
    const otherRule = await db.routingRule.create({ data: { tenantId: other.tenant.id, name: "theirs" } });
    const ownRule = await db.routingRule.create({ data: { tenantId: tenant.id, name: "ours" } });
    const now = Date.now();
    const withRule = event(tenant.id, { routingRuleId: ownRule.id });
    const negative = event(tenant.id, { inputTokens: -1 });
    const byKey = event(tenant.id, { tenantId: undefined, apiKeyId: keys[0].id });
    // each event beside the field and reason it is rejected for; withRule and byKey are taken
    const sent: [event: unknown, rejected?: [field: string | undefined, reason: string]][] = [
      [withRule],
      [negative, ["inputTokens", "inputTokens must not be negative."]],
      [{ ...event(tenant.id), requestId: undefined }, ["requestId", "requestId must be a string."]],
      [event(tenant.id, { occurredAt: new Date(now + 6 * 60_000).toISOString() }), ["occurredAt", "occurredAt is more than 5 minutes in the future."]],
      [event(tenant.id, { occurredAt: new Date(now - 401 * DAY).toISOString() }), ["occurredAt", "occurredAt is more than 400 days ago."]],
      [event(tenant.id, { status: 700 }), ["status", "status must be an HTTP status (100–599)."]],
      [event(tenant.id, { team: "t".repeat(101) }), ["team", "team is longer than 100 characters."]],
      [event(tenant.id, { outputTokens: 10_000_001 }), ["outputTokens", "outputTokens is more than 10,000,000 tokens."]],
      [event("00000000-0000-4000-8000-000000000000"), ["tenantId", "Unknown tenant."]],
      [event(tenant.id, { apiKeyId: other.keys[0].id }), ["apiKeyId", "The API key belongs to another tenant."]],
      [event(tenant.id, { routingRuleId: otherRule.id }), ["routingRuleId", "Not a routing rule of this tenant."]],
      [byKey],
      [{ ...event(tenant.id), tenantId: undefined }, ["tenantId", "Name the tenant: tenantId or apiKeyId."]],
      [event(tenant.id, { latencyMs: 1.5 }), ["latencyMs", "latencyMs must be a whole number."]],
      [event(tenant.id, { complexity: "extreme" }), ["complexity", "complexity must be low, medium or high."]],
      ["not an event", [undefined, "Each event must be a JSON object."]],
    ];
    const result = await ingestUsage(db, { events: sent.map(([e]) => e) });
    expect(result.accepted).toBe(2);
    expect(result.rejected.map(({ index, field, reason }) => [index, field, reason]))
      .toEqual(sent.flatMap(([, rejected], index) => (rejected ? [[index, ...rejected]] : [])));
    expect(result.rejected[0].requestId).toBe(negative.requestId);
    const stored = await db.usageEvent.findMany({ where: { tenantId: tenant.id } });
    expect(stored.map((e) => e.requestId).sort()).toEqual([withRule.requestId, byKey.requestId].sort());
    expect(stored.find((e) => e.requestId === byKey.requestId)).toMatchObject({ apiKeyId: keys[0].id });
    expect(stored.find((e) => e.requestId === withRule.requestId)).toMatchObject({ routingRuleId: ownRule.id });
  });

  it("rejects the events of frozen and archived tenants, naming the state", async () => {
    const frozen = await usageTenant(db, { status: "frozen" });
    const archived = await usageTenant(db, { status: "archived" });
    const live = await usageTenant(db, { status: "trial", trialEndsAt: new Date(Date.now() + 7 * DAY) });
    const result = await ingestUsage(db, {
      events: [event(frozen.tenant.id), event(live.tenant.id), { ...event(archived.tenant.id), tenantId: undefined, apiKeyId: archived.keys[0].id }],
    });
    expect(result).toMatchObject({
      accepted: 1,
      rejected: [{ index: 0, field: "tenantId", reason: "tenant frozen" }, { index: 2, field: "tenantId", reason: "tenant archived" }],
    });
    expect(await storedEvents(frozen.tenant.id)).toBe(0);
    expect(await storedEvents(archived.tenant.id)).toBe(0);
  });
});

describe("complexity and the routing rollup", () => {
  const routingRows = (tenantId: string) => db.$queryRaw<Record<string, string | null>[]>`
    SELECT day::text, requested_model, feature, team, complexity::text, requests::text, input_tokens::text, output_tokens::text,
      cost_usd::text, unpriced_requests::text
    FROM usage_routing_daily WHERE tenant_id = ${tenantId}::uuid
    ORDER BY day, requested_model COLLATE "C", complexity NULLS FIRST`;

  it("refuses a complexity other than low, medium or high, naming the field, and stores nothing", async () => {
    const { tenant } = await usageTenant(db);
    const values = ["extreme", "LOW", "", 2, true, ["low"]];
    const result = await ingestUsage(db, { events: values.map((complexity) => event(tenant.id, { complexity })) });
    expect(result.accepted).toBe(0);
    expect(result.rejected.map(({ index, field, reason }) => [index, field, reason]))
      .toEqual(values.map((_, index) => [index, "complexity", "complexity must be low, medium or high."]));
    expect(await storedEvents(tenant.id)).toBe(0);
    expect(await routingRows(tenant.id)).toEqual([]);
  });

  it("stores the complexity an event carries, and none when it is absent or null", async () => {
    const { tenant } = await usageTenant(db);
    const sent = { low: "low", medium: "medium", high: "high", absent: undefined, null: null };
    const result = await ingestUsage(db, { events: Object.entries(sent).map(([requestId, complexity]) => event(tenant.id, { requestId, complexity })) });
    expect(result).toMatchObject({ accepted: 5, rejected: [] });
    const stored = await db.usageEvent.findMany({ where: { tenantId: tenant.id }, select: { requestId: true, complexity: true } });
    expect(Object.fromEntries(stored.map((e) => [e.requestId, e.complexity])))
      .toEqual({ low: "low", medium: "medium", high: "high", absent: null, null: null });
  });

  it("rolls each day up by requested model (else the served one), feature, team and complexity, across providers and keys", async () => {
    const { tenant, keys } = await usageTenant(db, { keys: 2 });
    const model = uniqueModel();
    const today = Math.floor(Date.now() / DAY) * DAY;
    await price(db, model, isoDay(today - 10 * DAY), "0.001000", "0.002000");
    const [dayA, dayB] = [today - 2 * DAY + 12 * HOUR, today - DAY + 12 * HOUR];
    const at = (ms: number) => new Date(ms).toISOString();
    const asked = { occurredAt: at(dayA), model, requestedModel: "gpt-4o", feature: "chat", team: "red", complexity: "high" };
    await ingestUsage(db, { events: [
      // (1000 × 0.001 + 500 × 0.002) / 1000 = 0.002
      event(tenant.id, { ...asked, inputTokens: 1000, outputTokens: 500 }),
      event(tenant.id, { ...asked, apiKeyId: keys[1].id, inputTokens: 2000, outputTokens: 0 }),
      // no price at this provider: counted unpriced, adding no cost
      event(tenant.id, { ...asked, provider: "otherai", inputTokens: 100, outputTokens: 100 }),
      // no requested model: the served one
      event(tenant.id, { ...asked, requestedModel: undefined, inputTokens: 1000, outputTokens: 1000 }),
      event(tenant.id, { ...asked, complexity: null, inputTokens: 10, outputTokens: 10 }),
    ] });
    // a later batch adds to the rows it shares with earlier ones
    await ingestUsage(db, { events: [
      event(tenant.id, { ...asked, apiKeyId: keys[0].id, inputTokens: 0, outputTokens: 1000 }),
      event(tenant.id, { ...asked, occurredAt: at(dayB), inputTokens: 1000, outputTokens: 500 }),
    ] });

    const row = (day: number, requestedModel: string, complexity: string | null, [requests, input, output]: number[], cost: string, unpriced: number) => ({
      day: isoDay(day), requested_model: requestedModel, feature: "chat", team: "red", complexity, requests: `${requests}`,
      input_tokens: `${input}`, output_tokens: `${output}`, cost_usd: cost, unpriced_requests: `${unpriced}`,
    });
    expect(await routingRows(tenant.id)).toEqual([
      row(dayA, "gpt-4o", null, [1, 10, 10], "0.0000300000", 0),
      row(dayA, "gpt-4o", "high", [4, 3100, 1600], "0.0060000000", 1),
      row(dayA, model, "high", [1, 1000, 1000], "0.0030000000", 0),
      row(dayB, "gpt-4o", "high", [1, 1000, 500], "0.0020000000", 0),
    ]);
    expect(await rollupsOf(db, [tenant.id])).toEqual(await rebuiltRollupsOf(db, [tenant.id]));
  });
});

describe("idempotency", () => {
  it("stores a resent batch once and leaves the rollups unchanged", async () => {
    const { tenant, keys } = await usageTenant(db, { keys: 2 });
    const events = Array.from({ length: 40 }, (_, i) => event(tenant.id, {
      apiKeyId: keys[i % 2].id, feature: i % 3 ? "chat" : null, latencyMs: 40 * i, status: i % 7 ? 200 : 500,
    }));
    // the same request twice within one batch counts once too
    const first = await ingestUsage(db, { events: [...events, events[5]] });
    expect(first).toMatchObject({ accepted: 40, duplicates: 1 });
    const rollups = await rollupsOf(db, [tenant.id]);
    expect(await ingestUsage(db, { events })).toEqual({ accepted: 0, duplicates: 40, rejected: [], unpriced: [] });
    expect(await storedEvents(tenant.id)).toBe(40);
    expect(await rollupsOf(db, [tenant.id])).toEqual(rollups);
    expect(rollups).toEqual(await rebuiltRollupsOf(db, [tenant.id]));
  });

  it("stores two concurrent overlapping batches' events once, with exact rollups", async () => {
    const { tenant, keys } = await usageTenant(db, { keys: 2 });
    const at = new Date(Date.now() - 2 * HOUR).toISOString();
    for (let round = 0; round < 5; round++) {
      // every event in one hour and a few dimension sets, so both batches fight over the same rollup rows
      const events = Array.from({ length: 300 }, (_, i) => event(tenant.id, {
        apiKeyId: keys[i % 2].id, occurredAt: at, team: ["a", "b", null][i % 3], latencyMs: (i * 37) % 4000,
      }));
      const [a, b] = await Promise.all([
        ingestUsage(db, { events: events.slice(0, 200) }),
        ingestUsage(db, { events: events.slice(100).reverse() }),
      ]);
      expect(a.accepted + b.accepted).toBe(300);
      expect(a.duplicates + b.duplicates).toBe(100);
    }
    expect(await storedEvents(tenant.id)).toBe(1500);
    const rollups = await rollupsOf(db, [tenant.id]);
    expect(rollups.hourly.reduce((sum, r) => sum + Number(r.requests), 0)).toBe(1500);
    expect(rollups).toEqual(await rebuiltRollupsOf(db, [tenant.id]));
  });
});
