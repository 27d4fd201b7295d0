"use server";
// Public POST endpoints, one per export: see tenantPageActionOf.
import { tenantPageActionOf } from "@/lib/auth/action";
import { changeMemberRole, inviteMember, removeMember, resendInvitation, revokeInvitation } from "@/lib/domain/members/service";

export const inviteMemberAction = tenantPageActionOf(inviteMember);
export const resendInvitationAction = tenantPageActionOf(resendInvitation);
export const revokeInvitationAction = tenantPageActionOf(revokeInvitation);
export const changeMemberRoleAction = tenantPageActionOf(changeMemberRole);
export const removeMemberAction = tenantPageActionOf(removeMember);
