"use server";
// Public POST endpoints, one per export: see tenantPageActionOf. Test connection is a read: nothing to refresh.
import { formAction, tenantPageActionOf, type FormState } from "@/lib/auth/action";
import { testProviderConnection, type ConnectionReport } from "@/lib/domain/providers/connection";
import { createProvider, removeProvider, setDefaultProvider, updateProvider } from "@/lib/domain/providers/service";

export const createProviderAction = tenantPageActionOf(createProvider);
export const updateProviderAction = tenantPageActionOf(updateProvider);
export const setDefaultProviderAction = tenantPageActionOf(setDefaultProvider);
export const removeProviderAction = tenantPageActionOf(removeProvider);

export async function testProviderConnectionAction(_slug: string, _previous: FormState<ConnectionReport>, formData: FormData) {
  return formAction(formData, testProviderConnection);
}
