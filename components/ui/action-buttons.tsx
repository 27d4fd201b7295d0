"use client";
// Buttons that run one server action on a few hidden fields: at once (for what is easy to redo), or after a
// dialog that says what will happen (for what is not). Each shows its own failure, with its reference when the
// failure was unexpected.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** A button that runs `action` on `fields` at once (for what is easy to redo, like resending). */
export function ActionButton({ action, fields, label, pendingLabel, accessibleLabel, variant = "secondary" }: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel: string;
  variant?: "secondary" | "danger";
}) {
  const form = useActionForm(action);
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="inline-block space-y-2 text-left">
      <HiddenFields fields={fields} />
      <Button type="submit" variant={variant} disabled={form.pending} aria-label={accessibleLabel}>{form.pending ? pendingLabel : label}</Button>
      <FormError message={form.message(...Object.keys(fields))} />
    </form>
  );
}

/** A destructive button: the dialog it opens says what will happen and runs `action` on `fields` when confirmed. */
export function ConfirmActionButton({ action, fields, label, accessibleLabel, title, description, confirmLabel }: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  title: string;
  description: string;
  confirmLabel: string;
}) {
  const form = useActionForm(action);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button type="button" variant="danger" aria-label={accessibleLabel}>{label}</Button>
      </DialogTrigger>
      {/* On success the row goes away with the dialog; a failure stays in it to be read. */}
      <DialogContent title={title} description={description}>
        <form key={form.revision} id={form.id} action={form.submit} className="space-y-4">
          <HiddenFields fields={fields} />
          <FormError message={form.message(...Object.keys(fields))} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={form.pending}>{form.pending ? "Working…" : confirmLabel}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
