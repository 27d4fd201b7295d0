"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
// Create and roll answer with the new key: that response is the only place it ever travels.
import { tenantPageActionOf } from "@/lib/auth/action";
import { createApiKey, revokeApiKey, rollApiKey } from "@/lib/domain/keys/service";

export const createApiKeyAction = tenantPageActionOf(createApiKey);
export const revokeApiKeyAction = tenantPageActionOf(revokeApiKey);
export const rollApiKeyAction = tenantPageActionOf(rollApiKey);
