"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { createRule, deleteRule, duplicateRule, moveRule, reorderRules, setRuleEnabled, updateRule } from "@/lib/domain/routing/service";

export const createRuleAction = tenantPageActionOf(createRule);
export const updateRuleAction = tenantPageActionOf(updateRule);
export const duplicateRuleAction = tenantPageActionOf(duplicateRule);
export const setRuleEnabledAction = tenantPageActionOf(setRuleEnabled);
export const deleteRuleAction = tenantPageActionOf(deleteRule);
export const moveRuleAction = tenantPageActionOf(moveRule);
export const reorderRulesAction = tenantPageActionOf(reorderRules);
