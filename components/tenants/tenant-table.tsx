"use client";
// The staff tenant table: the rows come already filtered, sorted and paginated from the server, and sort and
// page live in the URL (nuqs), so a link reproduces the view.
import { useQueryStates } from "nuqs";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { formatDay } from "@/lib/format-time";
import { TenantStatusBadge } from "./status-badge";
import { TenantName } from "./tenant-name";
import { PLAN_LABELS, tenantListParsers, TENANT_SORTS, type TenantSort } from "@/lib/domain/tenants/list-params";
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

const column = dataTableColumns<TenantRow>();
const date = (iso: string | null) => (iso ? formatDay(new Date(iso)) : "—");
const columns = column.columns([
  column.accessor("name", {
    header: "Tenant",
    cell: ({ row }) => <TenantName slug={row.original.slug} name={row.original.name} />,
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <TenantStatusBadge status={getValue()} /> }),
  column.accessor("plan", { header: "Plan", cell: ({ row }) => `${PLAN_LABELS[row.original.plan]}${row.original.kind === "demo" ? " · demo" : ""}` }),
  column.accessor("trialEndsAt", { header: "Trial ends", cell: ({ getValue }) => <span className="tabular-nums">{date(getValue())}</span> }),
  column.accessor("salesOwner", { header: "Sales owner", cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("members", { header: "Members", enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
  column.accessor("activeKeys", { header: "Active keys", enableSorting: false, cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span> }),
  column.accessor("createdAt", { header: "Created", cell: ({ getValue }) => <span className="tabular-nums">{date(getValue())}</span> }),
]);

const isSort = (id: string): id is TenantSort => (TENANT_SORTS as readonly string[]).includes(id);

export function TenantTable({ rows }: { rows: TenantRow[] }) {
  const [{ sort, dir }, setParams] = useQueryStates(tenantListParsers, { shallow: false });
  return (
    <DataTable
      columns={columns}
      data={rows}
      caption="Tenants"
      empty="No tenant matches these filters. Clear a filter or search for something else."
      sorting={{
        mode: "server",
        state: [{ id: sort, desc: dir === "desc" }],
        onChange: (next) => { if (isSort(next.id)) void setParams({ sort: next.id, dir: next.desc ? "desc" : "asc", page: 1 }); },
      }}
    />
  );
}
