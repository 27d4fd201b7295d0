"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { markIdpVerified, removeIdpConfig, saveOidcConfig, saveSamlConfig } from "@/lib/domain/idp/service";

export const saveOidcConfigAction = tenantPageActionOf(saveOidcConfig);
export const saveSamlConfigAction = tenantPageActionOf(saveSamlConfig);
export const markIdpVerifiedAction = tenantPageActionOf(markIdpVerified);
export const removeIdpConfigAction = tenantPageActionOf(removeIdpConfig);
