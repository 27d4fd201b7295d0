import { z } from "zod";
import { TenantKind, TenantPlan, TenantStatus } from "@/lib/db/generated/enums";
import { PLATFORM_TENANT_FILTER } from "@/lib/domain/audit/params";
import { CONTRACT_DAY, dateWithin, dayWithin, TRIAL_END, TRIAL_MAX_DAYS } from "@/lib/domain/date-bounds";
import { tenantId, trimmedName } from "@/lib/domain/schemas";

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

const tenantName = trimmedName("Give the tenant a name.", 200);
const erpCustomerId = optionalText(100);

/** A contract's days in order, the end (when given) not before the start: the details form's rule and an activation's. */
const contractInOrder: [(v: { contractStart?: string | null; contractEnd?: string | null }) => boolean, { path: string[]; message: string }] = [
  (v) => !v.contractStart || !v.contractEnd || v.contractEnd >= v.contractStart,
  { path: ["contractEnd"], message: "The contract cannot end before it starts." },
];

export const createTenantInput = z.object({
  slug: z.string().trim().regex(TENANT_SLUG, "3–40 characters: lowercase letters, digits and dashes, not starting or ending with a dash.")
    // the staff audit log's filter for the platform's own events goes by this name
    .refine((slug) => slug !== PLATFORM_TENANT_FILTER, `"${PLATFORM_TENANT_FILTER}" is reserved: choose another slug.`),
  name: tenantName,
  kind: z.enum(TenantKind, "Choose customer or demo."),
  plan: z.enum(TenantPlan, "Choose a plan."),
  trialDays: z.coerce.number().int("Whole days.").min(1, "At least 1 day.").max(TRIAL_MAX_DAYS, `At most ${TRIAL_MAX_DAYS} days.`).default(14),
  ownerEmail: z.email("Enter the first owner's email address.").transform((v) => v.toLowerCase()),
  erpCustomerId,
});

export const updateTenantDetailsInput = z
  .object({
    tenantId,
    /** updated_at as the form saw it (ISO, millisecond precision): the optimistic-concurrency token */
    expectedUpdatedAt: z.iso.datetime({ offset: true, error: "The form is out of date: reload the page." }),
    name: tenantName,
    plan: z.enum(TenantPlan, "Choose a plan."),
    erpCustomerId,
    stripeCustomerId: optionalText(100).refine((v) => !v || /^cus_[A-Za-z0-9]+$/.test(v), "Stripe customer ids look like cus_…"),
    contractStart: optionalContractDay,
    contractEnd: optionalContractDay,
    // a staff person's id, or "" for none; whether they may own accounts, the service asks
    salesOwnerId: z.union([z.literal("").transform(() => null), z.uuid("Choose a person of the sales or admin staff.")]).nullable().optional(),
  })
  .refine(...contractInOrder);

export type TenantDetails = z.output<typeof updateTenantDetailsInput>;

// The lifecycle services' inputs (./lifecycle.ts): each move gives a reason for the audit log.
const reasonInput = z
  .string("Say why.")
  .trim()
  .min(3, "Say why, in at least 3 characters.")
  .max(500, "Keep the reason to 500 characters.");

export const changeStatusInput = z.object({
  tenantId,
  // archiving deletes the tenant's data, so only archiveTenant does it, once the slug is typed
  to: z.enum(TenantStatus, "Choose a status.").refine((to) => to !== "archived", "Archive the tenant with Archive…, which asks you to type its slug."),
  /** the status the caller saw: when given and the tenant has moved on meanwhile, the change is a conflict */
  from: z.enum(TenantStatus).optional(),
  reason: reasonInput,
  // activating a trial sets the plan and contract the customer signed, in the same step (changeTenantStatus)
  plan: z.enum(TenantPlan, "Choose a plan.").optional(),
  contractStart: optionalContractDay,
  contractEnd: optionalContractDay,
  // freezing may leave the tenant's people a message; the reason is staff's internal note
  statusMessage: optionalText(500),
}).refine(...contractInOrder);

export const extendTrialInput = z.object({
  tenantId,
  // as far from today as a new tenant's trial may run, whatever the current end
  trialEndsAt: dateWithin(TRIAL_END, { invalid: "Pick the day the trial should end.", early: "The new end must be in the future." }),
  reason: reasonInput,
});

export const archiveInput = z.object({ tenantId, confirmSlug: z.string("Type the tenant's slug to confirm.").trim(), reason: reasonInput });

