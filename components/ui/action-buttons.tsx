"use client";
// A button that runs one server action on a few hidden fields at once (for what is easy to redo), showing its own
// failure, with its reference when the failure was unexpected. What is not easy to redo asks first, in an
// ActionDialog (components/ui/action-form.tsx); a table row's actions are in its RowMenu.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/action-form";
import { useActionForm, type FormAction, type SuccessToast } from "@/components/ui/use-action-form";

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
