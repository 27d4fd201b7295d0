"use client";
// The lifecycle's buttons for sales and admin staff: one per transition the table allows now (the section
// passes them), extending a trial, and archiving. Each opens a dialog that asks for a reason; activating a trial
// also asks for the plan and contract the customer signed.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-form";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { ActionForm, FormAction } from "@/components/ui/use-action-form";
import type { TenantPlan, TenantStatus } from "@/lib/db/generated/enums";
import { CONTRACT_DAY, dayAfter, dayBounds, TRIAL_END, TRIAL_MAX_DAYS } from "@/lib/domain/date-bounds";
import { TENANT_PLAN_OPTIONS } from "@/lib/domain/tenants/list-params";
import { formatDay, formatMinute } from "@/lib/format-time";

/** The server actions, bound to the tenant's page by the section. */
export type LifecycleActions = { changeStatus: FormAction; extendTrial: FormAction; archive: FormAction };
type FieldsProps = Pick<ActionForm, "errors" | "value">;

const MOVES: Partial<Record<TenantStatus, { button: string; effect: string }>> = {
  active: { button: "Activate", effect: "It becomes a customer in good standing: its people can use and change it." },
  frozen: { button: "Freeze", effect: "Its API keys are refused, and its members keep reading but can change nothing, until it is activated again." },
};

const REMOVED_ON_ARCHIVE = [
  "API keys", "provider keys", "feature flags", "routing rules", "usage events and rollups", "webhooks and their deliveries",
  "pending invitations", "product entitlements", "identity provider settings", "projects",
];

/** A button opening a dialog whose form asks for a reason and submits `action` with `hidden` fields. */
function ReasonDialog({ trigger, variant = "secondary", hidden, canSubmit = true, fields, ...dialog }: {
  trigger: string;
  variant?: "primary" | "secondary" | "danger";
  title: string;
  description: string;
  action: FormAction;
  hidden: Record<string, string>;
  submitLabel: string;
  successToast: string;
  canSubmit?: boolean;
  fields?: (props: FieldsProps) => React.ReactNode;
}) {
  const id = useId();
  return (
    <ActionDialog
      {...dialog}
      trigger={<Button variant={variant}>{trigger}</Button>}
      fields={hidden}
      pendingLabel="Saving…"
      danger={variant === "danger"}
      submitDisabled={!canSubmit}
    >
      {(form) => (
        <>
          {fields?.(form)}
          <Field id={`${id}-reason`} label="Reason" hint="An internal note: kept in the audit log and shown to staff only, never to the tenant's people. 3 to 500 characters." errors={form.errors("reason")}>
            {(control) => <Textarea {...control} name="reason" rows={3} required minLength={3} maxLength={500} defaultValue={form.value("reason")} />}
          </Field>
        </>
      )}
    </ActionDialog>
  );
}

function ArchiveDialog({ tenantId, slug, name, action }: { tenantId: string; slug: string; name: string; action: FormAction }) {
  const [typed, setTyped] = useState("");
  const id = useId();
  return (
    <ReasonDialog
      trigger="Archive…"
      variant="danger"
      title={`Archive ${name}`}
      description="Archiving is final: the tenant cannot be activated again."
      action={action}
      hidden={{ tenantId }}
      submitLabel="Archive for good"
      successToast={`${name} archived`}
      canSubmit={typed.trim() === slug}
      fields={({ errors }) => (
        <>
          <div className="text-sm">
            <p>These are deleted, in one go:</p>
            <ul className="mt-1 list-disc pl-5 text-zinc-700 dark:text-zinc-300">
              {REMOVED_ON_ARCHIVE.map((what) => <li key={what}>{what}</li>)}
            </ul>
            <p className="mt-2">The tenant itself, its memberships and its audit log are kept.</p>
          </div>
          <Field id={`${id}-slug`} label={`Type ${slug} to confirm`} errors={errors("confirmSlug")}>
            {(control) => (
              <Input {...control} name="confirmSlug" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} required />
            )}
          </Field>
        </>
      )}
    />
  );
}

/**
 * The days a trial ending at `trialEndsAt` may be extended to: after its current end (a moment; the picker offers
 * days, which start at midnight UTC) and within the cap from today. Null when it already ends on the last day allowed.
 */
function extensionDays(trialEndsAt: string | null): { min: string; max: string } | null {
  const { min, max } = dayBounds(TRIAL_END);
  if (!trialEndsAt || Date.parse(trialEndsAt) < Date.parse(min)) return { min, max };
  if (Date.parse(trialEndsAt) >= Date.parse(max)) return null;
  return { min: dayAfter(new Date(trialEndsAt)), max };
}

/** The plan and contract days of a trial being activated, prefilled with what the tenant has (a contract from today if none). */
function ContractFields({ tenant, errors, value }: FieldsProps & { tenant: LifecycleTenant }) {
  const id = useId();
  const days = dayBounds(CONTRACT_DAY);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field id={`${id}-plan`} label="Plan" errors={errors("plan")}>
        {(control) => (
          <Select {...control} name="plan" defaultValue={value("plan", tenant.plan)}>
            {TENANT_PLAN_OPTIONS.map((plan) => <option key={plan.value} value={plan.value}>{plan.label}</option>)}
          </Select>
        )}
      </Field>
      <Field id={`${id}-start`} label="Contract start" errors={errors("contractStart")}>
        {(control) => <Input {...control} name="contractStart" type="date" {...days} required defaultValue={value("contractStart", tenant.contractStart ?? formatDay(new Date()))} />}
      </Field>
      <Field id={`${id}-end`} label="Contract end" hint="Empty: until cancelled." errors={errors("contractEnd")}>
        {(control) => <Input {...control} name="contractEnd" type="date" {...days} defaultValue={value("contractEnd", tenant.contractEnd ?? "")} />}
      </Field>
    </div>
  );
}

/** A freeze's optional message to the tenant's people, beside the reason that only staff read. */
function MessageToTenantField({ errors, value }: FieldsProps) {
  const id = useId();
  return (
    <Field
      id={`${id}-message`}
      label="Message to the tenant (optional)"
      hint="Shown to the tenant's people on every page while it is frozen, with whom to contact. Cleared when it is activated again."
      errors={errors("statusMessage")}
    >
      {(control) => <Textarea {...control} name="statusMessage" rows={2} maxLength={500} defaultValue={value("statusMessage")} />}
    </Field>
  );
}

function ExtendTrialDialog({ tenantId, trialEndsAt, action }: { tenantId: string; trialEndsAt: string | null; action: FormAction }) {
  const id = useId();
  const days = extensionDays(trialEndsAt);
  return (
    <ReasonDialog
      trigger="Extend trial…"
      title="Extend the trial"
      description={trialEndsAt ? `The trial ends ${formatMinute(new Date(trialEndsAt))} now.` : "Set when the trial ends."}
      action={action}
      hidden={{ tenantId }}
      submitLabel="Extend trial"
      successToast="Trial extended"
      canSubmit={days !== null}
      fields={({ errors, value }) => days ? (
        <Field
          id={`${id}-end`}
          label="New trial end"
          hint={`The trial ends at the start of this day (UTC), at most ${TRIAL_MAX_DAYS} days from today.`}
          errors={errors("trialEndsAt")}
        >
          {(control) => <Input {...control} name="trialEndsAt" type="date" {...days} defaultValue={value("trialEndsAt")} required />}
        </Field>
      ) : (
        <p className="text-sm">It already ends on the last day a trial may: {TRIAL_MAX_DAYS} days from today. Activate the tenant to keep it going.</p>
      )}
    />
  );
}

/** The tenant as the lifecycle's dialogs need it. */
export interface LifecycleTenant {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: TenantPlan;
  /** ISO */
  trialEndsAt: string | null;
  /** yyyy-mm-dd */
  contractStart: string | null;
  contractEnd: string | null;
}

export function LifecycleControl({ tenant, allowed, actions }: {
  tenant: LifecycleTenant;
  /** allowedTransitions of the tenant: the only moves offered */
  allowed: TenantStatus[];
  actions: LifecycleActions;
}) {
  const { id: tenantId, slug, name, status } = tenant;
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.filter((to) => to !== "archived").map((to) => {
        const move = MOVES[to] ?? { button: `Move to ${to}`, effect: "" };
        const activatesTrial = status === "trial" && to === "active";
        return (
          <ReasonDialog
            key={to}
            trigger={move.button}
            variant={to === "frozen" ? "danger" : "primary"}
            title={`${move.button} ${name}`}
            description={`From ${status} to ${to}. ${move.effect}${activatesTrial ? " Its plan and contract are set in the same step." : ""}`}
            action={actions.changeStatus}
            hidden={{ tenantId, from: status, to }}
            submitLabel={move.button}
            successToast={`${name} is now ${to}`}
            fields={activatesTrial ? (form) => <ContractFields tenant={tenant} {...form} /> : to === "frozen" ? MessageToTenantField : undefined}
          />
        );
      })}
      {status === "trial" && <ExtendTrialDialog tenantId={tenantId} trialEndsAt={tenant.trialEndsAt} action={actions.extendTrial} />}
      {allowed.includes("archived") && <ArchiveDialog tenantId={tenantId} slug={slug} name={name} action={actions.archive} />}
    </div>
  );
}
