"use client";
// The per-row controls of the members section: a role change (confirmed when it demotes an owner), and
// buttons that run one action, confirmed in a dialog when destructive. Each shows its own failure.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, Select } from "@/components/ui/field";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { MemberRole } from "@/lib/db/generated/enums";

export const ROLES: { value: MemberRole; label: string }[] = [
  { value: "owner", label: "Owner" },
  { value: "member", label: "Member" },
  { value: "viewer", label: "Viewer" },
];

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

export function MemberRoleForm({ action, tenantId, membershipId, name, role }: {
  action: FormAction;
  tenantId: string;
  membershipId: string;
  name: string;
  role: MemberRole;
}) {
  const form = useActionForm(action);
  const [selected, setSelected] = useState(role);
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

/** A button that runs `action` on `fields` at once (for what is easy to redo, like resending). */
export function ActionButton({ action, fields, label, pendingLabel, accessibleLabel }: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  accessibleLabel: string;
}) {
  const form = useActionForm(action);
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="inline-block space-y-2 text-left">
      <HiddenFields fields={fields} />
      <Button type="submit" variant="secondary" disabled={form.pending} aria-label={accessibleLabel}>{form.pending ? pendingLabel : label}</Button>
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
