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

const post = async (body: string, token: string | null = TOKEN) => {
  const response = await fetch(`${url}/api/v1/usage`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
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
      ],
    });
    const first = await post(batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 0, unpriced: [{ index: 1, model: "mystery-model" }] });
    expect(first.body.rejected).toMatchObject([{ index: 2, requestId: `${prefix}-3` }]);

    const again = await post(batch);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(2);
    const [rollup] = await db.usageDaily.findMany({ where: { tenantId: tenant.id, model: "gpt-4o-mini" } });
    expect(Number(rollup.requests)).toBe(1);
  });

  it("refuses a body that is not JSON or not a batch, and more than 1,000 events, storing nothing", async () => {
    const tenant = await tenantFor(db);
    expect(await post("{not json")).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    expect(await post(JSON.stringify({ events: [] }))).toMatchObject({ status: 400, body: { error: "invalid_batch" } });
    const tooMany = Array.from({ length: 1001 }, (_, i) => event(tenant.id, `too-many-${i}`));
    const refused = await post(JSON.stringify({ events: tooMany }));
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid_batch" } });
    expect(refused.body.reason).toMatch(/1,?000/);
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("needs the service token", async () => {
    const tenant = await tenantFor(db);
    expect(await post(JSON.stringify({ events: [event(tenant.id, "no-token")] }), null)).toMatchObject({ status: 401 });
    expect(await post(JSON.stringify({ events: [event(tenant.id, "bad-token")] }), "x".repeat(40))).toMatchObject({ status: 401 });
    expect(await db.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
