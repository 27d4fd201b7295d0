"use client";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { ROLES } from "./row-actions";

export function InviteForm({ action, tenantId }: { action: FormAction; tenantId: string }) {
  // After a failure the form shows what was typed; after a success it starts empty.
  const form = useActionForm(action, { successToast: null }); // said in place, under the form
  return (
    // noValidate: the service's messages are the ones shown, under each field.
    <form key={form.revision} id={form.id} action={form.submit} noValidate className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem]">
        <Field id="invite-email" label="Email" errors={form.errors("email")} hint="Signing in with GitHub under this verified email joins the tenant. The invitation lasts 7 days.">
          {(control) => <Input {...control} name="email" type="email" autoComplete="off" defaultValue={form.value("email")} />}
        </Field>
        <Field id="invite-role" label="Role" errors={form.errors("role")}>
          {(control) => (
            <Select {...control} name="role" defaultValue={form.value("role", "member")}>
              {ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <FormError message={form.message("tenantId")} />
      {form.state?.ok && <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Invitation created: it is listed under pending invitations.</p>}
      <Button type="submit" disabled={form.pending}>{form.pending ? "Inviting…" : "Invite"}</Button>
    </form>
  );
}
