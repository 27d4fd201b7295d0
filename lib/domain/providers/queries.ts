// The tenant's providers as the console lists them: masked (the last four characters of each key), with the
// routing rules that name each one. A tenant has at most one row per provider of the closed list, so the list
// needs no paging.
import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { parseModelRef, type RuleSpec } from "@/lib/domain/routing/engine";
import { prismaQuery, rulesOf } from "@/lib/domain/routing/tenant-config";
import { baseUrlOf, providerLabel } from "./catalog";

export interface ProviderListItem {
  id: string;
  provider: string;
  label: string;
  keyLast4: string;
  /** the tenant's override, or null */
  baseUrl: string | null;
  /** where requests go: the override, else the provider's own API */
  effectiveBaseUrl: string | null;
  isDefault: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** the routing rules (by name) that name this provider: it cannot be removed while there are any */
  rules: string[];
}

/** The names of the rules of `rules` that name `provider`: as their target provider, or in a model reference. */
export function rulesNaming(rules: readonly RuleSpec[], provider: string): string[] {
  const names = (ref: string | null) => ref !== null && parseModelRef(ref).provider === provider;
  return rules
    .filter((rule) => rule.targetProvider === provider || names(rule.targetModel) || rule.fallbackModels.some(names))
    .map((rule) => rule.name);
}

export async function listProviders(principal: Principal, tenantId: string): Promise<ProviderListItem[]> {
  if (!can(principal, "provider.read", tenantId)) return [];
  const [rows, rules] = await Promise.all([
    db.providerConfig.findMany({
      where: { tenantId },
      orderBy: [{ isDefault: "desc" }, { provider: "asc" }],
      select: {
        id: true, provider: true, keyLast4: true, baseUrl: true, isDefault: true, createdAt: true, updatedAt: true,
        createdBy: { select: { name: true, githubLogin: true, email: true } },
      },
    }),
    rulesOf(prismaQuery(db), tenantId),
  ]);
  return rows.map(({ createdBy, ...row }) => ({
    ...row,
    label: providerLabel(row.provider),
    effectiveBaseUrl: baseUrlOf(row.provider, row.baseUrl),
    createdBy: createdBy ? (createdBy.name ?? createdBy.githubLogin ?? createdBy.email) : null,
    rules: rulesNaming(rules, row.provider),
  }));
}
