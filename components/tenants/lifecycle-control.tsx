"use client";
// The lifecycle's buttons for sales and admin staff: one per transition the table allows now (the section
// passes them), extending a trial, and archiving. Each opens a dialog that asks for a reason.
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";
import type { TenantStatus } from "@/lib/db/generated/enums";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
/** The server actions, bound to the tenant's page by the section. */
export type LifecycleActions = { changeStatus: Action; extendTrial: Action; archive: Action };
type FieldsProps = { errors?: Record<string, string[]>; value: (name: string) => string };

const MOVES: Partial<Record<TenantStatus, { button: string; effect: string }>> = {
  active: { button: "Activate", effect: "It becomes a customer in good standing: its people can use and change it." },
  frozen: { button: "Freeze", effect: "Its members keep reading but can change nothing until it is activated again." },
};

const REMOVED_ON_ARCHIVE = [
  "API keys", "provider keys", "feature flags", "routing rules", "usage events and rollups", "webhooks and their deliveries",
  "pending invitations", "product entitlements", "identity provider settings", "projects",
];

/** A button opening a dialog whose form asks for a reason and submits `action` with `hidden` fields. */
function ActionDialog({ trigger, variant = "secondary", title, description, action, hidden, submitLabel, canSubmit = true, fields }: {
  trigger: string;
  variant?: "primary" | "secondary" | "danger";
  title: string;
  description: string;
  action: Action;
  hidden: Record<string, string>;
  submitLabel: string;
  canSubmit?: boolean;
  fields?: (props: FieldsProps) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState<FormState, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next?.ok) setOpen(false);
    return next;
  }, null);
  const id = useId();
  const failure = state && !state.ok ? state : null;
  const errors = failure?.kind === "validation" ? failure.fieldErrors : undefined;
  // what cannot be shown under a field: a refusal, or an error about one of the hidden fields
  const message = failure && (failure.kind !== "validation" ? failure.message : Object.keys(hidden).flatMap((name) => errors?.[name] ?? []).join(" "));
  const value = (name: string) => (failure ? failure.values[name] ?? "" : "");

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant}>{trigger}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form action={submit} className="space-y-3">
          {Object.entries(hidden).map(([name, v]) => <input key={name} type="hidden" name={name} value={v} />)}
          <FormError message={message} />
          {fields?.({ errors, value })}
          <Field id={`${id}-reason`} label="Reason" hint="Recorded in the audit log. 3 to 500 characters." errors={errors?.reason}>
            {(control) => <Textarea {...control} name="reason" rows={3} required minLength={3} maxLength={500} defaultValue={value("reason")} />}
          </Field>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant={variant === "danger" ? "danger" : "primary"} disabled={pending || !canSubmit}>
              {pending ? "Saving…" : submitLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ArchiveDialog({ tenantId, slug, name, action }: { tenantId: string; slug: string; name: string; action: Action }) {
  const [typed, setTyped] = useState("");
  const id = useId();
  return (
    <ActionDialog
      trigger="Archive…"
      variant="danger"
      title={`Archive ${name}`}
      description="Archiving is final: the tenant cannot be activated again."
      action={action}
      hidden={{ tenantId }}
      submitLabel="Archive for good"
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
          <Field id={`${id}-slug`} label={`Type ${slug} to confirm`} errors={errors?.confirmSlug}>
            {(control) => (
              <Input {...control} name="confirmSlug" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} required />
            )}
          </Field>
        </>
      )}
    />
  );
}

function ExtendTrialDialog({ tenantId, trialEndsAt, action }: { tenantId: string; trialEndsAt: string | null; action: Action }) {
  const id = useId();
  // a trial end is a moment; the picker offers days, which start at midnight UTC
  const dayAfterCurrentEnd = trialEndsAt ? new Date(Date.parse(trialEndsAt) + 86_400_000).toISOString().slice(0, 10) : undefined;
  return (
    <ActionDialog
      trigger="Extend trial…"
      title="Extend the trial"
      description={trialEndsAt ? `The trial ends ${trialEndsAt.slice(0, 16).replace("T", " ")} UTC now.` : "Set when the trial ends."}
      action={action}
      hidden={{ tenantId }}
      submitLabel="Extend trial"
      fields={({ errors, value }) => (
        <Field id={`${id}-end`} label="New trial end" hint="The trial ends at the start of this day (UTC)." errors={errors?.trialEndsAt}>
          {(control) => <Input {...control} name="trialEndsAt" type="date" min={dayAfterCurrentEnd} defaultValue={value("trialEndsAt")} required />}
        </Field>
      )}
    />
  );
}

export function LifecycleControl({ tenantId, slug, name, status, allowed, trialEndsAt, actions }: {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatus;
  /** allowedTransitions of the tenant: the only moves offered */
  allowed: TenantStatus[];
  /** ISO */
  trialEndsAt: string | null;
  actions: LifecycleActions;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.filter((to) => to !== "archived").map((to) => {
        const move = MOVES[to] ?? { button: `Move to ${to}`, effect: "" };
        return (
          <ActionDialog
            key={to}
            trigger={move.button}
            variant={to === "frozen" ? "danger" : "primary"}
            title={`${move.button} ${name}`}
            description={`From ${status} to ${to}. ${move.effect}`}
            action={actions.changeStatus}
            hidden={{ tenantId, from: status, to }}
            submitLabel={move.button}
          />
        );
      })}
      {status === "trial" && <ExtendTrialDialog tenantId={tenantId} trialEndsAt={trialEndsAt} action={actions.extendTrial} />}
      {allowed.includes("archived") && <ArchiveDialog tenantId={tenantId} slug={slug} name={name} action={actions.archive} />}
    </div>
  );
}
