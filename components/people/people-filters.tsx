"use client";
// The staff page's search and filters. Every change goes to the URL (nuqs) and re-renders the server page from its
// first page (the cursor is dropped); the search box waits for a pause in typing.
import { useId, useState } from "react";
import { debounce, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { FilterSelect, Input } from "@/components/ui/field";
import { peopleListParsers, type PeopleListParams } from "@/lib/domain/people/list-params";

const STAFF_FILTERS = [
  { value: "staff", label: "Any staff role" }, { value: "admin", label: "Admin" }, { value: "sales", label: "Sales" }, { value: "support", label: "Support" },
] as const;
const STATUS_FILTERS = [{ value: "enabled", label: "Enabled" }, { value: "disabled", label: "Disabled" }] as const;

export function PeopleFilters() {
  const [params, setParams] = useQueryStates(peopleListParsers, { shallow: false });
  // remounts the search box when the filters are cleared, so it shows the cleared value
  const [generation, setGeneration] = useState(0);
  const id = useId();
  const set = (patch: Partial<Omit<PeopleListParams, "cursor">>, typed = false) =>
    void setParams({ ...patch, cursor: null }, typed ? { limitUrlUpdates: debounce(300) } : undefined);
  const filtered = Boolean(params.q || params.staff || params.status);

  return (
    <div key={generation} role="search" aria-label="Find people" className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1 space-y-1 text-sm">
        <label htmlFor={`${id}-q`} className="block font-medium">Search</label>
        <Input id={`${id}-q`} type="search" placeholder="Name, GitHub login or e-mail" defaultValue={params.q} onChange={(e) => set({ q: e.target.value }, true)} />
      </div>
      <FilterSelect id={`${id}-staff`} label="Staff role" value={params.staff} anyLabel="Everyone" options={STAFF_FILTERS} onChange={(staff) => set({ staff })} />
      <FilterSelect id={`${id}-status`} label="Account" value={params.status} anyLabel="Enabled or disabled" options={STATUS_FILTERS} onChange={(status) => set({ status })} />
      {filtered && (
        <Button type="button" variant="secondary" onClick={() => { set({ q: "", staff: null, status: null }); setGeneration((g) => g + 1); }}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
