"use client";
// The staff page's search and filters. Every change goes to the URL (nuqs) and re-renders the server page from its
// first page (the cursor is dropped); the search box waits for a pause in typing.
import { useId, useState } from "react";
import { debounce, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { peopleListParsers, type PeopleListParams } from "@/lib/domain/people/list-params";

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
      <div className="space-y-1 text-sm">
        <label htmlFor={`${id}-staff`} className="block font-medium">Staff role</label>
        <Select id={`${id}-staff`} value={params.staff ?? ""} onChange={(e) => set({ staff: (e.target.value || null) as PeopleListParams["staff"] })}>
          <option value="">Everyone</option>
          <option value="staff">Any staff role</option>
          <option value="admin">Admin</option>
          <option value="sales">Sales</option>
          <option value="support">Support</option>
        </Select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor={`${id}-status`} className="block font-medium">Account</label>
        <Select id={`${id}-status`} value={params.status ?? ""} onChange={(e) => set({ status: (e.target.value || null) as PeopleListParams["status"] })}>
          <option value="">Enabled or disabled</option>
          <option value="enabled">Enabled</option>
          <option value="disabled">Disabled</option>
        </Select>
      </div>
      {filtered && (
        <Button type="button" variant="secondary" onClick={() => { set({ q: "", staff: null, status: null }); setGeneration((g) => g + 1); }}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
