"use client";
// The per-row role change of the members section, in its Role column, confirmed when it demotes an owner; the
// row's other action (Remove) is in its row menu.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, Select } from "@/components/ui/field";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { HiddenFields } from "@/components/ui/action-form";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { MemberRole } from "@/lib/db/generated/enums";

export const ROLES: { value: MemberRole; label: string }[] = [
  { value: "owner", label: "Owner" },
  { value: "member", label: "Member" },
  { value: "viewer", label: "Viewer" },
];

export function MemberRoleForm({ action, tenantId, membershipId, name, role }: {
  action: FormAction;
  tenantId: string;
  membershipId: string;
  name: string;
  role: MemberRole;
}) {
  const [selected, setSelected] = useState(role);
  const form = useActionForm(action, { successToast: () => `${name} is now a ${ROLES.find((r) => r.value === selected)!.label.toLowerCase()}` });
  const [confirming, setConfirming] = useState(false);
  const selectedLabel = ROLES.find((r) => r.value === selected)!.label.toLowerCase();
  return (
    <form key={form.revision} id={form.id} action={form.submit} onSubmit={() => setConfirming(false)} className="space-y-2">
      <div className="flex items-center gap-2">
        <HiddenFields fields={{ tenantId, membershipId }} />
        <label htmlFor={`${form.id}-role`} className="sr-only">Role of {name}</label>
        <div className="w-28">
          <Select id={`${form.id}-role`} name="role" value={selected} onChange={(e) => setSelected(e.target.value as MemberRole)}>
            {ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </Select>
        </div>
        {role === "owner" && selected !== "owner" ? (
          // Demoting an owner takes away their control of the tenant: ask first.
          <Dialog open={confirming} onOpenChange={setConfirming}>
            <DialogTrigger asChild>
              <Button type="button" variant="secondary" aria-label={`Change the role of ${name}`}>Change</Button>
            </DialogTrigger>
            <DialogContent
              title={`Make ${name} a ${selectedLabel}?`}
              description={`${name} will no longer be an owner: they will not be able to manage people, keys or providers of this tenant.`}
            >
              <div className="flex justify-end gap-2">
                <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
                {/* the dialog renders outside the form, so the button names its form */}
                <Button type="submit" form={form.id} variant="danger">Make {selectedLabel}</Button>
              </div>
            </DialogContent>
          </Dialog>
        ) : (
          <Button type="submit" variant="secondary" disabled={form.pending || selected === role} aria-label={`Change the role of ${name}`}>
            {form.pending ? "Changing…" : "Change"}
          </Button>
        )}
      </div>
      {/* every field is hidden or has no place for an error: the form says them all */}
      <FormError message={form.message("tenantId", "membershipId", "role")} />
    </form>
  );
}
