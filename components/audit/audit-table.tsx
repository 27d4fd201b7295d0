"use client";
// The audit log's rows, newest first. Each row's "Details" link opens the event in the detail dialog through
// the URL (?event=…), so a detail view can be linked to and the browser's back button closes it.
import Link from "next/link";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import type { AuditListEvent } from "@/lib/domain/audit/queries";
import { ActorTypeBadge, OutcomeBadge } from "./actor-badge";
import { relativeTime } from "@/lib/format-time";

export const eventAnchorId = (id: string) => `audit-event-${id}`;

export interface AuditTableEvent extends AuditListEvent {
  /** this page's URL with the event's details open */
  detailHref: string;
}

const column = dataTableColumns<AuditTableEvent>();
const muted = "text-zinc-600 dark:text-zinc-400";

function columnsFor(now: Date, showTenant: boolean) {
  return column.columns([
    column.display({
      id: "time", header: "Time", meta: { cellClassName: "whitespace-nowrap tabular-nums" },
      cell: ({ row: { original: event } }) => <time dateTime={event.at} title={event.at}>{relativeTime(event.createdAt, now)}</time>,
    }),
    column.display({
      id: "actor", header: "Actor",
      cell: ({ row: { original: event } }) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-medium">{event.actorName ?? event.actorId ?? "unknown"}</span>
          <ActorTypeBadge type={event.actorType} />
        </span>
      ),
    }),
    column.accessor("action", { header: "Action", meta: { cellClassName: "font-mono text-xs" } }),
    column.display({
      id: "target", header: "Target",
      cell: ({ row: { original: event } }) => event.targetType || event.targetName ? (
        <span className="flex flex-col">
          {event.targetType && <span className={`text-xs ${muted}`}>{event.targetType}</span>}
          <span className="break-all">{event.targetName ?? event.targetId ?? "—"}</span>
        </span>
      ) : "—",
    }),
    ...(showTenant ? [column.display({ id: "tenant", header: "Tenant", meta: { cellClassName: "font-mono text-xs" }, cell: ({ row }) => row.original.tenantSlug ?? "platform" })] : []),
    column.display({
      id: "sourceIp", header: "Source IP", meta: { cellClassName: "font-mono text-xs" },
      cell: ({ row: { original: event } }) => event.networkWithheld ? <span className={`font-sans ${muted}`}>not shown (staff)</span> : event.sourceIp ?? "—",
    }),
    column.display({ id: "outcome", header: "Outcome", cell: ({ row }) => <OutcomeBadge failure={row.original.isFailure} /> }),
    column.display({
      id: "details", header: "Details", meta: { srOnlyHeader: true },
      cell: ({ row: { original: event } }) => (
        <Link
          id={eventAnchorId(event.id)}
          href={event.detailHref}
          scroll={false}
          className="rounded text-sm font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
          aria-label={`Details of ${event.action} at ${event.at}`}
        >
          Details
        </Link>
      ),
    }),
  ]);
}

export function AuditTable({ events, now, showTenant, filtered }: {
  events: AuditTableEvent[];
  now: Date;
  /** the staff view across tenants adds a tenant column */
  showTenant: boolean;
  filtered: boolean;
}) {
  // on the moment's value, not the Date: each server render sends a new Date, and new columns remount the cells
  const nowMs = now.getTime();
  const columns = useMemo(() => columnsFor(new Date(nowMs), showTenant), [nowMs, showTenant]);
  return (
    <DataTable columns={columns} data={events} caption="Audit events, newest first" getRowId={(event) => event.id}
      empty={filtered ? "No event matches these filters: widen or clear them." : "No events recorded yet."}
    />
  );
}
