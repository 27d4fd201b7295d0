"use client";
// The staff view's table of tenants by spend, and the card of trials with the most usage (for sales). Both link
// each tenant to its usage dashboard.
import Link from "next/link";
import { useMemo } from "react";
import type { TenantUsageRow } from "@/lib/domain/usage/queries";
import { Card } from "@/components/ui/card";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { formatDay } from "@/lib/format-time";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { PLAN_LABELS } from "@/lib/domain/tenants/list-params";
import { formatCount, formatRate, formatUsd } from "./format";

function TenantLink({ row }: { row: TenantUsageRow }) {
  return (
    <span>
      <Link href={`/t/${row.slug}/usage`} className="font-medium hover:underline">{row.name}</Link>{" "}
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{row.slug}</span>
    </span>
  );
}

const column = dataTableColumns<TenantUsageRow>();
const numeric = { numeric: true };

function columnsFor(rangeLabel: string) {
  return column.columns([
    column.display({ id: "tenant", header: "Tenant", cell: ({ row }) => <TenantLink row={row.original} /> }),
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <TenantStatusBadge status={getValue()} /> }),
    column.accessor("plan", { header: "Plan", cell: ({ getValue }) => PLAN_LABELS[getValue()] }),
    column.accessor("spendUsd", { header: "Spend", meta: numeric, cell: ({ getValue }) => formatUsd(getValue()) }),
    column.accessor("requests", { header: "Requests", meta: numeric, cell: ({ getValue }) => formatCount(getValue()) }),
    column.display({
      id: "errorRate", header: "Error rate", meta: numeric,
      cell: ({ row: { original: row } }) => row.requests ? formatRate(row.errors / row.requests) : <span title={`No requests in ${rangeLabel}`}>—</span>,
    }),
  ]);
}

export function StaffUsageTable({ rows, rangeLabel }: { rows: TenantUsageRow[]; rangeLabel: string }) {
  const columns = useMemo(() => columnsFor(rangeLabel), [rangeLabel]);
  return (
    <DataTable columns={columns} data={rows} caption="Tenants by spend" getRowId={(row) => row.tenantId}
      empty="No tenant matches these filters. Choose another status or plan." />
  );
}

export function TrialsCard({ rows, rangeLabel }: { rows: TenantUsageRow[]; rangeLabel: string }) {
  return (
    <section aria-labelledby="trials-heading">
      <Card className="space-y-3">
        <div className="space-y-1">
          <h2 id="trials-heading" className="text-lg font-semibold">Trials with the most usage</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Tenants on trial by requests in {rangeLabel}: the ones to call first.</p>
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No tenant on trial has usage in {rangeLabel}.</p>
        ) : (
          <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {rows.map((row) => (
              <li key={row.tenantId} className="space-y-0.5 py-2">
                <TenantLink row={row} />
                <p className="text-zinc-600 tabular-nums dark:text-zinc-400">
                  {formatCount(row.requests)} requests · {formatUsd(row.spendUsd)}
                  {row.trialEndsAt && <> · trial ends {formatDay(row.trialEndsAt)}</>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}
