"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { archiveTenant, changeTenantStatus, extendTrial } from "@/lib/domain/tenants/lifecycle";

export const changeTenantStatusAction = tenantPageActionOf(changeTenantStatus);
export const extendTrialAction = tenantPageActionOf(extendTrial);
export const archiveTenantAction = tenantPageActionOf(archiveTenant);
