// The routing engine's rules as tables: matching, shadowing, model references and each strategy's attempts.
import { describe, expect, it } from "vitest";
import { covers, globMatches, parseModelRef, routeOf, shadowedRules, type Price, type ProviderSet, type RouteRequest, type RuleSpec } from "@/lib/domain/routing/engine";

const rule = (id: string, fields: Partial<RuleSpec> = {}): RuleSpec => ({
  id, name: id, enabled: true, matchModel: null, matchFeature: null, matchTeam: null, matchComplexity: null,
  strategy: "quality_first", targetProvider: null, targetModel: null, fallbackModels: [], ...fields,
});
const request = (fields: Partial<RouteRequest> = {}): RouteRequest => ({ model: "gpt-4o", feature: null, team: null, complexity: null, ...fields });
const PRICED: Record<string, string[]> = { "gpt-4o": ["openai", "azure-openai"], "gpt-4o-mini": ["openai"], "claude-3-haiku": ["anthropic"] };
const providers: ProviderSet = {
  configured: new Set(["openai", "anthropic"]), defaultProvider: "openai", pricedProvidersOf: (model) => PRICED[model] ?? [],
};
const PRICES: Record<string, Price> = {
  "openai/gpt-4o": { inputPer1k: "0.0025", outputPer1k: "0.01" },
  "openai/gpt-4o-mini": { inputPer1k: "0.00015", outputPer1k: "0.0006" },
  "anthropic/claude-3-haiku": { inputPer1k: "0.00025", outputPer1k: "0.00125" },
};
const priceOf = ({ provider, model }: { provider: string; model: string }) => PRICES[`${provider}/${model}`] ?? null;
const mix = { input: 3n, output: 1n };

describe("matching", () => {
  it.each([
    ["gpt-4o*", "gpt-4o-mini", true], ["gpt-4o*", "gpt-4o", true], ["gpt-4o*", "gpt-4", false], ["*", "anything", true],
    ["gpt-4o", "gpt-4o-mini", false], ["claude-*-haiku", "claude-3-haiku", true], ["a.b", "axb", false],
  ])("%s against %s: %s", (pattern, value, expected) => expect(globMatches(pattern, value)).toBe(expected));

  it("takes the first enabled rule in order, skips disabled ones, and falls to passthrough", () => {
    const rules = [rule("off", { enabled: false }), rule("summaries", { matchFeature: "summarize" }), rule("research", { matchTeam: "research" })];
    expect(routeOf(rules, request({ feature: "summarize", team: "research" }), providers, priceOf, mix).rule?.id).toBe("summaries");
    expect(routeOf(rules, request({ team: "research" }), providers, priceOf, mix).rule?.id).toBe("research");
    expect(routeOf(rules, request(), providers, priceOf, mix)).toEqual({ rule: null, strategy: "passthrough", attempts: [{ provider: "openai", model: "gpt-4o" }] });
  });

  it("says which rule an earlier one shadows", () => {
    const rules = [rule("gpt", { matchModel: "gpt-*" }), rule("mini", { matchModel: "gpt-4o*", matchTeam: "x" }), rule("claude", { matchModel: "claude-*" })];
    expect([...shadowedRules(rules)].map(([id, by]) => [id, by.id])).toEqual([["mini", "gpt"]]);
    expect(covers(rule("a", { matchModel: "gpt-4o" }), rule("b", { matchModel: "gpt-4o*" }))).toBe(false);
  });
});

describe("attempts", () => {
  it("reads provider/model references, and a bare model at the provider that prices it", () => {
    expect(parseModelRef("anthropic/claude-3-haiku")).toEqual({ provider: "anthropic", model: "claude-3-haiku" });
    expect(parseModelRef("openrouter/anthropic/claude-3.5")).toEqual({ provider: "openrouter", model: "anthropic/claude-3.5" });
    expect(parseModelRef("meta/llama")).toEqual({ provider: null, model: "meta/llama" });
    const cascade = rule("c", { strategy: "cascading", targetModel: "gpt-4o-mini", fallbackModels: ["claude-3-haiku", "gpt-4o", "mistral/large"] });
    expect(routeOf([cascade], request(), providers, priceOf, mix).attempts).toEqual([
      { provider: "openai", model: "gpt-4o-mini" }, { provider: "anthropic", model: "claude-3-haiku" }, { provider: "openai", model: "gpt-4o" },
    ]);
  });

  it("orders cheapest by the mix's cost at the price in force, unpriced last", () => {
    const cheapest = rule("c", { strategy: "cheapest", targetModel: "gpt-4o", fallbackModels: ["claude-3-haiku", "gpt-4o-mini", "openai/unpriced"] });
    const attempts = (prices: typeof priceOf) => routeOf([cheapest], request(), providers, prices, mix).attempts.map((a) => a.model);
    expect(attempts(priceOf)).toEqual(["gpt-4o-mini", "claude-3-haiku", "gpt-4o", "unpriced"]);
    const haikuDropped = (c: { provider: string; model: string }) => (c.model === "claude-3-haiku" ? { inputPer1k: "0.0001", outputPer1k: "0.0001" } : priceOf(c));
    expect(attempts(haikuDropped)[0]).toBe("claude-3-haiku");
  });
});
