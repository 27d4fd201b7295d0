"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { setEntitlement } from "@/lib/domain/products/service";

export const setEntitlementAction = tenantPageActionOf(setEntitlement);
