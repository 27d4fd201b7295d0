"use client";
// The columns of the overview's tenant list (the overview page reads the tenants the viewer may open, by name).
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import type { listTenantOverview } from "@/lib/domain/tenants/queries";
import { PLAN_LABELS } from "@/lib/domain/tenants/list-params";
import { formatDay } from "@/lib/format-time";
import { TenantStatusBadge } from "./status-badge";
import { TenantName } from "./tenant-name";

export type OverviewTenantRow = Awaited<ReturnType<typeof listTenantOverview>>["tenants"][number];

const column = dataTableColumns<OverviewTenantRow>();
const columns = column.columns([
  column.accessor("name", { header: "Tenant", cell: ({ row }) => <TenantName slug={row.original.slug} name={row.original.name} /> }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <TenantStatusBadge status={getValue()} /> }),
  column.accessor("plan", { header: "Plan", cell: ({ getValue }) => PLAN_LABELS[getValue()] }),
  column.accessor("trialEndsAt", { header: "Trial ends", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => { const at = getValue(); return at ? formatDay(at) : "—"; } }),
  column.accessor((tenant) => tenant._count.memberships, { id: "members", header: "Members", meta: { numeric: true } }),
  column.accessor((tenant) => tenant._count.apiKeys, { id: "activeKeys", header: "Active keys", meta: { numeric: true } }),
]);

export function OverviewTable({ tenants }: { tenants: OverviewTenantRow[] }) {
  return <DataTable columns={columns} data={tenants} caption="Tenants" getRowId={(tenant) => tenant.id} empty="No tenants to show." />;
}
