"use client";
// Revoking a key, confirmed in a dialog that says what happens. A failure stays in the dialog to be read.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export function RevokeKeyDialog({ tenantId, target, action }: { tenantId: string; target: { id: string; name: string }; action: FormAction }) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(action, () => setOpen(false));

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="danger" aria-label={`Revoke ${target.name}`}>Revoke</Button>
      </DialogTrigger>
      <DialogContent
        title={`Revoke ${target.name}?`}
        description="Requests with this key are refused from now on, everywhere. This cannot be undone: to replace the key, create a new one or roll this one instead."
      >
        <form key={form.revision} id={form.id} action={form.submit} className="space-y-4">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="keyId" value={target.id} />
          <FormError message={form.message("tenantId", "keyId")} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
            <Button type="submit" variant="danger" disabled={form.pending}>{form.pending ? "Revoking…" : "Revoke key"}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
