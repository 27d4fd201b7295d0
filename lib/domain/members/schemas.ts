// Inputs of the members service, with the messages shown under each form field.
import { z } from "zod";
import { MemberRole } from "@/lib/db/generated/enums";
import { idOf, tenantId } from "@/lib/domain/schemas";

const role = z.enum(MemberRole, "Choose owner, member or viewer.");

export const inviteInput = z.object({
  tenantId,
  // The database keeps invitation emails lowercase (CHECK), and sign-in matches them lowercased.
  email: z
    .string("Enter an email address.")
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email("Enter an email address like name@example.com.")),
  role,
});

export const invitationInput = z.object({ tenantId, invitationId: idOf("an invitation") });

const membershipId = idOf("a member");
export const membershipInput = z.object({ tenantId, membershipId });
export const changeRoleInput = z.object({ tenantId, membershipId, role });
