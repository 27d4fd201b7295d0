"use client";
// Staff check a hash chain (the tenant's, or the platform's) from the page: every event's hash recomputed.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { ChainReport } from "@/lib/domain/audit/integrity";

export type VerifyAction = FormAction<ChainReport>;

const count = (n: number) => `${n.toLocaleString("en-US")} event${n === 1 ? "" : "s"}`;

export function VerifyIntegrity({ action, tenantId, subject }: {
  action: VerifyAction;
  /** the tenant whose chain is checked; none for the platform's */
  tenantId: string | null;
  /** what is checked, in words ("Acme Corp's events", "platform events") */
  subject: string;
}) {
  const form = useActionForm(action, { successToast: null }); // the verdict shows in place
  const report = form.state?.ok ? form.state.data : null;
  return (
    <form id={form.id} action={form.submit} className="space-y-2">
      <input type="hidden" name="tenantId" value={tenantId ?? ""} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={form.pending}>{form.pending ? "Verifying…" : "Verify integrity"}</Button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">Recomputes the hash chain of {subject}.</span>
      </div>
      <div aria-live="polite">
        {report?.intact && (
          <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
            Intact: {count(report.checked)} verified, none altered, removed or inserted.
          </p>
        )}
        {report && !report.intact && (
          <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-100">
            Broken at event {report.brokenAt.id} ({report.brokenAt.createdAt.toISOString()}): {report.brokenAt.reason}.
            The {count(report.checked)} before it verified.
          </p>
        )}
      </div>
      <FormError message={form.message("tenantId")} />
    </form>
  );
}
