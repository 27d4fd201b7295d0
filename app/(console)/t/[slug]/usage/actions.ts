"use server";
// A public POST endpoint: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { setBudget } from "@/lib/domain/usage/budget";

export async function setBudgetAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, setBudget);
}
