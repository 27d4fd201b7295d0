"use client";
// A searchable tenant picker (cmdk in a Radix popover). Members pick among their few tenants, filtered here;
// staff may see thousands, so their search runs on the server.
import { Command } from "cmdk";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { confirmLeavingUnsavedChanges } from "@/components/ui/use-unsaved-changes";

export interface TenantOption {
  slug: string;
  name: string;
}

export function TenantSwitcher({ tenants, search }: {
  tenants: TenantOption[];
  /** server-side search for staff; absent: filter `tenants` in the browser */
  search?: (query: string) => Promise<TenantOption[]>;
}) {
  const router = useRouter();
  const { slug } = useParams<{ slug?: string }>();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState(tenants);
  // cmdk highlights the first match only when it filters itself; with server results we choose for it
  const [highlighted, setHighlighted] = useState("");
  // a search that failed on the server (Next logs it under the digest it gives the browser) says so
  const [searchFailed, setSearchFailed] = useState(false);

  useEffect(() => {
    if (!search) return;
    let current = true;
    const timer = setTimeout(() => void search(query).then((found) => {
      if (!current) return;
      setSearchFailed(false);
      setResults(found);
      setHighlighted(found[0] ? optionValue(found[0]) : "");
    }, () => {
      if (!current) return;
      setSearchFailed(true);
      setResults([]);
    }), 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const go = (href: string) => {
    setOpen(false);
    setQuery("");
    if (confirmLeavingUnsavedChanges()) router.push(href);
  };
  // A slug of the URL that is not among her tenants (a 404) is not echoed back: only staff, who may open any
  // tenant and get only the first 50 here, see the slug of one beyond them.
  const currentName = slug ? (tenants.find((t) => t.slug === slug)?.name ?? (search ? slug : null)) : "All tenants";

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        {/* the visible name is part of the accessible one (axe: label-content-name-mismatch) */}
        <Button variant="secondary">
          {currentName ? <><span className="sr-only">Switch tenant, current:</span> {currentName}</> : "Switch tenant"} <span aria-hidden>▾</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent>
        <Command shouldFilter={!search} label="Tenants" {...(search ? { value: highlighted, onValueChange: setHighlighted } : {})}>
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder="Search by name or slug…"
            className="w-full border-b border-zinc-200 bg-transparent px-3 py-2 outline-none dark:border-zinc-800"
          />
          <Command.List className="max-h-72 overflow-y-auto p-1">
            <Command.Empty className="px-2 py-3 text-zinc-600 dark:text-zinc-400">
              {searchFailed ? "The search failed on our side. Type again to retry." : "No tenant matches."}
            </Command.Empty>
            {!query && <Command.Item value="all tenants" onSelect={() => go("/")} className={ITEM}>All tenants</Command.Item>}
            {results.map((tenant) => (
              <Command.Item key={tenant.slug} value={optionValue(tenant)} onSelect={() => go(`/t/${tenant.slug}`)} className={ITEM}>
                {tenant.name} <span className="ml-auto font-mono text-xs text-zinc-600 dark:text-zinc-400">{tenant.slug}</span>
              </Command.Item>
            ))}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

const optionValue = (tenant: TenantOption) => `${tenant.name} ${tenant.slug}`;

const ITEM = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800";
