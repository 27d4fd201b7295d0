"use server";
// Public POST endpoints: formAction resolves the actor; the people service validates and authorizes.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { changeStaffRole, disablePerson, enablePerson } from "@/lib/domain/people/service";

export async function changeStaffRoleAction(_previous: FormState, formData: FormData) {
  return staffPageAction(formData, changeStaffRole);
}

export async function disablePersonAction(_previous: FormState, formData: FormData) {
  return staffPageAction(formData, disablePerson);
}

export async function enablePersonAction(_previous: FormState, formData: FormData) {
  return staffPageAction(formData, enablePerson);
}

// not exported, so no endpoint: runs the service on the form and redraws the staff page
async function staffPageAction(formData: FormData, service: Parameters<typeof formAction>[1]) {
  const state = await formAction(formData, service);
  revalidatePath("/staff");
  return state;
}
