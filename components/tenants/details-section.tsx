import { Card } from "@/components/ui/card";
import { formatDay } from "@/lib/format-time";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getTenantForReader } from "@/lib/domain/tenants/queries";
import { PLAN_LABELS } from "@/lib/domain/tenants/list-params";
import type { FormAction } from "@/components/ui/use-action-form";
import { displayName } from "@/lib/domain/members/queries";
import { listSalesOwners } from "@/lib/domain/tenants/sales-owners";
import { TenantDetailsForm } from "./details-form";

const day = (date: Date | null) => (date ? formatDay(date) : "");

/** The people the form offers as sales owner: those who may own accounts, and the current one even if no longer. */
async function salesOwnerChoices(current: { id: string; name: string } | null) {
  const owners = await listSalesOwners();
  return current && !owners.some((o) => o.id === current.id) ? [current, ...owners] : owners;
}

/** Commercial details: an edit form for sales and admin staff, read-only for everyone else who may read. */
export async function TenantDetailsSection({ slug, save }: { slug: string; save: FormAction<{ changed: string[] }> }) {
  const actor = (await currentActor())!;
  const tenant = await getTenantForReader(actor, slug);
  if (!tenant) return null;
  const values = {
    id: tenant.id, slug: tenant.slug, updatedAt: tenant.updatedAt.toISOString(), name: tenant.name, plan: tenant.plan,
    erpCustomerId: tenant.erpCustomerId ?? "", stripeCustomerId: tenant.stripeCustomerId ?? "",
    contractStart: day(tenant.contractStart), contractEnd: day(tenant.contractEnd), salesOwnerId: tenant.salesOwnerId ?? "",
  };
  const owner = tenant.salesOwner && { id: tenant.salesOwner.id, name: displayName(tenant.salesOwner) };
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">Details</h2>
      {can(actor, "tenant.update_commercial", tenant.id) ? (
        <TenantDetailsForm tenant={values} action={save} salesOwners={await salesOwnerChoices(owner)} />
      ) : (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {([["Plan", PLAN_LABELS[values.plan]], ["ERP customer id", values.erpCustomerId], ["Stripe customer id", values.stripeCustomerId],
            ["Contract", values.contractStart ? `${values.contractStart} – ${values.contractEnd || "open"}` : ""], ["Sales owner", owner?.name]] as const)
            .map(([label, value]) => (
              <div key={label}>
                <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
                <dd>{value || "—"}</dd>
              </div>
            ))}
        </dl>
      )}
    </Card>
  );
}
