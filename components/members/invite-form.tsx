"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { ROLES, type MembersFormAction } from "./row-actions";

export function InviteForm({ action, tenantId }: { action: MembersFormAction; tenantId: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.kind === "validation" ? failed.fieldErrors : {};
  // After a failure the form shows what was typed; after a success it starts empty.
  const values = failed?.values ?? {};
  return (
    // noValidate: the service's messages are the ones shown, under each field.
    <form action={submit} noValidate className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem]">
        <Field id="invite-email" label="Email" errors={fieldErrors.email} hint="Signing in with GitHub under this verified email joins the tenant. The invitation lasts 7 days.">
          {(control) => <Input {...control} name="email" type="email" autoComplete="off" defaultValue={values.email ?? ""} />}
        </Field>
        <Field id="invite-role" label="Role" errors={fieldErrors.role}>
          {(control) => (
            <Select {...control} name="role" defaultValue={values.role ?? "member"}>
              {ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
            </Select>
          )}
        </Field>
      </div>
      {failed && failed.kind !== "validation" && <FormError message={failed.message} />}
      {state?.ok && <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Invitation created: it is listed under pending invitations.</p>}
      <Button type="submit" disabled={pending}>{pending ? "Inviting…" : "Invite"}</Button>
    </form>
  );
}
