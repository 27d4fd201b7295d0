"use client";
// Owners set or clear the monthly budget and its alert threshold. After an error the fields keep what was typed.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";

export type BudgetFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

const errorsFor = (state: FormState, field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);

export function BudgetForm({ tenantId, budgetUsd, alertPct, action }: {
  tenantId: string;
  budgetUsd: string | null;
  alertPct: number;
  action: BudgetFormAction;
}) {
  const [state, submit, pending] = useActionState(action, null);
  // after an error, what was typed; otherwise what is saved
  const typed = state && !state.ok ? state.values : null;
  return (
    // noValidate: the service's messages, under each field, rather than the browser's
    <form action={submit} noValidate className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="budget-amount" label="Monthly budget (USD)" hint="Leave empty for no budget." errors={errorsFor(state, "monthlyBudgetUsd")}>
          {(control) => (
            <Input {...control} name="monthlyBudgetUsd" inputMode="decimal" autoComplete="off" placeholder="2500" defaultValue={typed?.monthlyBudgetUsd ?? budgetUsd ?? ""} />
          )}
        </Field>
        <Field id="budget-alert" label="Alert at (% of the budget)" errors={errorsFor(state, "alertPct")}>
          {(control) => (
            <Input {...control} name="alertPct" type="number" min={1} max={100} step={1} defaultValue={typed?.alertPct ?? String(alertPct)} />
          )}
        </Field>
      </div>
      <FormError message={state && !state.ok ? state.message : null} />
      <div className="flex items-center gap-3">
        <Button disabled={pending}>{pending ? "Saving…" : "Save budget"}</Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Budget saved." : ""}
        </p>
      </div>
    </form>
  );
}
