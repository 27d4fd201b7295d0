"use server";
// A public POST endpoint: formAction resolves the actor; the service validates and authorizes.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { createTenant } from "@/lib/domain/tenants/service";

export async function createTenantAction(_previous: FormState, formData: FormData) {
  const state = await formAction(formData, createTenant);
  revalidatePath("/tenants");
  return state;
}
