// The what-if: replays a tenant's last 7 or 30 days of usage (usage_routing_daily) through a draft rule set.
// STUB on main while issue 14 is built: the types are the contract between the routing page and the simulation;
// the simulation itself replaces this body.
import "server-only";
import type { MutationResult } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";

export const SIMULATION_DAYS = [7, 30] as const;

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

/** Input fields: tenantId, days ("7" or "30"), rules (JSON of the draft RuleSpec[] in priority order). */
export async function simulateRouting(_actor: Actor, input: Record<string, string>): Promise<MutationResult<Simulation>> {
  const days = input.days === "30" ? 30 : 7;
  const zero = "0.0000000000";
  const none = (ruleId: string | null, name: string): SimulatedRule => ({ ruleId, name, requests: 0, currentCostUsd: zero, projectedCostUsd: zero, unpricedRequests: 0 });
  const rules = (JSON.parse(input.rules ?? "[]") as { id: string; name: string }[]).map((rule) => none(rule.id, rule.name));
  const today = new Date().toISOString().slice(0, 10);
  return {
    ok: true,
    data: { days, from: today, to: today, rules, fallThrough: none(null, "No rule (passthrough)"), total: { requests: 0, currentCostUsd: zero, projectedCostUsd: zero, changeUsd: zero, changePct: null } },
  };
}
