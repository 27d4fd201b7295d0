// POST /api/v1/usage over HTTP: the gateway's service token, the batch rules, and what the answer counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayServer, type Gateway } from "@/lib/gateway/server";
import { tenantFor } from "../support/actors";
import { testDatabaseUrl, testPrisma, uniqueSlug } from "../support/database";

const TOKEN = "gateway-usage-test-token-0123456789-abcdefgh";
const db = testPrisma();
let gateway: Gateway;
let url: string;

beforeAll(async () => {
  gateway = createGatewayServer({ databaseUrl: testDatabaseUrl(), serviceToken: TOKEN, log: () => {} });
  url = await gateway.listen(0);
});
afterAll(async () => {
  await gateway.close();
  await db.$disconnect();
});

const post = async (body: string | ReadableStream, token: string | null = TOKEN) => {
  const response = await fetch(`${url}/api/v1/usage`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
    duplex: "half", // a stream goes chunked, without a content-length
  } as RequestInit);
  return { status: response.status, body: await response.json() };
};

const event = (tenantId: string, requestId: string, overrides: Record<string, unknown> = {}) => ({
  tenantId, requestId, occurredAt: new Date().toISOString(), provider: "openai", model: "gpt-4o-mini",
  inputTokens: 1000, outputTokens: 500, latencyMs: 420, status: 200, feature: "chat", ...overrides,
});

describe("POST /api/v1/usage", () => {
  it("stores a batch, reports rejected and unpriced events, and adds nothing when the batch is resent", async () => {
    const tenant = await tenantFor(db);
    const prefix = uniqueSlug("req");
    const batch = JSON.stringify({
      events: [
        event(tenant.id, `${prefix}-1`),
        event(tenant.id, `${prefix}-2`, { model: "mystery-model" }),
        event(tenant.id, `${prefix}-3`, { inputTokens: -1 }),
        event(tenant.id, `${prefix}-4`, { complexity: "urgent" }),
      ],
    });
    const first = await post(batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0, unpriced: [{ index: 1, model: "mystery-model" }] });
    expect(first.body.rejected).toMatchObject([{ index: 2, requestId: `${prefix}-3` }, { index: 3, field: "complexity" }]);

    const again = await post(batch);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(2);
    const [rollup] = await db.usageDaily.findMany({ where: { tenantId: tenant.id, model: "gpt-4o-mini" } });
    expect(Number(rollup.requests)).toBe(1);
  });

  it("refuses a body that is not JSON or not a batch, and more than 1,000 events, storing nothing", async () => {
    const tenant = await tenantFor(db);
    const notJson = await post("{not json");
    expect(notJson).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    expect(notJson.body.reason).toMatch(/^The body is not JSON: ./);
    expect(await post(JSON.stringify({ events: [] }))).toMatchObject({ status: 400, body: { error: "invalid_batch" } });
    const tooMany = Array.from({ length: 1001 }, (_, i) => event(tenant.id, `too-many-${i}`));
    const refused = await post(JSON.stringify({ events: tooMany }));
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid_batch" } });
    expect(refused.body.reason).toMatch(/1,?000/);
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("accepts the largest valid batch: 1,000 events with every field at its longest, every character escaped", async () => {
    const tenant = await tenantFor(db);
    const rule = await db.routingRule.create({ data: { tenantId: tenant.id, name: "all", priority: 1, strategy: "passthrough" } });
    const key = await db.apiKey.create({ data: { tenantId: tenant.id, name: "gateway", prefix: uniqueSlug("k"), hash: "$argon2id$v=19$test", scopes: ["usage:write"] } });
    // JSON.stringify escapes a control character to 6 bytes (\u0001), the most one character can take
    const longest = (length: number, start = "") => start + "\u0001".repeat(length - start.length);
    const events = Array.from({ length: 1000 }, (_, i) => event(tenant.id, longest(200, `${uniqueSlug("req")}-${i}`), {
      occurredAt: new Date().toISOString().replace("Z", "123456+00:00"), provider: longest(100), model: longest(200),
      apiKeyId: key.id, requestedModel: longest(200), routingRuleId: rule.id, feature: longest(100), team: longest(100),
      complexity: "medium", inputTokens: 10_000_000, outputTokens: 10_000_000, latencyMs: 86_400_000, status: 599,
    }));
    const body = JSON.stringify({ events });
    expect(Buffer.byteLength(body)).toBeGreaterThan(5.4 * 1024 * 1024);

    const stored = await post(body);
    expect(stored).toMatchObject({ status: 200, body: { accepted: 1000, rejected: [] } });
    // a longer occurredAt is only more digits of a second: refused, so that the bound above holds
    const finer = await post(JSON.stringify({ events: [event(tenant.id, "finer", { occurredAt: events[0].occurredAt.replace("+", "0+") })] }));
    expect(finer.body.rejected).toEqual([{ index: 0, requestId: "finer", field: "occurredAt", reason: "occurredAt has more than 9 digits of fractions of a second." }]);
  });

  it("refuses a body over the limit with 413 naming it, declared or streamed, storing nothing", async () => {
    const tenant = await tenantFor(db);
    const padding = "x".repeat(6 * 1024 * 1024);
    const body = JSON.stringify({ events: [event(tenant.id, "too-large", { padding })] });
    const declared = await post(body);
    expect(declared).toMatchObject({ status: 413, body: { error: "body_too_large" } });
    expect(declared.body.reason).toContain("6,291,456 bytes");
    const streamed = await post(new Blob([body]).stream());
    expect(streamed).toEqual(declared);
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("needs the service token", async () => {
    const tenant = await tenantFor(db);
    expect(await post(JSON.stringify({ events: [event(tenant.id, "no-token")] }), null)).toMatchObject({ status: 401 });
    expect(await post(JSON.stringify({ events: [event(tenant.id, "bad-token")] }), "x".repeat(40))).toMatchObject({ status: 401 });
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
