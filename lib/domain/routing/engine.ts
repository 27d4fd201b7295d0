// Where a request goes, as pure functions: the gateway's answer (/api/v1/route), the console's validation (a rule
// shadowed by an earlier one) and the what-if all call these, so the three cannot disagree. No zod, no Prisma, no
// database: the gateway loads this (tests/gateway/imports.test.ts), and callers hand in what they read.
//
// Matching: rules are taken in priority order and the first enabled one whose every match field is empty or
// matches wins. Model patterns are exact or `*` globs (`gpt-4o*`), case-sensitive as model ids are; feature, team
// and complexity match exactly. No rule: passthrough.
//
// A model reference (a target, a fallback) is `provider/model` when its first segment is a provider id, else a bare
// model, served by the configured provider that has a price for it (the default one first), else by the default.
import { isProviderId, type ProviderId } from "@/lib/domain/providers/catalog";

export const STRATEGIES = ["passthrough", "cheapest", "quality_first", "cascading"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const COMPLEXITIES = ["low", "medium", "high"] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export interface RuleSpec {
  id: string;
  name: string;
  enabled: boolean;
  matchModel: string | null;
  matchFeature: string | null;
  matchTeam: string | null;
  matchComplexity: Complexity | null;
  strategy: Strategy;
  /** null: the provider of the target model (or of the requested one) */
  targetProvider: string | null;
  /** null: the requested model */
  targetModel: string | null;
  /** model references, tried (or priced, for cheapest) after the target, in order */
  fallbackModels: readonly string[];
}

export interface RouteRequest {
  model: string;
  feature: string | null;
  team: string | null;
  complexity: Complexity | null;
}

/** One upstream call to try. */
export interface Candidate {
  provider: string;
  model: string;
}

/** The tenant's providers, and which providers the price list says serve a model. */
export interface ProviderSet {
  configured: ReadonlySet<string>;
  defaultProvider: string | null;
  /** providers with a price in force for `model` (any order) */
  pricedProvidersOf: (model: string) => readonly string[];
}

/** A price in force, per 1k tokens, as decimal strings ("0.002500"). */
export interface Price {
  inputPer1k: string;
  outputPer1k: string;
}

/** The tenant's recent input and output tokens, which weigh input against output price for `cheapest`. */
export interface TokenMix {
  input: bigint;
  output: bigint;
}
/** With no history, input and output weigh the same. */
export const EVEN_MIX: TokenMix = { input: 1n, output: 1n };

export interface Route {
  rule: RuleSpec | null;
  strategy: Strategy;
  /** in the order to try; empty when the tenant has no provider that could serve the request */
  attempts: Candidate[];
}

const globCache = new Map<string, RegExp>();
function globOf(pattern: string): RegExp {
  let glob = globCache.get(pattern);
  if (glob === undefined) {
    const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
    glob = new RegExp(`^${source}$`, "s");
    if (globCache.size > 10_000) globCache.clear();
    globCache.set(pattern, glob);
  }
  return glob;
}

/** Whether `value` matches `pattern`, exact or with `*` standing for any run of characters. */
export const globMatches = (pattern: string, value: string): boolean =>
  pattern.includes("*") ? globOf(pattern).test(value) : pattern === value;

export function ruleMatches(rule: RuleSpec, request: RouteRequest): boolean {
  return (
    rule.enabled &&
    (rule.matchModel === null || globMatches(rule.matchModel, request.model)) &&
    (rule.matchFeature === null || rule.matchFeature === request.feature) &&
    (rule.matchTeam === null || rule.matchTeam === request.team) &&
    (rule.matchComplexity === null || rule.matchComplexity === request.complexity)
  );
}

/** The first of `rules` (in priority order) that matches, or null. */
export function firstMatch(rules: readonly RuleSpec[], request: RouteRequest): RuleSpec | null {
  for (const rule of rules) if (ruleMatches(rule, request)) return rule;
  return null;
}

/**
 * Whether every request `later` matches, `earlier` matches too (both enabled): then `later` can never be chosen.
 * A glob covers a pattern when it matches the pattern's text with `*` in it taken as itself (only a `*` of the
 * glob can absorb it), which is exact for patterns of literals and `*`.
 */
export function covers(earlier: RuleSpec, later: RuleSpec): boolean {
  const field = (a: string | null, b: string | null) => a === null || a === b;
  const model = earlier.matchModel === null || (later.matchModel !== null && globMatches(earlier.matchModel, later.matchModel));
  return (
    earlier.enabled && later.enabled && model &&
    field(earlier.matchFeature, later.matchFeature) && field(earlier.matchTeam, later.matchTeam) &&
    field(earlier.matchComplexity, later.matchComplexity)
  );
}

/** Each enabled rule that can never match, with the earlier rule that takes all its requests. */
export function shadowedRules(rules: readonly RuleSpec[]): Map<string, RuleSpec> {
  const shadowed = new Map<string, RuleSpec>();
  rules.forEach((later, index) => {
    const earlier = rules.slice(0, index).find((rule) => covers(rule, later));
    if (earlier !== undefined) shadowed.set(later.id, earlier);
  });
  return shadowed;
}

/** A model reference split: `provider/model` when the first segment is a provider id, else the bare model. */
export function parseModelRef(ref: string): { provider: ProviderId | null; model: string } {
  const slash = ref.indexOf("/");
  const head = slash > 0 ? ref.slice(0, slash) : "";
  return isProviderId(head) && slash < ref.length - 1 ? { provider: head, model: ref.slice(slash + 1) } : { provider: null, model: ref };
}

/**
 * The provider that serves `model` for this tenant: one configured that the price list has it at (the default
 * first, then by name), else the default; null when the tenant has no provider.
 */
export function providerFor(model: string, providers: ProviderSet): string | null {
  const priced = providers.pricedProvidersOf(model).filter((provider) => providers.configured.has(provider));
  if (providers.defaultProvider !== null && priced.includes(providers.defaultProvider)) return providers.defaultProvider;
  if (priced.length > 0) return [...priced].sort()[0];
  return providers.defaultProvider;
}

/** A reference as a candidate (`preferred`: the provider a rule names for it), or null when none can serve it. */
export function resolveRef(ref: string, providers: ProviderSet, preferred: string | null = null): Candidate | null {
  const parsed = parseModelRef(ref);
  const provider = parsed.provider ?? preferred ?? providerFor(parsed.model, providers);
  return provider === null ? null : { provider, model: parsed.model };
}

/**
 * What `rule` (or no rule) would try for `request`, before a strategy orders it: the target (the requested model
 * when it names none, or the rule is passthrough), then the fallbacks; each once, and only at providers the tenant has configured.
 */
export function candidatesOf(rule: RuleSpec | null, request: RouteRequest, providers: ProviderSet): Candidate[] {
  // passthrough sends the requested model on (to the rule's provider, when it names one), with nothing after it
  const passthrough = rule === null || rule.strategy === "passthrough";
  const target = resolveRef((passthrough ? null : rule.targetModel) ?? request.model, providers, rule?.targetProvider ?? null);
  const refs = passthrough ? [] : rule.fallbackModels;
  const all = [target, ...refs.map((ref) => resolveRef(ref, providers))];
  const seen = new Set<string>();
  return all.filter((candidate): candidate is Candidate => {
    if (candidate === null || !providers.configured.has(candidate.provider)) return false;
    const key = `${candidate.provider}/${candidate.model}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Exact decimal arithmetic on BigInt, in units of 10^-SCALE: prices have at most this many places.
const SCALE = 20;
/** A non-negative decimal string as an integer count of 10^-20. */
export function scaled(decimal: string): bigint {
  const [whole, fraction = ""] = decimal.trim().split(".");
  return BigInt(whole || "0") * 10n ** BigInt(SCALE) + BigInt((fraction + "0".repeat(SCALE)).slice(0, SCALE) || "0");
}

/** What `mix` costs at `price`, in 10^-20 dollars per 1k tokens: exact, for comparing candidates. */
export const mixCost = (price: Price, mix: TokenMix): bigint => scaled(price.inputPer1k) * mix.input + scaled(price.outputPer1k) * mix.output;

/**
 * `candidates` in the order `strategy` tries them. cheapest: by the cost of the tenant's mix at the price in
 * force, cheapest first, those without a price last (in their order); quality-first and cascading: as written
 * (they differ in when the gateway moves on: on an error or timeout, or also on an answer that fails).
 */
export function orderedAttempts(strategy: Strategy, candidates: Candidate[], priceOf: (candidate: Candidate) => Price | null, mix: TokenMix): Candidate[] {
  if (strategy !== "cheapest") return candidates;
  const costed = candidates.map((candidate, index) => {
    const price = priceOf(candidate);
    return { candidate, index, cost: price === null ? null : mixCost(price, mix) };
  });
  costed.sort((a, b) => {
    if (a.cost === null || b.cost === null) return a.cost === b.cost ? a.index - b.index : a.cost === null ? 1 : -1;
    return a.cost === b.cost ? a.index - b.index : a.cost < b.cost ? -1 : 1;
  });
  return costed.map(({ candidate }) => candidate);
}

/** Where `request` goes under `rules` (in priority order). */
export function routeOf(
  rules: readonly RuleSpec[], request: RouteRequest, providers: ProviderSet, priceOf: (candidate: Candidate) => Price | null, mix: TokenMix,
): Route {
  const rule = firstMatch(rules, request);
  const strategy = rule?.strategy ?? "passthrough";
  return { rule, strategy, attempts: orderedAttempts(strategy, candidatesOf(rule, request, providers), priceOf, mix) };
}
