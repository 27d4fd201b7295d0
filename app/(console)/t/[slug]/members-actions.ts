"use server";
// Each export here is a public POST endpoint: formAction resolves the actor and the service authorizes.
// The slug (bound by the page) only names the page to refresh; the tenant comes from the form and is checked.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { changeMemberRole, inviteMember, removeMember, resendInvitation, revokeInvitation } from "@/lib/domain/members/service";

export async function inviteMemberAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, inviteMember);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function resendInvitationAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, resendInvitation);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function revokeInvitationAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, revokeInvitation);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function changeMemberRoleAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, changeMemberRole);
  revalidatePath(`/t/${slug}`);
  return state;
}

export async function removeMemberAction(slug: string, _state: FormState, formData: FormData) {
  const state = await formAction(formData, removeMember);
  revalidatePath(`/t/${slug}`);
  return state;
}
