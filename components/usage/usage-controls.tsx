"use client";
// The usage dashboards' controls. Every change goes to the URL (nuqs) and re-renders the server page inside a
// transition, so the page and the focus stay where they are while the new figures load.
import { useId, useTransition } from "react";
import { useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { FilterSelect, Input, Select } from "@/components/ui/field";
import { TENANT_PLAN_OPTIONS, TENANT_STATUSES } from "@/lib/domain/tenants/list-params";
import { parseAsPage, parseDay } from "@/lib/domain/bounds";
import {
  FIRST_USAGE_DAY, USAGE_GROUPINGS, USAGE_PRESETS, staffUsageParsers, tenantUsageParsers, usageRangeParsers,
  type StaffUsageParams, type TenantUsageParams, type UsageRange,
} from "@/lib/domain/usage/params";
import type { UsageGroupBy } from "@/lib/domain/usage/queries";

function Updating({ pending }: { pending: boolean }) {
  return <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">{pending ? "Updating…" : ""}</p>;
}

/**
 * The range: presets as a segmented control, and a custom range of two dates applied together. `range` is the
 * range in effect; `from` and `to` are the days its date inputs show (the page resolves them: the days the
 * figures cover, or what was typed when it could not be used).
 */
export function RangeControls({ range, from, to, today }: { range: UsageRange; from: string; to: string; today: string }) {
  // page: the staff table's, back to the first whenever the range changes
  const [, setParams] = useQueryStates({ ...usageRangeParsers, page: parseAsPage }, { shallow: false });
  const [pending, startTransition] = useTransition();
  const id = useId();
  const set = (patch: Parameters<typeof setParams>[0]) => void setParams(patch, { startTransition });

  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <div className="space-y-1 text-sm">
        <span id={`${id}-range`} className="block font-medium">Range</span>
        <div role="group" aria-labelledby={`${id}-range`} className="inline-flex rounded-md border border-zinc-300 dark:border-zinc-700">
          {(Object.keys(USAGE_PRESETS) as (keyof typeof USAGE_PRESETS)[]).map((preset) => (
            <button
              key={preset}
              type="button"
              aria-pressed={range === preset}
              onClick={() => set({ range: preset, from: null, to: null, page: null })}
              className="border-l border-zinc-300 px-3 py-1.5 first:rounded-l-md first:border-l-0 last:rounded-r-md hover:bg-zinc-100 focus-visible:relative focus-visible:outline-2 focus-visible:outline-sky-600 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
            >
              {USAGE_PRESETS[preset].label}
            </button>
          ))}
        </div>
      </div>
      <form
        // remounted when the range changes, so the inputs show the dates in effect
        key={`${from}/${to}`}
        aria-label="Custom range"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          set({ range: "custom", from: parseDay(String(form.get("from"))), to: parseDay(String(form.get("to"))), page: null });
        }}
      >
        <div className="space-y-1 text-sm">
          <label htmlFor={`${id}-from`} className="block font-medium">From</label>
          <Input id={`${id}-from`} name="from" type="date" required defaultValue={from} min={FIRST_USAGE_DAY} max={today} className="w-auto" />
        </div>
        <div className="space-y-1 text-sm">
          <label htmlFor={`${id}-to`} className="block font-medium">To</label>
          <Input id={`${id}-to`} name="to" type="date" required defaultValue={to} min={FIRST_USAGE_DAY} max={today} className="w-auto" />
        </div>
        <Button type="submit" variant="secondary">Apply</Button>
      </form>
      <Updating pending={pending} />
    </div>
  );
}

/** The tenant dashboard's grouping. */
export function GroupBySelect() {
  const [{ groupBy }, setParams] = useQueryStates(tenantUsageParsers, { shallow: false });
  const [pending, startTransition] = useTransition();
  const id = useId();
  return (
    <div className="flex items-end gap-3">
      <div className="space-y-1 text-sm">
        <label htmlFor={id} className="block font-medium">Group by</label>
        <Select
          id={id}
          value={groupBy}
          className="w-auto"
          onChange={(e) => void setParams({ groupBy: e.target.value as TenantUsageParams["groupBy"] }, { startTransition })}
        >
          {(Object.entries(USAGE_GROUPINGS) as [UsageGroupBy, { label: string }][]).map(([value, { label }]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </Select>
      </div>
      <Updating pending={pending} />
    </div>
  );
}

/** The staff view's filters: tenant status and plan. */
export function StaffUsageFilters() {
  const [{ status, plan }, setParams] = useQueryStates(staffUsageParsers, { shallow: false });
  const [pending, startTransition] = useTransition();
  const id = useId();
  const set = (patch: Partial<Pick<StaffUsageParams, "status" | "plan">>) => void setParams({ ...patch, page: null }, { startTransition });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect id={`${id}-status`} label="Status" value={status} anyLabel="All statuses" options={TENANT_STATUSES} className="w-auto" onChange={(next) => set({ status: next })} />
      <FilterSelect id={`${id}-plan`} label="Plan" value={plan} anyLabel="All plans" options={TENANT_PLAN_OPTIONS} className="w-auto" onChange={(next) => set({ plan: next })} />
      <Updating pending={pending} />
    </div>
  );
}
