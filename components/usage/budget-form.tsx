"use client";
// Owners set or clear the monthly budget and its alert threshold. After an error the fields keep what was typed.
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export function BudgetForm({ tenantId, budgetUsd, alertPct, action }: {
  tenantId: string;
  budgetUsd: string | null;
  alertPct: number;
  action: FormAction;
}) {
  const form = useActionForm(action, { successToast: null }); // said in place, beside the budget
  return (
    // noValidate: the service's messages, under each field, rather than the browser's
    <form id={form.id} action={form.submit} noValidate className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <input type="hidden" name="tenantId" value={tenantId} />
      {/* only the fields are drawn afresh: the status beside the button stays, to announce its change */}
      <div key={form.revision} className="grid gap-3 sm:grid-cols-2">
        <Field id="budget-amount" label="Monthly budget (USD)" hint="Like 2,500 or $99.50. Leave empty for no budget." errors={form.errors("monthlyBudgetUsd")}>
          {(control) => (
            <Input {...control} name="monthlyBudgetUsd" inputMode="decimal" autoComplete="off" placeholder="2,500" defaultValue={form.value("monthlyBudgetUsd", budgetUsd ?? "")} />
          )}
        </Field>
        <Field id="budget-alert" label="Alert at (% of the budget)" errors={form.errors("alertPct")}>
          {(control) => (
            <Input {...control} name="alertPct" type="number" min={1} max={100} step={1} defaultValue={form.value("alertPct", String(alertPct))} />
          )}
        </Field>
      </div>
      <FormError message={form.message("tenantId")} />
      <div className="flex items-center gap-3">
        <Button disabled={form.pending}>{form.pending ? "Saving…" : "Save budget"}</Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {form.state?.ok ? "Budget saved." : ""}
        </p>
      </div>
    </form>
  );
}
