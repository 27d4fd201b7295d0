// POST /api/v1/route on a real gateway and database: the answer for a tenant or a key (the rule, the strategy, the
// attempts with base URLs and decrypted upstream keys), refusals, bad input, and the cache: served from memory,
// evicted by a change made through the console's services, and cheapest re-ordered once a price changes.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { createRule } from "@/lib/domain/routing/service";
import { actorFor, tenantFor } from "../support/actors";
import { uniqueSlug } from "../support/database";
import { keyRowFor } from "../support/keys";
import { closeAll, db, startGateway, TOKEN, type Reply } from "./support";

afterAll(closeAll);

async function ask(url: string, body: unknown, token: string | null = TOKEN): Promise<Reply> {
  const response = await fetch(`${url}/api/v1/route`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const OPENAI_KEY = "sk-openai-route-test-0001";
const ANTHROPIC_KEY = "sk-ant-route-test-0002";

/** A tenant with OpenAI (the default, its base URL overridden) and Anthropic configured, and a model of its own priced at both. */
async function world(status: "active" | "frozen" = "active") {
  const tenant = await tenantFor(db, { status });
  const model = uniqueSlug("route-model");
  await db.providerConfig.createMany({ data: [
    { tenantId: tenant.id, provider: "openai", ...sealed(OPENAI_KEY), baseUrl: "https://llm-proxy.example/v1", isDefault: true },
    { tenantId: tenant.id, provider: "anthropic", ...sealed(ANTHROPIC_KEY) },
  ] });
  await db.modelPrice.createMany({ data: [
    { provider: "openai", model, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.002", outputCostPer1k: "0.002" },
    { provider: "anthropic", model: `${model}-small`, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.001", outputCostPer1k: "0.001" },
  ] });
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  return { tenant, model, owner };
}

function sealed(key: string) {
  const { ciphertext, keyVersion } = seal(key);
  return { encryptedApiKey: ciphertext, keyVersion, keyLast4: key.slice(-4) };
}

async function rule(owner: Awaited<ReturnType<typeof world>>["owner"], tenantId: string, input: Record<string, unknown>) {
  const result = await createRule(owner, { tenantId, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const OPENAI = { provider: "openai", baseUrl: "https://llm-proxy.example/v1", apiKey: OPENAI_KEY };
const ANTHROPIC = { provider: "anthropic", baseUrl: "https://api.anthropic.com/v1", apiKey: ANTHROPIC_KEY };

/** Asks until `done` holds of the answer, for up to 5 s (a NOTIFY's way back to the gateway takes a moment). */
async function eventually(url: string, body: unknown, done: (reply: Reply) => boolean): Promise<Reply> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const reply = await ask(url, body);
    if (done(reply) || Date.now() > deadline) return reply;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

describe("the answer", () => {
  it("names the rule that matched, its strategy and the attempts in order, with base URLs and decrypted keys", async () => {
    const { url } = await startGateway();
    const { tenant, model, owner } = await world();
    const matched = await rule(owner, tenant.id, {
      name: "Family", matchModel: `${model}*`, matchFeature: "chat", strategy: "quality_first", targetProvider: "openai", targetModel: model,
      fallbackModels: `anthropic/${model}-small`,
    });
    const reply = await ask(url, { tenantId: tenant.id, model: `${model}-preview`, feature: "chat", team: "search", complexity: "high" });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      tenantId: tenant.id, rule: { id: matched.id, name: "Family" }, strategy: "quality_first",
      attempts: [{ ...OPENAI, model }, { ...ANTHROPIC, model: `${model}-small` }],
    });
    expect(reply.headers.get("cache-control")).toBe("no-store");
  });

  it("passes a request no rule matches through to the provider serving its model, and a disabled rule is skipped", async () => {
    const { url } = await startGateway();
    const { tenant, model, owner } = await world();
    const off = await rule(owner, tenant.id, { name: "Off", strategy: "cascading", targetModel: model, fallbackModels: `anthropic/${model}-small` });
    await db.routingRule.update({ where: { id: off.id }, data: { enabled: false } });
    expect((await ask(url, { tenantId: tenant.id, model: `${model}-small` })).body).toEqual({
      tenantId: tenant.id, rule: null, strategy: "passthrough", attempts: [{ ...ANTHROPIC, model: `${model}-small` }],
    });
    // a model no price names goes to the default provider
    expect((await ask(url, { tenantId: tenant.id, model: "unlisted-model" })).body).toMatchObject({ attempts: [{ ...OPENAI, model: "unlisted-model" }] });
  });

  it("answers for a key's tenant, and refuses a revoked or expired key, an unknown one and a frozen tenant", async () => {
    const { url } = await startGateway();
    const { tenant, model } = await world();
    const key = await keyRowFor(db, tenant.id);
    expect((await ask(url, { keyId: key.id, model })).body).toMatchObject({ tenantId: tenant.id, strategy: "passthrough", attempts: [{ ...OPENAI, model }] });

    const revoked = await keyRowFor(db, tenant.id, { revokedAt: new Date() });
    const expired = await keyRowFor(db, tenant.id, { expiresAt: new Date(Date.now() - 60_000) });
    const frozen = await world("frozen");
    const cases: [unknown, number, string][] = [
      [{ keyId: revoked.id, model }, 403, "key_revoked"],
      [{ keyId: expired.id, model }, 403, "key_expired"],
      [{ keyId: randomUUID(), model }, 404, "unknown_key"],
      [{ tenantId: randomUUID(), model }, 404, "unknown_tenant"],
      [{ tenantId: frozen.tenant.id, model }, 403, "tenant_frozen"],
    ];
    for (const [body, status, error] of cases) {
      const reply = await ask(url, body);
      expect([reply.status, reply.body]).toEqual([status, { error }]);
    }
  });

  it("answers an empty list of attempts for a tenant without providers", async () => {
    const { url } = await startGateway();
    const tenant = await tenantFor(db);
    expect((await ask(url, { tenantId: tenant.id, model: "gpt-4o" })).body).toEqual({ tenantId: tenant.id, rule: null, strategy: "passthrough", attempts: [] });
  });
});

describe("refusals", () => {
  it("is 401 without the service token", async () => {
    const { url } = await startGateway();
    const { tenant, model } = await world();
    for (const token of [null, "wrong-token"]) {
      const reply = await ask(url, { tenantId: tenant.id, model }, token);
      expect([reply.status, reply.body]).toEqual([401, { error: "unauthorized" }]);
    }
  });

  it("is 400 naming the field for bad input, and 413 for a body over the limit", async () => {
    const { url } = await startGateway();
    const tenantId = randomUUID();
    const cases: [unknown, string, RegExp][] = [
      ["{not json", "invalid_json", /not JSON/],
      [[1, 2], "invalid_request", /JSON object/],
      [{ model: "gpt-4o" }, "invalid_request", /exactly one of keyId/],
      [{ tenantId, keyId: tenantId, model: "gpt-4o" }, "invalid_request", /exactly one of keyId/],
      [{ tenantId: "not-a-uuid", model: "gpt-4o" }, "invalid_request", /tenantId must be a UUID/],
      [{ keyId: 42, model: "gpt-4o" }, "invalid_request", /keyId must be a UUID/],
      [{ tenantId }, "invalid_request", /^model/],
      [{ tenantId, model: "x".repeat(201) }, "invalid_request", /^model/],
      [{ tenantId, model: "gpt-4o", feature: "" }, "invalid_request", /^feature/],
      [{ tenantId, model: "gpt-4o", team: 7 }, "invalid_request", /^team/],
      [{ tenantId, model: "gpt-4o", complexity: "extreme" }, "invalid_request", /^complexity/],
    ];
    for (const [body, error, reason] of cases) {
      const reply = await ask(url, body);
      expect([reply.status, reply.body.error], JSON.stringify(body)).toEqual([400, error]);
      expect(reply.body.reason).toMatch(reason);
    }
    const tooLarge = await ask(url, { tenantId, model: "m".repeat(5_000) });
    expect([tooLarge.status, tooLarge.body.error]).toEqual([413, "body_too_large"]);
  });
});

describe("the cache", () => {
  it("serves a tenant from memory, and a rule saved in the console reaches it through the NOTIFY", async () => {
    const { url } = await startGateway();
    const { tenant, model, owner } = await world();
    const question = { tenantId: tenant.id, model };
    expect((await ask(url, question)).body).toMatchObject({ rule: null });
    // written around the services, so nothing tells the gateway: the cached answer stands
    await db.routingRule.create({ data: { tenantId: tenant.id, priority: 0, name: "Unannounced", strategy: "passthrough", targetProvider: "anthropic" } });
    expect((await ask(url, question)).body).toMatchObject({ rule: null });

    // createRule's NOTIFY evicts the tenant: the next load reads every rule as it is now, the unannounced one first
    await rule(owner, tenant.id, { name: "Announced", matchModel: model, strategy: "passthrough" });
    const reply = await eventually(url, question, (r) => r.body.rule !== null);
    expect(reply.body).toMatchObject({ rule: { name: "Unannounced" }, attempts: [{ ...ANTHROPIC, model }] });
  });

  it("refuses a key once its revocation is announced, and a tenant once it is frozen", async () => {
    const { url } = await startGateway();
    const { tenant, model } = await world();
    const key = await keyRowFor(db, tenant.id);
    expect((await ask(url, { keyId: key.id, model })).status).toBe(200);
    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
      await tx.$executeRaw`SELECT pg_notify('gatehouse_config_events', ${JSON.stringify({ kind: "api_key", tenantId: tenant.id, id: key.id })})`;
    });
    expect((await eventually(url, { keyId: key.id, model }, (r) => r.status === 403)).body).toEqual({ error: "key_revoked" });

    expect((await ask(url, { tenantId: tenant.id, model })).status).toBe(200);
    await db.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenant.id }, data: { status: "frozen" } });
      await tx.$executeRaw`SELECT pg_notify('gatehouse_config_events', ${JSON.stringify({ kind: "api_key", tenantId: tenant.id, id: null })})`;
    });
    expect((await eventually(url, { tenantId: tenant.id, model }, (r) => r.status === 403)).body).toEqual({ error: "tenant_frozen" });
  });

  it("orders cheapest by the price in force, and re-orders once a new price is read", async () => {
    // no TTL to speak of: prices are read again on every load
    const { url } = await startGateway({ cacheTtlMs: 1 });
    const { tenant, model, owner } = await world();
    await db.modelPrice.create({ data: { provider: "anthropic", model, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.003", outputCostPer1k: "0.003" } });
    await rule(owner, tenant.id, { name: "Cheapest", strategy: "cheapest", targetProvider: "openai", targetModel: model, fallbackModels: `anthropic/${model}` });
    const providers = async () => ((await ask(url, { tenantId: tenant.id, model })).body.attempts as { provider: string }[]).map((a) => a.provider);
    expect(await providers()).toEqual(["openai", "anthropic"]);
    await db.modelPrice.create({ data: { provider: "anthropic", model, effectiveDate: new Date("2026-02-01"), inputCostPer1k: "0.0015", outputCostPer1k: "0.0015" } });
    await new Promise((ok) => setTimeout(ok, 5));
    expect(await providers()).toEqual(["anthropic", "openai"]);
  });
});
