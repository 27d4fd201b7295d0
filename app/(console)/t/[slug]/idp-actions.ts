"use server";
// Public POST endpoints: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { markIdpVerified, removeIdpConfig, saveOidcConfig, saveSamlConfig } from "@/lib/domain/idp/service";

export async function saveOidcConfigAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, saveOidcConfig);
}

export async function saveSamlConfigAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, saveSamlConfig);
}

export async function markIdpVerifiedAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, markIdpVerified);
}

export async function removeIdpConfigAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, removeIdpConfig);
}
