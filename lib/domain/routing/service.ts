// Routing rules: create, edit, duplicate, enable or disable, delete and reorder. A tenant's rules keep dense
// priorities 0..n-1, rewritten in the transaction of the change; every change notifies the gateway's caches in
// that transaction. What the engine decides (candidates, shadowing) the service asks the engine, over the rows
// tenant-config.ts reads, so the console validates a rule exactly as the gateway will apply it.
import "server-only";
import { mutate, mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/principal";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { foundOr, scoped, tenantOrThrow } from "@/lib/domain/tenant-scope";
import { providerLabel, isProviderId } from "@/lib/domain/providers/catalog";
import { candidatesOf, parseModelRef, resolveRef, shadowedRules, type Complexity, type RuleSpec, type Strategy } from "./engine";
import { configuredProvidersOf, priceBookAt, prismaQuery, providerSetOf, rulesOf } from "./tenant-config";
import {
  createRuleInput, deleteRuleInput, duplicateRuleInput, moveRuleInput, reorderRulesInput, RULE_FORM_FIELDS, setRuleEnabledInput, updateRuleInput,
  type RuleFormField,
} from "./schemas";

type RuleRow = Prisma.RoutingRuleGetPayload<object>;
interface FormValues {
  name: string; matchModel: string | null; matchFeature: string | null; matchTeam: string | null; matchComplexity: Complexity | null;
  strategy: Strategy; targetProvider: string | null; targetModel: string | null; fallbackModels: string[];
}

const FIELD_LABELS: Record<RuleFormField, string> = {
  name: "name", matchModel: "model", matchFeature: "feature", matchTeam: "team", matchComplexity: "complexity",
  strategy: "strategy", targetProvider: "target provider", targetModel: "target model", fallbackModels: "fallbacks",
};

/** What a save answers: the rule, and the earlier rule that takes all its requests when one does (a warning). */
export interface SavedRule {
  id: string;
  name: string;
  updatedAt: string;
  /** the earlier enabled rule that matches every request this one would: it can never match */
  shadowedBy: { id: string; name: string } | null;
  /** later rules this one now shadows */
  shadows: { id: string; name: string }[];
}

const formValuesOf = (row: RuleRow): FormValues => ({
  name: row.name, matchModel: row.matchModel, matchFeature: row.matchFeature, matchTeam: row.matchTeam, matchComplexity: row.matchComplexity,
  strategy: row.strategy, targetProvider: row.targetProvider, targetModel: row.targetModel, fallbackModels: row.fallbackModels,
});

/** The rule as the audit log records it whole (created, deleted). */
const stateOf = (row: RuleRow) => ({ ...formValuesOf(row), priority: row.priority, enabled: row.enabled });

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Serializes the changes of one tenant's rule order (the tenant row's lock), and refuses a tenant that does not exist. */
const lockTenant = (tx: Tx, tenantId: string) => tenantOrThrow(tx, tenantId, { id: true }, { lock: true });

/**
 * The tenant locked (as lockTenant), then the rule, only when it belongs to `tenantId` (another tenant's is not
 * found), locked until the transaction ends.
 */
async function lockRule(tx: Tx, tenantId: string, ruleId: string): Promise<RuleRow> {
  await lockTenant(tx, tenantId);
  await tx.$queryRaw`SELECT 1 FROM routing_rules WHERE id = ${ruleId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
  return foundOr(tx.routingRule.findFirst({ where: scoped(tx, tenantId).where({ id: ruleId }) }), "That routing rule does not exist in this tenant.");
}

/** Gives the rules `ids` (in that order) the priorities 0..n-1. */
async function renumber(tx: Tx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE routing_rules r SET priority = o.ord - 1
      FROM unnest(${[...ids]}::uuid[]) WITH ORDINALITY AS o(id, ord)
     WHERE r.id = o.id AND r.tenant_id = ${tenantId}::uuid AND r.priority <> o.ord - 1`;
}

/** The tenant's rule ids in priority order (the order the gateway reads: priority, then creation). */
async function orderOf(tx: Tx, tenantId: string) {
  return (await rulesOf(prismaQuery(tx), tenantId)).map(({ id, name }) => ({ id, name }));
}

/**
 * Refuses a rule the gateway could not apply as written, naming the field: a target provider (or a reference's
 * provider) the tenant has not configured, fallbacks a strategy does not take or needs, and for cheapest a
 * candidate without a price in force.
 */
async function validateRule(tx: Tx, tenantId: string, rule: FormValues) {
  const query = prismaQuery(tx);
  const configured = await configuredProvidersOf(query, tenantId);
  const names = new Set(configured.map(({ provider }) => provider));
  const configuredList = configured.length ? configured.map(({ provider }) => providerLabel(provider as never) ?? provider).join(", ") : "none yet";
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  if (rule.targetProvider !== null && !names.has(rule.targetProvider)) {
    const what = isProviderId(rule.targetProvider) ? providerLabel(rule.targetProvider) : `“${rule.targetProvider}”`;
    add("targetProvider", `${what} is not configured for this tenant: choose one of its providers (${configuredList}), or add its key under Providers.`);
  }
  if (rule.targetModel !== null) {
    const { provider } = parseModelRef(rule.targetModel);
    if (provider !== null && !names.has(provider)) add("targetModel", `${providerLabel(provider)} is not configured for this tenant: add its key under Providers, or name another model.`);
  }
  const unconfigured = rule.fallbackModels.filter((ref) => {
    const { provider } = parseModelRef(ref);
    return provider !== null && !names.has(provider);
  });
  if (unconfigured.length) add("fallbackModels", `${unconfigured.join(", ")}: the provider is not configured for this tenant. Add its key under Providers, or remove the fallback.`);

  if (rule.strategy === "passthrough") {
    if (rule.fallbackModels.length) add("fallbackModels", "Passthrough sends the requested model on and tries nothing after it: remove the fallbacks, or choose another strategy.");
    if (rule.targetModel !== null) add("targetModel", "Passthrough sends the requested model: leave the target model empty, or choose another strategy.");
  }
  if ((rule.strategy === "cascading" || rule.strategy === "quality_first") && rule.fallbackModels.length === 0) {
    add("fallbackModels", `${rule.strategy === "cascading" ? "Cascading" : "Quality-first"} moves on to the fallbacks: add at least one.`);
  }
  if (rule.strategy === "cheapest" && Object.keys(errors).length === 0) {
    // the target: the rule's model, else the one model it matches; a pattern's requests cannot be priced in advance
    const targetRef = rule.targetModel ?? (rule.matchModel !== null && !rule.matchModel.includes("*") ? rule.matchModel : null);
    if (targetRef === null) {
      add("targetModel", "Cheapest compares the prices of the target and the fallbacks: name the target model (or match one exact model).");
    } else {
      const book = await priceBookAt(query, new Date());
      const providers = providerSetOf(configured, book);
      const spec = { ...ruleSpecOf("draft", rule, true), targetModel: targetRef };
      const request = { model: targetRef, feature: rule.matchFeature, team: rule.matchTeam, complexity: rule.matchComplexity };
      const candidates = candidatesOf(spec, request, providers);
      const refs = [targetRef, ...rule.fallbackModels];
      // a reference no configured provider serves drops out of the candidates: it is as unpriceable
      const unserved = refs.filter((ref, i) => resolveRef(ref, providers, i === 0 ? rule.targetProvider : null) === null);
      const unpriced = [...candidates.filter((c) => book.priceOf(c) === null).map((c) => `${c.provider}/${c.model}`), ...unserved];
      if (unpriced.length) add("strategy", `Cheapest needs a price in force for each candidate; none for ${unpriced.join(", ")}. Choose priced models, or another strategy.`);
      else if (candidates.length < 2) add("fallbackModels", "Cheapest picks among the target and the fallbacks: add at least one fallback.");
    }
  }
  if (Object.keys(errors).length) throw new MutationRefusal("validation", "Some fields need attention.", errors);
}

const ruleSpecOf = (id: string, rule: FormValues, enabled: boolean): RuleSpec => ({ id, enabled, ...rule });

/** The rule's standing among the tenant's rules once the change is written: what shadows it, what it shadows. */
async function standingOf(tx: Tx, tenantId: string, row: RuleRow): Promise<SavedRule> {
  const rules = await rulesOf(prismaQuery(tx), tenantId);
  const shadowed = shadowedRules(rules);
  const by = shadowed.get(row.id);
  const shadows = rules.filter((rule) => shadowed.get(rule.id)?.id === row.id).map(({ id, name }) => ({ id, name }));
  return { id: row.id, name: row.name, updatedAt: row.updatedAt.toISOString(), shadowedBy: by ? { id: by.id, name: by.name } : null, shadows };
}

const ruleData = (fields: FormValues) => ({
  name: fields.name, matchModel: fields.matchModel, matchFeature: fields.matchFeature, matchTeam: fields.matchTeam,
  matchComplexity: fields.matchComplexity, strategy: fields.strategy,
  targetProvider: fields.targetProvider, targetModel: fields.targetModel, fallbackModels: fields.fallbackModels,
});

/** Writes a new rule, last in priority order (enabled). */
export const createRule = mutation({
  permission: "routing.manage", event: "routing_rule.created",
  schema: createRuleInput,
  async execute(tx, { tenantId, ...fields }) {
    await lockTenant(tx, tenantId);
    await validateRule(tx, tenantId, fields);
    // after the last rule, whatever the priorities are (rows written before the service kept them dense)
    const { _max } = await tx.routingRule.aggregate({ where: scoped(tx, tenantId).where(), _max: { priority: true } });
    const priority = (_max.priority ?? -1) + 1;
    const row = await tx.routingRule.create({ data: { tenantId, priority, ...ruleData(fields) } });
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return { data: await standingOf(tx, tenantId, row), audit: { targetId: row.id, targetName: row.name, after: stateOf(row) } };
  },
});

/** The values the form was drawn from (`seen`, JSON), to tell a field someone else changed from one this editor did. */
function seenOf(input: unknown): Partial<FormValues> | null {
  const raw = (input ?? {}) as Record<string, unknown>;
  const seen = typeof raw.seen === "string" ? (() => { try { return JSON.parse(raw.seen as string) as unknown; } catch { return null; } })() : raw.seen;
  return typeof seen === "object" && seen !== null && !Array.isArray(seen) ? (seen as Partial<FormValues>) : null;
}

/**
 * Edits a rule. Optimistic concurrency as tenant details: the form carries the rule's updatedAt; when the rule
 * changed since, a field it shows that someone else changed (or, without what the form saw, one this save would
 * overwrite) refuses the save with a conflict naming each such field, and the person's typing stays in the form.
 */
export function updateRule(actor: Actor, input: unknown) {
  const seen = seenOf(input);
  return mutate(actor, {
  permission: "routing.manage", event: "routing_rule.updated",
  schema: updateRuleInput, target: "ruleId",
  async execute(tx, { tenantId, ruleId, expectedUpdatedAt, ...fields }) {
    const row = await lockRule(tx, tenantId, ruleId);
    const current = formValuesOf(row);
    if (row.updatedAt.getTime() !== Date.parse(expectedUpdatedAt)) {
      const stale = RULE_FORM_FIELDS.filter((f) => (seen && f in seen ? !same(seen[f], current[f]) : !same(fields[f], current[f])));
      if (stale.length) {
        const by = await tx.auditLog.findFirst({
          where: { tenantId, targetId: row.id, action: { in: ["routing_rule.updated", "routing_rule.created"] }, isFailure: false },
          orderBy: { id: "desc" }, select: { actorName: true },
        });
        const who = by?.actorName ?? "Someone";
        const shown = (f: RuleFormField) => (f === "fallbackModels" ? current.fallbackModels.join(", ") || "none" : (current[f] as string | null) ?? "any");
        throw new MutationRefusal(
          "conflict",
          `${who} saved this rule after you opened it (${stale.map((f) => FIELD_LABELS[f]).join(", ")}). Your changes are still in the form: check the fields marked, then save again.`,
          {
            ...Object.fromEntries(stale.map((f) => [f, [`${who} changed this to “${shown(f)}” meanwhile.`]])),
            expectedUpdatedAt: [row.updatedAt.toISOString()],
          },
        );
      }
    }
    await validateRule(tx, tenantId, fields);
    const changed = RULE_FORM_FIELDS.filter((f) => !same(fields[f], current[f]));
    const updated = changed.length ? await tx.routingRule.update({ where: { id: row.id }, data: { ...ruleData(fields), updatedAt: new Date() } }) : row;
    if (changed.length) await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    const after = formValuesOf(updated);
    return {
      data: await standingOf(tx, tenantId, updated),
      audit: {
        targetId: row.id, targetName: updated.name,
        before: Object.fromEntries(changed.map((f) => [f, current[f]])), after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      },
    };
  },
  }, input);
}

/** Copies a rule as "<name> (copy)", placed right after it (disabled rules copy disabled). */
export const duplicateRule = mutation({
  permission: "routing.manage", event: "routing_rule.created",
  schema: duplicateRuleInput, target: "ruleId",
  async execute(tx, { tenantId, ruleId }) {
    const source = await lockRule(tx, tenantId, ruleId);
    const order = await orderOf(tx, tenantId);
    const name = `${source.name} (copy)`.slice(0, 100);
    const row = await tx.routingRule.create({
      data: { tenantId, priority: source.priority + 1, enabled: source.enabled, ...ruleData({ ...formValuesOf(source), name }) },
    });
    const at = order.findIndex(({ id }) => id === source.id);
    await renumber(tx, tenantId, [...order.slice(0, at + 1).map(({ id }) => id), row.id, ...order.slice(at + 1).map(({ id }) => id)]);
    const placed = await tx.routingRule.findUniqueOrThrow({ where: { id: row.id } });
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return {
      data: await standingOf(tx, tenantId, placed),
      audit: { targetId: row.id, targetName: row.name, after: stateOf(placed), metadata: { duplicatedFrom: source.id } },
    };
  },
});

/** Enables or disables a rule: an update of its `enabled`. */
export const setRuleEnabled = mutation({
  permission: "routing.manage", event: "routing_rule.updated",
  schema: setRuleEnabledInput, target: "ruleId",
  async execute(tx, { tenantId, ruleId, enabled }) {
    const row = await lockRule(tx, tenantId, ruleId);
    if (row.enabled === enabled) throw new MutationRefusal("conflict", `${row.name} is already ${enabled ? "enabled" : "disabled"}.`);
    const updated = await tx.routingRule.update({ where: { id: row.id }, data: { enabled, updatedAt: new Date() } });
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return {
      data: await standingOf(tx, tenantId, updated),
      audit: { targetId: row.id, targetName: row.name, before: { enabled: row.enabled }, after: { enabled } },
    };
  },
});

/** Deletes a rule; the ones after it move up. */
export const deleteRule = mutation({
  permission: "routing.manage", event: "routing_rule.deleted",
  schema: deleteRuleInput, target: "ruleId",
  async execute(tx, { tenantId, ruleId }) {
    const row = await lockRule(tx, tenantId, ruleId);
    await tx.routingRule.delete({ where: { id: row.id } });
    await renumber(tx, tenantId, (await orderOf(tx, tenantId)).map(({ id }) => id));
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return { data: { id: row.id, name: row.name }, audit: { targetId: row.id, targetName: row.name, before: stateOf(row) } };
  },
});

/** Moves a rule up or down by one place. */
export const moveRule = mutation({
  permission: "routing.manage", event: "routing_rule.reordered",
  schema: moveRuleInput, target: "ruleId",
  async execute(tx, { tenantId, ruleId, direction }) {
    const row = await lockRule(tx, tenantId, ruleId);
    const before = await orderOf(tx, tenantId);
    const at = before.findIndex(({ id }) => id === row.id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= before.length) throw new MutationRefusal("conflict", `${row.name} is already ${direction === "up" ? "first" : "last"}.`);
    const after = [...before];
    [after[at], after[to]] = [after[to], after[at]];
    await renumber(tx, tenantId, after.map(({ id }) => id));
    await notifyConfigEvent(tx, { kind: "routing", tenantId, id: row.id });
    return {
      data: { order: after.map(({ id }) => id) },
      audit: { targetId: row.id, targetName: row.name, before: { order: before.map(({ name }) => name) }, after: { order: after.map(({ name }) => name) } },
    };
  },
});

/** Puts the tenant's rules in the order given (a drag): refused unless it lists each of them exactly once. */
export const reorderRules = mutation({
  permission: "routing.manage", event: "routing_rule.reordered",
  schema: reorderRulesInput,
  async execute(tx, { tenantId, order }) {
    await lockTenant(tx, tenantId);
    const before = await orderOf(tx, tenantId);
    const known = new Set(before.map(({ id }) => id));
    if (order.length !== before.length || new Set(order).size !== order.length || !order.every((id) => known.has(id))) {
      throw new MutationRefusal("conflict", "The rules changed since this page was loaded: reload it, then reorder again.", {
        order: ["The order must list each of this tenant's rules exactly once."],
      });
    }
    await renumber(tx, tenantId, order);
    const byId = new Map(before.map(({ id, name }) => [id, name]));
    // the rule that moved: the first whose place changed that is not just shifted by it
    const moved = before.find(({ id }, i) => order[i] !== id);
    if (moved) await notifyConfigEvent(tx, { kind: "routing", tenantId, id: null });
    return {
      data: { order },
      audit: {
        targetId: null, targetName: null,
        before: { order: before.map(({ name }) => name) }, after: { order: order.map((id) => byId.get(id)!) },
      },
    };
  },
});
