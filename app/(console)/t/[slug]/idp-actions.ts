"use server";
// Public POST endpoints: formAction resolves the actor, the service validates and authorizes. The section
// binds `slug` (only used to refresh the page; a forged one refreshes another page, nothing more).
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { markIdpVerified, removeIdpConfig, saveOidcConfig, saveSamlConfig } from "@/lib/domain/idp/service";

export async function saveOidcConfigAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, saveOidcConfig);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function saveSamlConfigAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, saveSamlConfig);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function markIdpVerifiedAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, markIdpVerified);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function removeIdpConfigAction(slug: string, _previous: FormState, formData: FormData) {
  const state = await formAction(formData, removeIdpConfig);
  revalidatePath(`/t/${slug}`);
  return state;
}
