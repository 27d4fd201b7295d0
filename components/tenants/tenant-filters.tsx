"use client";
// Filters of the staff tenant list. Every change goes to the URL (nuqs) and re-renders the server page,
// resetting to page 1; the search box waits for a pause in typing.
import { useQueryStates, debounce } from "nuqs";
import { Input, Select } from "@/components/ui/field";
import { TENANT_KINDS, TENANT_PLAN_OPTIONS, TENANT_STATUSES, tenantListParsers } from "@/lib/domain/tenants/list-params";
import type { TenantStatus } from "@/lib/db/generated/enums";

const TRIAL_WITHIN_CHOICES = [7, 14, 30];

export function TenantFilters({ statusCounts, salesOwners, me }: {
  statusCounts: Partial<Record<TenantStatus, number>>;
  /** the staff people who may own accounts, the reader first when they are one */
  salesOwners: { id: string; name: string }[];
  me: string | null;
}) {
  const [params, setParams] = useQueryStates(tenantListParsers, { shallow: false });
  const set = (patch: Partial<typeof params>) => void setParams({ ...patch, page: 1 });
  const toggleStatus = (status: TenantStatus) =>
    set({ status: params.status.includes(status) ? params.status.filter((s) => s !== status) : [...params.status, status] });

  return (
    <div className="space-y-3">
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        {TENANT_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={params.status.includes(status)}
            onClick={() => toggleStatus(status)}
            className="rounded-full border border-zinc-300 px-3 py-1 text-sm capitalize focus-visible:outline-2 focus-visible:outline-sky-600 aria-pressed:border-zinc-900 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:border-zinc-100 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
          >
            {status} <span className="tabular-nums">{statusCounts[status] ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <label className="space-y-1 text-sm lg:col-span-2">
          <span className="block font-medium">Search</span>
          <Input
            type="search"
            placeholder="Name, slug, ERP or Stripe id"
            defaultValue={params.q}
            onChange={(e) => void setParams({ q: e.target.value, page: 1 }, { limitUrlUpdates: debounce(300) })}
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Trial ends within</span>
          <Select value={params.trialWithin ?? ""} onChange={(e) => set({ trialWithin: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Any time</option>
            {TRIAL_WITHIN_CHOICES.map((days) => <option key={days} value={days}>{days} days</option>)}
            {/* a value from an edited URL: shown as it is in effect, rather than as "Any time" */}
            {params.trialWithin !== null && !TRIAL_WITHIN_CHOICES.includes(params.trialWithin) && (
              <option value={params.trialWithin}>{params.trialWithin} days</option>
            )}
          </Select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Plan</span>
          <Select value={params.plan ?? ""} onChange={(e) => set({ plan: (e.target.value || null) as typeof params.plan })}>
            <option value="">All plans</option>
            {TENANT_PLAN_OPTIONS.map((plan) => <option key={plan.value} value={plan.value}>{plan.label}</option>)}
          </Select>
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Kind</span>
            <Select value={params.kind ?? ""} onChange={(e) => set({ kind: (e.target.value || null) as typeof params.kind })}>
              <option value="">All</option>
              {TENANT_KINDS.map((kind) => <option key={kind} value={kind}>{kind}</option>)}
            </Select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Sales owner</span>
            <Select value={(params.owner === "me" ? me : params.owner) ?? ""} onChange={(e) => set({ owner: e.target.value || null })}>
              <option value="">Anyone</option>
              {salesOwners.map((owner) => <option key={owner.id} value={owner.id}>{owner.id === me ? `Me (${owner.name})` : owner.name}</option>)}
            </Select>
          </label>
        </div>
      </div>
    </div>
  );
}
