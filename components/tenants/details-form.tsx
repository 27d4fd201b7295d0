"use client";
// Commercial fields of a tenant, for sales and admin staff. The form carries the updated_at it was drawn
// from; a save after someone else's is refused field by field, and what was typed stays.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { TENANT_PLANS } from "@/lib/domain/tenants/list-params";
import type { FormState } from "@/lib/auth/action";

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
  salesOwner: string;
}

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const FIELDS: { name: keyof TenantDetailsValues; label: string; type?: string; hint?: string }[] = [
  { name: "name", label: "Name" },
  { name: "erpCustomerId", label: "ERP customer id" },
  { name: "stripeCustomerId", label: "Stripe customer id", hint: "cus_…" },
  { name: "contractStart", label: "Contract start", type: "date" },
  { name: "contractEnd", label: "Contract end", type: "date" },
  { name: "salesOwner", label: "Sales owner" },
];

export function TenantDetailsForm({ tenant, action }: { tenant: TenantDetailsValues; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  // After a refused save, keep what this editor changed; fields they left alone show the current value,
  // which after a conflict may be someone else's newer one.
  const value = (name: keyof TenantDetailsValues) => {
    if (!state || state.ok || state.values[name] === undefined) return tenant[name];
    const typed = state.values[name];
    return state.kind === "conflict" && typed === state.values[`seen.${name}`] ? tenant[name] : typed;
  };
  const saved = state?.ok ? (state.data as { changed: string[] }).changed : null;

  return (
    <form action={submit} className="space-y-3" aria-label="Tenant details">
      <input type="hidden" name="tenantId" value={tenant.id} />
      <input type="hidden" name="slug" value={tenant.slug} />
      <input type="hidden" name="expectedUpdatedAt" value={tenant.updatedAt} />
      {(["name", "plan", ...FIELDS.map((f) => f.name)] as const).filter((n, i, all) => all.indexOf(n) === i).map((name) => (
        <input key={`${name}-${tenant.updatedAt}`} type="hidden" name={`seen.${name}`} value={tenant[name]} />
      ))}
      {state && !state.ok && state.kind !== "validation" && <FormError message={state.message} />}
      {saved && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {saved.length ? `Saved: ${saved.join(", ")}.` : "Nothing had changed."}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <Field key={`${field.name}-${tenant.updatedAt}`} id={`details-${field.name}`} label={field.label} hint={field.hint} errors={errors?.[field.name]}>
            {(control) => <Input {...control} name={field.name} type={field.type ?? "text"} defaultValue={value(field.name)} />}
          </Field>
        ))}
        <Field key={`plan-${tenant.updatedAt}`} id="details-plan" label="Plan" errors={errors?.plan}>
          {(control) => (
            <Select {...control} name="plan" defaultValue={value("plan")}>
              {TENANT_PLANS.map((plan) => <option key={plan} value={plan}>{plan}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save details"}</Button>
      </div>
    </form>
  );
}
