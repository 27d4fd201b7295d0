"use server";
// Public POST endpoints: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { archiveTenant, changeTenantStatus, extendTrial } from "@/lib/domain/tenants/lifecycle";

export async function changeTenantStatusAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, changeTenantStatus);
}

export async function extendTrialAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, extendTrial);
}

export async function archiveTenantAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, archiveTenant);
}
