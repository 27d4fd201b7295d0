"use client";
// The audit log's filters. Every change goes to the URL (nuqs) and re-renders the server page from its newest
// events (the cursor and any open event are dropped); typed filters wait for a pause in typing.
import { useId, useState } from "react";
import { debounce, useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { FilterSelect, Input, Select } from "@/components/ui/field";
import { AUDIT_OUTCOMES, PLATFORM_TENANT_FILTER, auditDatesProblem, auditListParsers, type AuditListParams } from "@/lib/domain/audit/params";
import { FIRST_DAY, LAST_DAY, isoDay, parseDay } from "@/lib/domain/bounds";

type FilterKey = "actor" | "action" | "target" | "outcome" | "from" | "to" | "q" | "tenant";

export interface FilterSuggestions {
  actions: string[];
  targetTypes: string[];
  actors: string[];
}

const day = (date: Date | null) => (date ? isoDay(date) : "");

function Labelled({ label, htmlFor, children, className = "" }: { label: string; htmlFor: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={`space-y-1 text-sm ${className}`}>
      <label htmlFor={htmlFor} className="block font-medium">{label}</label>
      {children}
    </div>
  );
}

export function AuditFilters({ suggestions, tenants }: {
  suggestions: FilterSuggestions;
  /** staff page only: the tenant filter's choices */
  tenants?: { slug: string; name: string }[];
}) {
  const [params, setParams] = useQueryStates(auditListParsers, { shallow: false });
  // remounts the typed fields when the filters are cleared, so they show the cleared values
  const [generation, setGeneration] = useState(0);
  const id = useId();
  const set = (patch: Partial<Pick<AuditListParams, FilterKey>>, typed = false) =>
    void setParams({ ...patch, cursor: null, event: null }, typed ? { limitUrlUpdates: debounce(300) } : undefined);
  const typed = (key: "actor" | "action" | "target" | "q") => ({
    id: `${id}-${key}`,
    defaultValue: params[key] ?? "",
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.target.value.trim() || null }, true),
  });
  const filtered = (["actor", "action", "target", "outcome", "from", "to", "q", "tenant"] as const).some((key) => params[key] !== null);
  const datesProblem = auditDatesProblem(params);

  return (
    <div key={generation} role="search" aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {tenants && (
        <Labelled label="Tenant" htmlFor={`${id}-tenant`}>
          <Select id={`${id}-tenant`} value={params.tenant ?? ""} onChange={(e) => set({ tenant: e.target.value || null })}>
            <option value="">All tenants</option>
            <option value={PLATFORM_TENANT_FILTER}>Platform events (no tenant)</option>
            {params.tenant && params.tenant !== PLATFORM_TENANT_FILTER && !tenants.some((t) => t.slug === params.tenant) && (
              <option value={params.tenant}>{params.tenant}</option>
            )}
            {tenants.map((t) => <option key={t.slug} value={t.slug}>{t.name} ({t.slug})</option>)}
          </Select>
        </Labelled>
      )}
      <Labelled label="Actor" htmlFor={`${id}-actor`}>
        <Input {...typed("actor")} list={`${id}-actors`} placeholder="Name or id" autoComplete="off" />
        <datalist id={`${id}-actors`}>{suggestions.actors.map((a) => <option key={a} value={a} />)}</datalist>
      </Labelled>
      <Labelled label="Action" htmlFor={`${id}-action`}>
        <Input {...typed("action")} list={`${id}-actions`} placeholder="member.invited or api_key.*" autoComplete="off" />
        <datalist id={`${id}-actions`}>{suggestions.actions.map((a) => <option key={a} value={a} />)}</datalist>
      </Labelled>
      <Labelled label="Target type" htmlFor={`${id}-target`}>
        <Input {...typed("target")} list={`${id}-targets`} placeholder="Any" autoComplete="off" />
        <datalist id={`${id}-targets`}>{suggestions.targetTypes.map((t) => <option key={t} value={t} />)}</datalist>
      </Labelled>
      <FilterSelect id={`${id}-outcome`} label="Outcome" value={params.outcome} anyLabel="Any outcome"
        options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: o === "success" ? "Success" : "Failure" }))} onChange={(outcome) => set({ outcome })} />
      <Labelled label="From" htmlFor={`${id}-from`}>
        <Input
          id={`${id}-from`} type="date" value={day(params.from)} min={FIRST_DAY} max={day(params.to) || LAST_DAY}
          aria-describedby={datesProblem ? `${id}-dates` : undefined} onChange={(e) => set({ from: parseDay(e.target.value) })}
        />
      </Labelled>
      <Labelled label="To" htmlFor={`${id}-to`}>
        <Input
          id={`${id}-to`} type="date" value={day(params.to)} min={day(params.from) || FIRST_DAY} max={LAST_DAY}
          aria-describedby={datesProblem ? `${id}-dates` : undefined} onChange={(e) => set({ to: parseDay(e.target.value) })}
        />
      </Labelled>
      <Labelled label="Search target" htmlFor={`${id}-q`}>
        <Input {...typed("q")} type="search" placeholder="Part of the target's name" />
      </Labelled>
      <div className="flex items-end">
        <Button
          type="button"
          variant="secondary"
          disabled={!filtered}
          onClick={() => {
            set({ actor: null, action: null, target: null, outcome: null, from: null, to: null, q: null, tenant: null });
            setGeneration((n) => n + 1);
          }}
        >
          Clear filters
        </Button>
      </div>
      {datesProblem && (
        <p id={`${id}-dates`} role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-2 lg:col-span-4 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {datesProblem}
        </p>
      )}
    </div>
  );
}
