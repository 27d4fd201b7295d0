"use server";
// Each export here is a public POST endpoint: formAction resolves the actor and the service authorizes.
// The bound slug only names the page to refresh.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { archiveTenant, changeTenantStatus, extendTrial } from "@/lib/domain/tenants/lifecycle";

export async function changeTenantStatusAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, changeTenantStatus);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function extendTrialAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, extendTrial);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function archiveTenantAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, archiveTenant);
  revalidatePath(`/t/${slug}`);
  return state;
}
