"use client";
// Buttons that run one server action on a few hidden fields: at once (for what is easy to redo), or after a
// dialog that says what will happen (for what is not). Each shows its own failure, with its reference when the
// failure was unexpected.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { ActionDialog, HiddenFields } from "@/components/ui/action-form";
import { useActionForm, type FormAction, type SuccessToast } from "@/components/ui/use-action-form";

// components/members/row-actions.tsx still imports it from here; it lives in action-form.tsx now
export { HiddenFields } from "@/components/ui/action-form";

/** A button that runs `action` on `fields` at once (for what is easy to redo, like resending). */
export function ActionButton({ action, fields, label, pendingLabel, accessibleLabel, successToast, variant = "secondary" }: {
  action: FormAction;
  successToast: SuccessToast<unknown>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel: string;
  variant?: "secondary" | "danger";
}) {
  const form = useActionForm(action, { successToast });
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="inline-block space-y-2 text-left">
      <HiddenFields fields={fields} />
      <Button type="submit" variant={variant} disabled={form.pending} aria-label={accessibleLabel}>{form.pending ? pendingLabel : label}</Button>
      <FormError message={form.message(...Object.keys(fields))} />
    </form>
  );
}

/** A destructive button: the dialog it opens says what will happen and runs `action` on `fields` when confirmed. */
export function ConfirmActionButton({ label, accessibleLabel, confirmLabel, ...dialog }: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
  successToast: SuccessToast<unknown>;
}) {
  return (
    <ActionDialog
      {...dialog}
      trigger={<Button type="button" variant="danger" aria-label={accessibleLabel}>{label}</Button>}
      submitLabel={confirmLabel}
      danger
    />
  );
}
