"use server";
// Public POST endpoints: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { setEntitlement } from "@/lib/domain/products/service";

export async function setEntitlementAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, setEntitlement);
}
