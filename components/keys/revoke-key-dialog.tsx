"use client";
// Revoking a key, confirmed in a dialog that says what happens. A failure stays in the dialog to be read.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";

export type RevokeKeyAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function RevokeKeyDialog({ tenantId, target, action }: { tenantId: string; target: { id: string; name: string }; action: RevokeKeyAction }) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next?.ok) setOpen(false);
    return next;
  }, null);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="danger" aria-label={`Revoke ${target.name}`}>Revoke</Button>
      </DialogTrigger>
      <DialogContent
        title={`Revoke ${target.name}?`}
        description="Requests with this key are refused from now on, everywhere. This cannot be undone: to replace the key, create a new one or roll this one instead."
      >
        <form action={submit} className="space-y-4">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="keyId" value={target.id} />
          <FormError message={state && !state.ok ? state.message : null} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Revoking…" : "Revoke key"}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
