"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { updateTenantDetails } from "@/lib/domain/tenants/service";

export const updateTenantDetailsAction = tenantPageActionOf(updateTenantDetails);
