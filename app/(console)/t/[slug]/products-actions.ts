"use server";
// A public POST endpoint: formAction resolves the actor and the service authorizes. The tenant slug is bound
// by the page and only names the page to refresh.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { setEntitlement } from "@/lib/domain/products/service";

export async function setEntitlementAction(tenantSlug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, setEntitlement);
  revalidatePath(`/t/${tenantSlug}`);
  return state;
}
