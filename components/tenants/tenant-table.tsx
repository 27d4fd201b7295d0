"use client";
// The staff tenant table: TanStack Table for columns and sort state; the rows come already filtered, sorted
// and paginated from the server, and sort and page live in the URL (nuqs), so a link reproduces the view.
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { TenantStatusBadge } from "./status-badge";
import { tenantListParsers, TENANT_SORTS, type TenantSort } from "@/lib/domain/tenants/list-params";
import type { TenantKind, TenantPlan, TenantStatus } from "@/lib/db/generated/enums";

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  kind: TenantKind;
  plan: TenantPlan;
  trialEndsAt: string | null;
  salesOwner: string | null;
  erpCustomerId: string | null;
  createdAt: string;
  members: number;
  activeKeys: number;
}

const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, TenantRow>();
const date = (iso: string | null) => iso?.slice(0, 10) ?? "—";
const columns = column.columns([
  column.accessor("name", {
    header: "Tenant",
    cell: ({ row }) => (
      <span>
        <Link href={`/t/${row.original.slug}`} className="font-medium hover:underline">{row.original.name}</Link>{" "}
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{row.original.slug}</span>
      </span>
    ),
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <TenantStatusBadge status={getValue()} /> }),
  column.accessor("plan", { header: "Plan", cell: ({ row }) => <span className="capitalize">{row.original.plan}{row.original.kind === "demo" ? " · demo" : ""}</span> }),
  column.accessor("trialEndsAt", { header: "Trial ends", cell: ({ getValue }) => <span className="tabular-nums">{date(getValue())}</span> }),
  column.accessor("salesOwner", { header: "Sales owner", cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("members", { header: "Members", enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
  column.accessor("activeKeys", { header: "Active keys", enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
  column.accessor("createdAt", { header: "Created", cell: ({ getValue }) => <span className="tabular-nums">{date(getValue())}</span> }),
]);

const isSort = (id: string): id is TenantSort => (TENANT_SORTS as readonly string[]).includes(id);

export function TenantTable({ rows }: { rows: TenantRow[] }) {
  const [{ sort, dir }, setParams] = useQueryStates(tenantListParsers, { shallow: false });
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (next && isSort(next.id)) void setParams({ sort: next.id, dir: next.desc ? "desc" : "asc", page: 1 });
    },
  });

  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Tenants, sortable by column</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className="px-4 py-2 font-medium"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-zinc-100">
                        <table.FlexRender header={header} />
                        <span aria-hidden>{sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="px-4 py-8 text-center text-zinc-600 dark:text-zinc-400">
                No tenant matches these filters. Clear a filter or search for something else.
              </td>
            </tr>
          )}
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-4 py-2"><table.FlexRender cell={cell} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
