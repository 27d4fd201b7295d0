"use client";
// The one shape of a form in a dialog: a trigger button opens it, the form runs one server action on a few
// hidden fields (and the controls the caller draws), success closes it, and a failure stays in it to be read.
// Radix mounts the content only while open, so each opening starts from an empty result.
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog";
import { FormError } from "./field";
import { useActionForm, type ActionForm, type FormAction } from "./use-action-form";

export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

export interface ActionDialogProps<T> {
  /** the button that opens the dialog */
  trigger: ReactNode;
  title: string;
  description?: string;
  action: FormAction<T>;
  /** what the action is on (`tenantId`, `keyId`…): hidden fields, whose errors the form shows above its buttons */
  fields: Record<string, string>;
  /** the controls, drawn afresh after every answer, so their defaults come from `form.value(…)` or their own state */
  children?: (form: ActionForm) => ReactNode;
  /** other fields without a control of their own to show their errors */
  fieldsWithoutControl?: string[];
  submitLabel: string;
  pendingLabel?: string;
  /** a red submit button, for what cannot be undone */
  danger?: boolean;
  onSuccess?: (data: T) => void;
}

export function ActionDialog<T>({ trigger, title, description, ...form }: ActionDialogProps<T>) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <ActionDialogForm {...form} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ActionDialogForm<T>({ action, fields, children, fieldsWithoutControl = [], submitLabel, pendingLabel = "Working…", danger, onSuccess, onDone }:
  Omit<ActionDialogProps<T>, "trigger" | "title" | "description"> & { onDone: () => void }) {
  const form = useActionForm(action, (data) => {
    onDone();
    onSuccess?.(data);
  });
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-4">
      <HiddenFields fields={fields} />
      {children?.(form as ActionForm)}
      <FormError message={form.message(...Object.keys(fields), ...fieldsWithoutControl)} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={form.pending}>{form.pending ? pendingLabel : submitLabel}</Button>
      </div>
    </form>
  );
}
