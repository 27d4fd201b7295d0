// The staff view's table of tenants by spend, and the card of trials with the most usage (for sales). Both link
// each tenant to its usage dashboard.
import Link from "next/link";
import type { TenantUsageRow } from "@/lib/domain/usage/queries";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { formatCount, formatRate, formatUsd } from "./format";

const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

function TenantLink({ row }: { row: TenantUsageRow }) {
  return (
    <span>
      <Link href={`/t/${row.slug}/usage`} className="font-medium hover:underline">{row.name}</Link>{" "}
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{row.slug}</span>
    </span>
  );
}

export function StaffUsageTable({ rows, rangeLabel }: { rows: TenantUsageRow[]; rangeLabel: string }) {
  return (
    <Table
      caption="Tenants by spend"
      head={<><Th>Tenant</Th><Th>Status</Th><Th>Plan</Th><Th className="text-right">Spend</Th><Th className="text-right">Requests</Th><Th className="text-right">Error rate</Th></>}
    >
      {rows.length === 0 && <EmptyRow columns={6}>No tenant matches these filters. Choose another status or plan.</EmptyRow>}
      {rows.map((row) => (
        <Tr key={row.tenantId}>
          <Td><TenantLink row={row} /></Td>
          <Td><TenantStatusBadge status={row.status} /></Td>
          <Td className="capitalize">{row.plan}</Td>
          <Td className="text-right tabular-nums">{formatUsd(row.spendUsd)}</Td>
          <Td className="text-right tabular-nums">{formatCount(row.requests)}</Td>
          <Td className="text-right tabular-nums">
            {row.requests ? formatRate(row.errors / row.requests) : <span title={`No requests in ${rangeLabel}`}>—</span>}
          </Td>
        </Tr>
      ))}
    </Table>
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
                  {row.trialEndsAt && <> · trial ends {dateFormat.format(row.trialEndsAt)}</>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}
