"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { setBudget } from "@/lib/domain/usage/budget";

export const setBudgetAction = tenantPageActionOf(setBudget);
