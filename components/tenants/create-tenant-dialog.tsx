"use client";
// "New tenant" (staff): a trial or demo tenant and its first owner's invitation; success opens the tenant's page.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ActionDialog } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { ActionForm, FormAction } from "@/components/ui/use-action-form";
import { TRIAL_MAX_DAYS } from "@/lib/domain/date-bounds";
import { TENANT_PLAN_OPTIONS } from "@/lib/domain/tenants/list-params";
import { suggestProjectSlug } from "@/lib/domain/projects/slug";
import { DEFAULT_PROJECT, PLAN_PRODUCTS, PRODUCTS } from "@/lib/domain/products/catalog";
import type { TenantPlan } from "@/lib/db/generated/enums";

export function CreateTenantDialog({ action }: { action: FormAction<{ slug: string }> }) {
  const router = useRouter();
  return (
    <ActionDialog
      trigger={<Button>New tenant</Button>}
      title="New tenant"
      description="Starts a trial (or a demo) and invites its first owner by email."
      action={action}
      fields={{}}
      submitLabel="Create tenant"
      pendingLabel="Creating…"
      successToast="Tenant created, and its first owner invited"
      onSuccess={({ slug }) => router.push(`/t/${slug}`)}
    >
      {({ errors, value }) => (
        <>
          <NameAndSlugFields errors={errors} value={value} />
          <div className="grid grid-cols-3 gap-3">
            <Field id="tenant-kind" label="Kind" errors={errors("kind")}>
              {(control) => (
                <Select {...control} name="kind" defaultValue={value("kind", "customer")}>
                  <option value="customer">customer</option>
                  <option value="demo">demo</option>
                </Select>
              )}
            </Field>
            <PlanField errors={errors} value={value} />
            <Field id="tenant-trial" label="Trial days" errors={errors("trialDays")}>
              {(control) => <Input {...control} name="trialDays" type="number" min={1} max={TRIAL_MAX_DAYS} defaultValue={value("trialDays", "14")} />}
            </Field>
          </div>
          <Field id="tenant-owner" label="First owner's email" hint="They accept by signing in with this verified GitHub email." errors={errors("ownerEmail")}>
            {(control) => <Input {...control} name="ownerEmail" type="email" defaultValue={value("ownerEmail")} required />}
          </Field>
          <Field id="tenant-erp" label="ERP customer id" hint="Optional; unique whatever its case." errors={errors("erpCustomerId")}>
            {(control) => <Input {...control} name="erpCustomerId" defaultValue={value("erpCustomerId")} autoComplete="off" />}
          </Field>
        </>
      )}
    </ActionDialog>
  );
}

/** The plan, and beside it what a new tenant of the chosen plan starts with (the service gives it the same). */
function PlanField({ errors, value }: Pick<ActionForm, "errors" | "value">) {
  const [plan, setPlan] = useState(value("plan", "starter") as TenantPlan);
  const products = (PLAN_PRODUCTS[plan] ?? []).map(({ product }) => PRODUCTS[product].label).join(", ");
  return (
    <>
      <Field id="tenant-plan" label="Plan" errors={errors("plan")}>
        {(control) => (
          <Select {...control} name="plan" value={plan} onChange={(event) => setPlan(event.target.value as TenantPlan)}>
            {TENANT_PLAN_OPTIONS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </Select>
        )}
      </Field>
      <p aria-live="polite" className="col-span-3 row-start-2 text-sm text-zinc-600 dark:text-zinc-400">
        Starts with {products || "no products"} enabled, a project “{DEFAULT_PROJECT.name}”, and you as its sales owner.
      </p>
    </>
  );
}

/**
 * The name, and the slug suggested from it (as a project's is) until the slug is typed by hand; after a refusal
 * the form remounts with what was sent, and a slug that was the suggestion keeps following the name.
 */
function NameAndSlugFields({ errors, value }: Pick<ActionForm, "errors" | "value">) {
  const [slug, setSlug] = useState(value("slug"));
  const slugTyped = useRef(slug !== "" && slug !== suggestProjectSlug(value("name")));
  return (
    <>
      <Field id="tenant-name" label="Name" errors={errors("name")}>
        {(control) => (
          <Input {...control} name="name" defaultValue={value("name")} required autoFocus autoComplete="off"
            onChange={(event) => { if (!slugTyped.current) setSlug(suggestProjectSlug(event.target.value)); }} />
        )}
      </Field>
      {/* no `pattern`: the server's message says what a slug may be, without the browser's bubble beside it */}
      <Field id="tenant-slug" label="Slug" hint="3–40 lowercase letters, digits and dashes; part of URLs. Suggested from the name; you may edit it." errors={errors("slug")}>
        {(control) => (
          <Input {...control} name="slug" value={slug} required autoComplete="off" spellCheck={false} className="font-mono"
            onChange={(event) => {
              slugTyped.current = event.target.value !== "";
              setSlug(event.target.value);
            }} />
        )}
      </Field>
    </>
  );
}
