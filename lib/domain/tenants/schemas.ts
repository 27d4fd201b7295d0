import { z } from "zod";
import { TenantKind, TenantPlan } from "@/lib/db/generated/enums";
import { PLATFORM_TENANT_FILTER } from "@/lib/domain/audit/params";
import { CONTRACT_DAY, dayWithin, TRIAL_MAX_DAYS } from "@/lib/domain/date-bounds";

export const TENANT_SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

// Form fields arrive as strings; an empty one means "none".
const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).transform((v) => v || null).nullable().optional();
const optionalContractDay = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(dayWithin(CONTRACT_DAY, "Use a date like 2027-01-31.").nullable())
  .nullable()
  .optional();

export const createTenantInput = z.object({
  slug: z.string().trim().regex(TENANT_SLUG, "3–40 characters: lowercase letters, digits and dashes, not starting or ending with a dash.")
    // the staff audit log's filter for the platform's own events goes by this name
    .refine((slug) => slug !== PLATFORM_TENANT_FILTER, `"${PLATFORM_TENANT_FILTER}" is reserved: choose another slug.`),
  name: z.string().trim().min(1, "Give the tenant a name.").max(200, "At most 200 characters."),
  kind: z.enum(TenantKind, "Choose customer or demo."),
  plan: z.enum(TenantPlan, "Choose a plan."),
  trialDays: z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(TRIAL_MAX_DAYS, `At most ${TRIAL_MAX_DAYS} days.`).default(14),
  ownerEmail: z.email("Enter the first owner's email address.").transform((v) => v.toLowerCase()),
});

export const updateTenantDetailsInput = z
  .object({
    tenantId: z.uuid(),
    /** updated_at as the form saw it (ISO, millisecond precision): the optimistic-concurrency token */
    expectedUpdatedAt: z.iso.datetime({ offset: true, error: "The form is out of date: reload the page." }),
    name: z.string().trim().min(1, "Give the tenant a name.").max(200, "At most 200 characters."),
    plan: z.enum(TenantPlan, "Choose a plan."),
    erpCustomerId: optionalText(100),
    stripeCustomerId: optionalText(100).refine((v) => !v || /^cus_[A-Za-z0-9]+$/.test(v), "Stripe customer ids look like cus_…"),
    contractStart: optionalContractDay,
    contractEnd: optionalContractDay,
    salesOwner: optionalText(200),
  })
  .refine((v) => !v.contractStart || !v.contractEnd || v.contractEnd >= v.contractStart, {
    path: ["contractEnd"],
    message: "The contract cannot end before it starts.",
  });

export type TenantDetails = z.output<typeof updateTenantDetailsInput>;
