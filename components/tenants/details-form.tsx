"use client";
// Commercial fields of a tenant, for sales and admin staff. The form carries the updated_at it was drawn
// from; a save after someone else's is refused field by field, and what was typed stays.
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, SelectField } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { CONTRACT_DAY, dayBounds } from "@/lib/domain/date-bounds";
import { TENANT_PLAN_OPTIONS } from "@/lib/domain/tenants/list-params";

export interface TenantDetailsValues {
  id: string;
  slug: string;
  updatedAt: string;
  name: string;
  plan: string;
  erpCustomerId: string;
  stripeCustomerId: string;
  contractStart: string;
  contractEnd: string;
  salesOwnerId: string;
}

const FIELDS: { name: keyof TenantDetailsValues; label: string; type?: string; hint?: string }[] = [
  { name: "name", label: "Name" },
  { name: "erpCustomerId", label: "ERP customer id" },
  { name: "stripeCustomerId", label: "Stripe customer id", hint: "cus_…" },
  { name: "contractStart", label: "Contract start", type: "date" },
  { name: "contractEnd", label: "Contract end", type: "date" },
];

export function TenantDetailsForm({ tenant, action, salesOwners }: {
  tenant: TenantDetailsValues;
  action: FormAction<{ changed: string[] }>;
  /** the staff people who may own accounts */
  salesOwners: { id: string; name: string }[];
}) {
  const form = useActionForm(action, { successToast: null }); // said in place: which fields were saved
  const typed = form.failure?.values;
  // After a refused save, keep what this editor changed; fields they left alone show the current value,
  // which after a conflict may be someone else's newer one.
  const value = (name: keyof TenantDetailsValues) => {
    if (!typed || typed[name] === undefined) return tenant[name];
    return form.failure?.kind === "conflict" && typed[name] === typed[`seen.${name}`] ? tenant[name] : typed[name];
  };
  const saved = form.state?.ok ? form.state.data.changed : null;
  const contractDays = dayBounds(CONTRACT_DAY);

  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-3" aria-label="Tenant details">
      <input type="hidden" name="tenantId" value={tenant.id} />
      <input type="hidden" name="slug" value={tenant.slug} />
      <input type="hidden" name="expectedUpdatedAt" value={tenant.updatedAt} />
      {(["name", "plan", "salesOwnerId", ...FIELDS.map((f) => f.name)] as const).filter((n, i, all) => all.indexOf(n) === i).map((name) => (
        <input key={`${name}-${tenant.updatedAt}`} type="hidden" name={`seen.${name}`} value={tenant[name]} />
      ))}
      <FormError message={form.message("tenantId", "expectedUpdatedAt")} />
      {saved && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {saved.length ? `Saved: ${saved.join(", ")}.` : "Nothing had changed."}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <Field key={`${field.name}-${tenant.updatedAt}`} id={`details-${field.name}`} label={field.label} hint={field.hint} errors={form.errors(field.name)}>
            {(control) => (
              <Input {...control} name={field.name} type={field.type ?? "text"} defaultValue={value(field.name)} {...(field.type === "date" ? contractDays : {})} />
            )}
          </Field>
        ))}
        <Field key={`plan-${tenant.updatedAt}`} id="details-plan" label="Plan" errors={form.errors("plan")}>
          {(control) => (
            <Select {...control} name="plan" defaultValue={value("plan")}>
              {TENANT_PLAN_OPTIONS.map((plan) => <option key={plan.value} value={plan.value}>{plan.label}</option>)}
            </Select>
          )}
        </Field>
        <SelectField key={`salesOwnerId-${tenant.updatedAt}`} id="details-salesOwnerId" label="Sales owner" errors={form.errors("salesOwnerId")}
          name="salesOwnerId" defaultValue={value("salesOwnerId")} noneLabel="No sales owner"
          choices={salesOwners.map((owner) => ({ value: owner.id, label: owner.name }))} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : "Save details"}</Button>
      </div>
    </form>
  );
}
