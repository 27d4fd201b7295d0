// Inputs of the routing rules service, with the messages shown under each form field. Whether a provider is
// configured for the tenant, whether a price is in force and whether a rule is shadowed need the database: the
// service decides those.
import { z } from "zod";
import { emptyAsNone, idOf, tenantId, trimmedName } from "@/lib/domain/schemas";
import { COMPLEXITIES, STRATEGIES } from "./engine";

export const ruleId = idOf("a routing rule");

/** The most fallbacks a rule may list, and rules a tenant may have (a reorder names them all). */
export const MAX_FALLBACKS = 10;
export const MAX_RULES = 200;

const STRATEGY_NAMES = "passthrough, cheapest, quality_first or cascading";

/** Optional text of at most `max` characters, trimmed; empty (or null) means none (stored as null). */
const optionalText = (what: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? emptyAsNone(value.trim()) : emptyAsNone(value)),
    z.string(`${what} must be text.`).max(max, `At most ${max} characters.`)
      .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), `${what} cannot contain control characters.`)
      .optional(),
  ).transform((value) => value ?? null);

/** A model id or reference: no spaces, no control characters. */
const modelText = (what: string) =>
  optionalText(what, 200).refine((text) => text === null || !/\s/.test(text), `${what} cannot contain spaces.`);

/** Fallbacks: a list, or a form's text with one reference a line (or comma-separated); empty entries dropped. */
const fallbackModels = z.preprocess(
  (value) => {
    if (value === undefined || value === null || value === "") return [];
    if (typeof value === "string") return value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(value)) return value.map((s) => (typeof s === "string" ? s.trim() : s)).filter((s) => s !== "");
    return value;
  },
  z.array(z.string("Each fallback is a model reference, like anthropic/claude-3-5-haiku."), "Fallbacks are a list of model references.")
    .max(MAX_FALLBACKS, `At most ${MAX_FALLBACKS} fallbacks.`)
    .superRefine((list, ctx) => {
      const bad = list.filter((ref) => ref.length > 200 || /[\s\u0000-\u001f\u007f]/.test(ref));
      if (bad.length) ctx.addIssue({ code: "custom", message: "A fallback is a model reference without spaces, at most 200 characters, like anthropic/claude-3-5-haiku." });
      const seen = new Set<string>();
      const twice = list.filter((ref) => (seen.has(ref) ? true : (seen.add(ref), false)));
      if (twice.length) ctx.addIssue({ code: "custom", message: `${[...new Set(twice)].join(", ")} is listed twice: each fallback once.` });
    }),
);

/** What a rule says: the fields of its form. */
export const ruleFields = {
  name: trimmedName("Give the rule a name.", 100).refine((text) => !/[\u0000-\u001f\u007f]/.test(text), "The name cannot contain control characters."),
  matchModel: modelText("The model pattern"),
  matchFeature: optionalText("The feature", 100),
  matchTeam: optionalText("The team", 100),
  matchComplexity: z.preprocess(emptyAsNone, z.enum(COMPLEXITIES, "Choose low, medium or high complexity, or any.").optional()).transform((v) => v ?? null),
  strategy: z.enum(STRATEGIES, `Choose a strategy: ${STRATEGY_NAMES}.`),
  targetProvider: optionalText("The target provider", 50),
  targetModel: modelText("The target model"),
  fallbackModels,
};

/** The fields a rule's form edits, in the form's order: a stale save names those someone else changed. */
export const RULE_FORM_FIELDS = ["name", "matchModel", "matchFeature", "matchTeam", "matchComplexity", "strategy", "targetProvider", "targetModel", "fallbackModels"] as const;
export type RuleFormField = (typeof RULE_FORM_FIELDS)[number];

export const createRuleInput = z.object({ tenantId, ...ruleFields });

export const updateRuleInput = z.object({
  tenantId, ruleId, ...ruleFields,
  expectedUpdatedAt: z.iso.datetime({ message: "The form does not say which version of the rule it was opened on: reload the page." }),
});

export const duplicateRuleInput = z.object({ tenantId, ruleId });
export const deleteRuleInput = z.object({ tenantId, ruleId });

export const setRuleEnabledInput = z.object({
  tenantId, ruleId,
  enabled: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean("Say whether the rule is enabled (true or false).")),
});

export const moveRuleInput = z.object({ tenantId, ruleId, direction: z.enum(["up", "down"], "Move a rule up or down.") });

export const reorderRulesInput = z.object({
  tenantId,
  order: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((s) => s.trim()).filter(Boolean) : value),
    z.array(ruleId, "The order is a list of the tenant's rule ids.").min(1, "The order lists the tenant's rules.").max(MAX_RULES, `At most ${MAX_RULES} rules.`),
  ),
});
