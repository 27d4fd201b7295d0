"use client";
// The one shape of a form that runs a server action: a few hidden fields say what it is on, the caller draws the
// controls, the form's own message sits above its buttons. In a dialog (ActionDialog) a trigger button opens it
// (or its owner does: a row menu's item), success closes it, and a failure stays in it to be read; Radix mounts
// the content only while open, so each opening starts from an empty result.
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog";
import { FormError } from "./field";
import { useActionForm, type ActionForm, type FormAction, type SuccessToast } from "./use-action-form";

export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * The form of `form` (from useActionForm), drawn afresh after every answer; the errors of `fields` and of
 * `fieldsWithoutControl`, which have no control to show them, go in the form's message.
 */
export function ActionFormShell({ form, fields, fieldsWithoutControl = [], className = "space-y-4", noValidate, children, footer }: {
  form: Pick<ActionForm, "revision" | "id" | "submit" | "message">;
  fields: Record<string, string>;
  fieldsWithoutControl?: string[];
  className?: string;
  /** the service's messages are the ones shown, under each field, rather than the browser's */
  noValidate?: boolean;
  children?: ReactNode;
  /** below the message: the buttons, a "saved" note */
  footer: ReactNode;
}) {
  return (
    <form key={form.revision} id={form.id} action={form.submit} noValidate={noValidate} className={className}>
      <HiddenFields fields={fields} />
      {children}
      <FormError message={form.message(...Object.keys(fields), ...fieldsWithoutControl)} />
      {footer}
    </form>
  );
}

/** A dialog opened and closed by its owner rather than by a trigger of its own (a row menu's item). */
export interface DialogControl {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Who opens the dialog: its own trigger button, or its owner through `control`. */
type DialogOpener = { trigger: ReactNode; control?: never } | { control: DialogControl; trigger?: never };

export type ActionDialogProps<T> = DialogOpener & ActionDialogFormProps<T> & {
  title: string;
  description: string;
};

interface ActionDialogFormProps<T> {
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
  /** holds the submit button back until the controls say it may go (a typed confirmation) */
  submitDisabled?: boolean;
  /** what the toast after a success says ("Key revoked"), or null where the answer shows in place */
  successToast: SuccessToast<T>;
  onSuccess?: (data: T) => void;
}

export function ActionDialog<T>({ trigger, control, title, description, ...form }: ActionDialogProps<T>) {
  const [openHere, setOpenHere] = useState(false);
  const { open, onOpenChange } = control ?? { open: openHere, onOpenChange: setOpenHere };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent title={title} description={description}>
        <ActionDialogForm {...form} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ActionDialogForm<T>({ action, fields, children, fieldsWithoutControl = [], submitLabel, pendingLabel, danger, submitDisabled, successToast, onSuccess, onDone }:
  ActionDialogFormProps<T> & { onDone: () => void }) {
  const form = useActionForm(action, {
    successToast,
    onSuccess: (data) => {
      onDone();
      onSuccess?.(data);
    },
  });
  return (
    <ActionFormShell
      form={form}
      fields={fields}
      fieldsWithoutControl={fieldsWithoutControl}
      footer={<DialogFormButtons pending={form.pending} submitLabel={submitLabel} pendingLabel={pendingLabel} danger={danger} disabled={submitDisabled} />}
    >
      {children?.(form as ActionForm)}
    </ActionFormShell>
  );
}

/** A dialog form's buttons: Cancel closes the dialog, the other submits. */
export function DialogFormButtons({ pending, submitLabel, pendingLabel = "Working…", danger, disabled }: {
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
  pendingLabel?: string;
  danger?: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending || disabled}>{pending ? pendingLabel : submitLabel}</Button>
    </div>
  );
}
