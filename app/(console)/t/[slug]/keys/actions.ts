"use server";
// Each export here is a public POST endpoint: formAction resolves the actor and the service authorizes.
// The slug (bound by the page) only names the page to refresh; the tenant comes from the form and is checked.
// Create and roll answer with the new key: that response is the only place it ever travels.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { createApiKey, revokeApiKey, rollApiKey } from "@/lib/domain/keys/service";

export async function createApiKeyAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, createApiKey);
  revalidatePath(`/t/${slug}/keys`);
  return state;
}

export async function revokeApiKeyAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, revokeApiKey);
  revalidatePath(`/t/${slug}/keys`);
  return state;
}

export async function rollApiKeyAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, rollApiKey);
  revalidatePath(`/t/${slug}/keys`);
  return state;
}
