"use server";
// Public POST endpoints: formAction resolves the actor; the services validate and authorize.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { createTenant, updateTenantDetails } from "@/lib/domain/tenants/service";

export async function createTenantAction(_previous: FormState, formData: FormData) {
  const state = await formAction(formData, createTenant);
  revalidatePath("/tenants");
  return state;
}

export async function updateTenantDetailsAction(_previous: FormState, formData: FormData) {
  const state = await formAction(formData, updateTenantDetails);
  revalidatePath(`/t/${formData.get("slug")}`);
  return state;
}
