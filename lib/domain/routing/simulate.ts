// The what-if: replays a tenant's last 7 or 30 days of usage (usage_routing_daily) through a draft rule set, before
// it is saved. One aggregate query sums the window per what rules match on (requested model, feature, team,
// complexity); each sum goes where the engine's routeOf sends it, priced at today's prices. A read: nothing is
// audited, and only who may change the rules may ask, as it shows what a change would do.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { validationFailureOf, type MutationResult } from "@/lib/db/mutation";
import { refusalFor } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/principal";
import { tenantId } from "@/lib/domain/schemas";
import { mixCost, routeOf, scaled, type Complexity, type RuleSpec } from "./engine";
import { MAX_RULES, ruleFields, ruleId } from "./schemas";
import { configuredProvidersOf, priceBookAt, prismaQuery, providerSetOf, tokenMixOf } from "./tenant-config";

export const SIMULATION_DAYS = [7, 30] as const;
/** The id of a draft rule not saved yet. */
export const DRAFT_RULE_ID = "draft";

/** What one draft rule (or, `ruleId` null, no rule: passthrough) would have taken of the replayed requests. */
export interface SimulatedRule {
  /** the draft rule's id ("draft" for a rule not saved yet); null for the requests no rule matches */
  ruleId: string | null;
  name: string;
  requests: number;
  /** what those requests cost as they were served (decimal string, 10 places) */
  currentCostUsd: string;
  /** what they would cost at today's prices through this rule's first attempt */
  projectedCostUsd: string;
  /** requests whose projected attempt has no price in force: left out of projectedCostUsd */
  unpricedRequests: number;
}

export interface Simulation {
  days: (typeof SIMULATION_DAYS)[number];
  /** the replayed days, YYYY-MM-DD, inclusive */
  from: string;
  to: string;
  /** one per draft rule, in the draft's order (a rule that matches nothing has 0 requests) */
  rules: SimulatedRule[];
  /** the requests no enabled rule matches */
  fallThrough: SimulatedRule;
  total: { requests: number; currentCostUsd: string; projectedCostUsd: string; changeUsd: string; changePct: string | null };
}

// A draft's JSON, at most MAX_RULES rules of at most a few kilobytes each (names, patterns, MAX_FALLBACKS references).
const MAX_RULES_JSON = 1_000_000;

const draftRule = z.object({
  // a rule not saved yet has none (or "draft")
  id: z.union([ruleId, z.literal(DRAFT_RULE_ID)], "Each draft rule has the id of a saved rule, or none.").default(DRAFT_RULE_ID),
  enabled: z.boolean("Say whether each draft rule is enabled (true or false).").default(true),
  ...ruleFields,
});

const simulateInput = z.object({
  tenantId,
  days: z.preprocess((v) => (typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : v), z.literal(SIMULATION_DAYS, "Simulate the last 7 or 30 days.")),
  rules: z.string("The draft rules are a JSON list of rules, in priority order.").max(MAX_RULES_JSON, "The draft rules are too long to simulate.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The draft rules are not valid JSON: send a list of rules, in priority order." });
        return z.NEVER;
      }
    })
    .pipe(z.array(draftRule, "The draft rules are a list of rules, in priority order.").max(MAX_RULES, `At most ${MAX_RULES} rules.`)),
});

// Money is summed exactly in the unit of engine.ts's `mixCost` (tokens × a price per 1k in 10^-20 dollars, so
// 10^-23 dollars); answers are rounded once, to 10 places.
const UNITS_PER_ANSWER_UNIT = 10n ** 13n;

/** a ÷ b rounded half away from zero (b > 0). */
function divideRounded(a: bigint, b: bigint): bigint {
  const quotient = ((a < 0n ? -a : a) * 2n + b) / (2n * b);
  return a < 0n ? -quotient : quotient;
}

/** `value` counted in 10^-places as a decimal string ("-1.25" for -125n, 2). */
function decimalOf(value: bigint, places: number): string {
  const digits = (value < 0n ? -value : value).toString().padStart(places + 1, "0");
  return `${value < 0n ? "-" : ""}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

const usdOf = (units: bigint) => decimalOf(divideRounded(units, UNITS_PER_ANSWER_UNIT), 10);

/** What the tenant's requests of a window summed to, per what rules match on. */
interface UsageGroup {
  model: string;
  feature: string | null;
  team: string | null;
  complexity: Complexity | null;
  requests: string;
  input: string;
  output: string;
  cost: string;
}

const USAGE_GROUPS_SQL = `
SELECT requested_model AS model, feature, team, complexity::text AS complexity, sum(requests)::text AS requests,
       sum(input_tokens)::text AS input, sum(output_tokens)::text AS output, sum(cost_usd)::text AS cost
  FROM usage_routing_daily
 WHERE tenant_id = $1::uuid AND day BETWEEN $2::date AND $3::date
 GROUP BY requested_model, feature, team, complexity`;

interface Tally {
  requests: number;
  /** in 10^-23 dollars */
  current: bigint;
  projected: bigint;
  unpriced: number;
}

const emptyTally = (): Tally => ({ requests: 0, current: 0n, projected: 0n, unpriced: 0 });

const simulatedOf = (ruleId: string | null, name: string, tally: Tally): SimulatedRule => ({
  ruleId, name, requests: tally.requests, currentCostUsd: usdOf(tally.current), projectedCostUsd: usdOf(tally.projected), unpricedRequests: tally.unpriced,
});

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Input fields: tenantId, days ("7" or "30"), rules (JSON of the draft RuleSpec[] in priority order). The window
 * is the last `days` UTC days to `now`'s, inclusive.
 */
export async function simulateRouting(actor: Actor, input: unknown, now = new Date()): Promise<MutationResult<Simulation>> {
  const parsed = simulateInput.safeParse(input);
  if (!parsed.success) return validationFailureOf(parsed.error);
  const { tenantId, days, rules } = parsed.data;
  const refusal = await refusalFor(actor, "routing.manage", tenantId);
  if (refusal) return { ok: false, kind: "forbidden", message: refusal };

  const window = { from: isoDay(now.getTime() - (days - 1) * DAY_MS), to: isoDay(now.getTime()) };
  const query = prismaQuery(db);
  const [groups, configured, book, mix] = await Promise.all([
    query<UsageGroup>(USAGE_GROUPS_SQL, [tenantId, window.from, window.to]),
    configuredProvidersOf(query, tenantId),
    priceBookAt(query, now),
    tokenMixOf(query, tenantId, now),
  ]);
  const providers = providerSetOf(configured, book);

  const tallies = new Map<RuleSpec | null, Tally>([...rules.map((rule): [RuleSpec, Tally] => [rule, emptyTally()]), [null, emptyTally()]]);
  for (const group of groups) {
    const request = { model: group.model, feature: group.feature, team: group.team, complexity: group.complexity };
    const { rule, attempts } = routeOf(rules, request, providers, book.priceOf, mix);
    const tally = tallies.get(rule)!;
    const requests = Number(group.requests);
    tally.requests += requests;
    // `scaled` counts 10^-20 dollars
    tally.current += scaled(group.cost) * 1000n;
    const price = attempts[0] ? book.priceOf(attempts[0]) : null;
    if (price === null) tally.unpriced += requests;
    else tally.projected += mixCost(price, { input: BigInt(group.input), output: BigInt(group.output) });
  }

  const all = [...tallies.values()].reduce((sum, tally) => ({
    requests: sum.requests + tally.requests, current: sum.current + tally.current, projected: sum.projected + tally.projected, unpriced: sum.unpriced + tally.unpriced,
  }), emptyTally());
  const change = all.projected - all.current;
  return {
    ok: true,
    data: {
      days, ...window,
      rules: rules.map((rule) => simulatedOf(rule.id, rule.name, tallies.get(rule)!)),
      fallThrough: simulatedOf(null, "No rule (passthrough)", tallies.get(null)!),
      total: {
        requests: all.requests, currentCostUsd: usdOf(all.current), projectedCostUsd: usdOf(all.projected), changeUsd: usdOf(change),
        // a percentage with 2 places, of the exact sums; none of nothing
        changePct: all.current === 0n ? null : decimalOf(divideRounded(change * 100n * 100n, all.current), 2),
      },
    },
  };
}
