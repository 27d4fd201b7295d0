"use server";
// Public POST endpoints: tenantPageAction resolves the actor, the service validates and authorizes.
import { tenantPageAction, type FormState } from "@/lib/auth/action";
import { changeMemberRole, inviteMember, removeMember, resendInvitation, revokeInvitation } from "@/lib/domain/members/service";

export async function inviteMemberAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, inviteMember);
}

export async function resendInvitationAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, resendInvitation);
}

export async function revokeInvitationAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, revokeInvitation);
}

export async function changeMemberRoleAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, changeMemberRole);
}

export async function removeMemberAction(slug: string, _previous: FormState, formData: FormData) {
  return tenantPageAction(slug, formData, removeMember);
}
