// Inputs of the people service (the staff page), with the messages shown beside each control.
import { z } from "zod";
import { StaffRole } from "@/lib/db/generated/enums";
import { idOf } from "@/lib/domain/schemas";

const userId = idOf("a person's");

/** A staff role, or "none" for none: what the staff page's role control sends. */
export const STAFF_ROLE_CHOICES = [...Object.values(StaffRole), "none"] as const;

export const changeStaffRoleInput = z.object({
  userId,
  staffRole: z.enum(STAFF_ROLE_CHOICES, "Choose admin, sales, support or no staff role.").transform((role) => (role === "none" ? null : role)),
});

export const personInput = z.object({ userId });
