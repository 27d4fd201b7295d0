"use client";
// Revoking a key, confirmed in a dialog that says what happens. A failure stays in the dialog to be read.
import { ActionDialog, type DialogControl } from "@/components/ui/action-form";
import type { FormAction } from "@/components/ui/use-action-form";

/** Opened from the key's row menu (`control`). */
export function RevokeKeyDialog({ tenantId, target, action, control }: {
  tenantId: string; target: { id: string; name: string }; action: FormAction; control: DialogControl;
}) {
  return (
    <ActionDialog
      control={control}
      title={`Revoke ${target.name}?`}
      description="Requests with this key are refused from now on, everywhere. This cannot be undone: to replace the key, create a new one or roll this one instead."
      action={action}
      fields={{ tenantId, keyId: target.id }}
      submitLabel="Revoke key"
      pendingLabel="Revoking…"
      successToast={`${target.name} revoked`}
      danger
    />
  );
}
