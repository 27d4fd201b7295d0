"use server";
// Public POST endpoints, one per export: see tenantPageActionOf. The what-if is a read: nothing to refresh.
import { formAction, tenantPageActionOf, type FormState } from "@/lib/auth/action";
import { createRule, deleteRule, duplicateRule, moveRule, reorderRules, setRuleEnabled, updateRule } from "@/lib/domain/routing/service";
import { simulateRouting, type Simulation } from "@/lib/domain/routing/simulate";

export const createRuleAction = tenantPageActionOf(createRule);
export const updateRuleAction = tenantPageActionOf(updateRule);
export const duplicateRuleAction = tenantPageActionOf(duplicateRule);
export const setRuleEnabledAction = tenantPageActionOf(setRuleEnabled);
export const deleteRuleAction = tenantPageActionOf(deleteRule);
export const moveRuleAction = tenantPageActionOf(moveRule);
export const reorderRulesAction = tenantPageActionOf(reorderRules);

export async function simulateRulesAction(_slug: string, _previous: FormState<Simulation>, formData: FormData) {
  return formAction(formData, simulateRouting);
}
