// A tenant's routing rules as the console lists them: in priority order (the order the gateway reads), each with
// the earlier rule that shadows it, if one does; and the providers a rule may target. A tenant has at most
// MAX_RULES rules, so the list needs no paging.
import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { shadowedRules, type RuleSpec } from "./engine";
import { configuredProvidersOf, prismaQuery, rulesOf } from "./tenant-config";

export interface RuleListItem extends RuleSpec {
  /** 1 for the first rule */
  position: number;
  updatedAt: string;
  /** the earlier enabled rule that matches every request this one would: it never matches */
  shadowedBy: string | null;
}

export interface RoutingView {
  rules: RuleListItem[];
  /** the tenant's configured providers, the default first */
  providers: string[];
}

export async function listRules(principal: Principal, tenantId: string): Promise<RoutingView> {
  if (!can(principal, "routing.read", tenantId)) return { rules: [], providers: [] };
  const query = prismaQuery(db);
  const [rules, configured, stamps] = await Promise.all([
    rulesOf(query, tenantId),
    configuredProvidersOf(query, tenantId),
    db.routingRule.findMany({ where: { tenantId }, select: { id: true, updatedAt: true } }),
  ]);
  const updatedAt = new Map(stamps.map(({ id, updatedAt }) => [id, updatedAt.toISOString()]));
  const shadowed = shadowedRules(rules);
  return {
    rules: rules.map((rule, i) => ({ ...rule, position: i + 1, updatedAt: updatedAt.get(rule.id)!, shadowedBy: shadowed.get(rule.id)?.name ?? null })),
    providers: [...configured].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map(({ provider }) => provider),
  };
}
