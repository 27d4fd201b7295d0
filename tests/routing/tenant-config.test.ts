// What routing reads of the database, through both clients: rules in priority order, configured providers, the
// price in force (a scheduled price is not yet, an older one is superseded), and the tenant's recent token mix.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EVEN_MIX } from "@/lib/domain/routing/engine";
import { configuredProvidersOf, pgQuery, priceBookAt, prismaQuery, providerSetOf, rulesOf, tokenMixOf } from "@/lib/domain/routing/tenant-config";
import { tenantFor } from "../support/actors";
import { testDatabaseUrl, testPrisma, uniqueSlug } from "../support/database";
import { DAY_MS, isoDay } from "../support/time";

const db = testPrisma();
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});
const NOW = new Date("2026-11-20T12:00:00Z");

describe.each([["prisma", () => prismaQuery(db)], ["pg", () => pgQuery(pool)]])("through %s", (_client, queryOf) => {
  it("reads a tenant's rules in priority order and its providers, and no one else's", async () => {
    const [tenant, other] = [await tenantFor(db), await tenantFor(db)];
    await db.routingRule.createMany({ data: [
      { tenantId: tenant.id, name: "second", priority: 2, strategy: "cheapest", matchModel: "gpt-4o*", fallbackModels: ["anthropic/claude-3-haiku"] },
      { tenantId: tenant.id, name: "first", priority: 1, enabled: false, matchComplexity: "low", targetProvider: "openai", targetModel: "gpt-4o-mini" },
      { tenantId: tenant.id, name: "third", priority: 3, strategy: "quality_first", fallbackModels: ["gpt-4o-mini"] },
      { tenantId: other.id, name: "theirs", priority: 0 },
    ] });
    await db.providerConfig.createMany({ data: [
      { tenantId: tenant.id, provider: "openai", encryptedApiKey: Buffer.from("x"), keyLast4: "abcd", isDefault: true },
      { tenantId: tenant.id, provider: "anthropic", encryptedApiKey: Buffer.from("x"), keyLast4: "efgh" },
      { tenantId: other.id, provider: "groq", encryptedApiKey: Buffer.from("x"), keyLast4: "ijkl" },
    ] });
    const rules = await rulesOf(queryOf(), tenant.id);
    expect(rules).toEqual([
      { id: expect.any(String), name: "first", enabled: false, matchModel: null, matchFeature: null, matchTeam: null, matchComplexity: "low", strategy: "passthrough", targetProvider: "openai", targetModel: "gpt-4o-mini", fallbackModels: [] },
      { id: expect.any(String), name: "second", enabled: true, matchModel: "gpt-4o*", matchFeature: null, matchTeam: null, matchComplexity: null, strategy: "cheapest", targetProvider: null, targetModel: null, fallbackModels: ["anthropic/claude-3-haiku"] },
      // spelled as the engine spells it, not as the SQL enum (quality-first)
      { id: expect.any(String), name: "third", enabled: true, matchModel: null, matchFeature: null, matchTeam: null, matchComplexity: null, strategy: "quality_first", targetProvider: null, targetModel: null, fallbackModels: ["gpt-4o-mini"] },
    ]);
    expect(await configuredProvidersOf(queryOf(), tenant.id)).toEqual([{ provider: "anthropic", isDefault: false }, { provider: "openai", isDefault: true }]);
  });

  it("prices a candidate at the price in force on the day, and lists who serves a model", async () => {
    const model = uniqueSlug("model");
    await db.modelPrice.createMany({ data: [
      { provider: "openai", model, effectiveDate: new Date("2026-01-01"), inputCostPer1k: "0.003", outputCostPer1k: "0.006" },
      { provider: "openai", model, effectiveDate: new Date("2026-11-20"), inputCostPer1k: "0.0025", outputCostPer1k: "0.005" },
      { provider: "openai", model, effectiveDate: new Date("2026-12-01"), inputCostPer1k: "0.001", outputCostPer1k: "0.002" },
      { provider: "azure-openai", model, effectiveDate: new Date("2026-12-01"), inputCostPer1k: "0.001", outputCostPer1k: "0.002" },
    ] });
    const book = await priceBookAt(queryOf(), NOW);
    expect(book.priceOf({ provider: "openai", model })).toEqual({ inputPer1k: "0.002500", outputPer1k: "0.005000" });
    expect(book.priceOf({ provider: "azure-openai", model })).toBeNull(); // scheduled, not yet in force
    expect(book.providersOf(model)).toEqual(["openai"]);
    const set = providerSetOf([{ provider: "openai", isDefault: false }, { provider: "groq", isDefault: true }], book);
    expect([set.configured.has("groq"), set.defaultProvider, set.pricedProvidersOf(model)]).toEqual([true, "groq", ["openai"]]);
  });

  it("weighs input and output by the tenant's last 30 days, evenly without any", async () => {
    const tenant = await tenantFor(db);
    expect(await tokenMixOf(queryOf(), tenant.id, NOW)).toEqual(EVEN_MIX);
    const day = (ago: number, input: number, output: number) => ({
      tenantId: tenant.id, day: new Date(isoDay(NOW.getTime() - ago * DAY_MS)), provider: "openai", model: "gpt-4o", inputTokens: input, outputTokens: output,
    });
    await db.usageDaily.createMany({ data: [day(0, 300, 100), { ...day(29, 30, 10), feature: "chat" }, day(30, 1_000_000, 1)] });
    expect(await tokenMixOf(queryOf(), tenant.id, NOW)).toEqual({ input: 330n, output: 110n });
  });
});
