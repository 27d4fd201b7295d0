"use client";
// The columns of the tenant's recent activity (ActivitySection reads the events on the server).
import { Badge } from "@/components/ui/badge";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { formatMinute } from "@/lib/format-time";

export interface ActivityRow {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorType: string;
  action: string;
  targetName: string | null;
  description: string | null;
  /** the description is staff's internal note (a tenant's own people get none) */
  internalNote: boolean;
  isFailure: boolean;
}

const column = dataTableColumns<ActivityRow>();
const columns = column.columns([
  column.accessor("createdAt", { header: "When", meta: { cellClassName: "tabular-nums whitespace-nowrap" }, cell: ({ getValue }) => formatMinute(getValue()) }),
  column.display({ id: "who", header: "Who", cell: ({ row }) => row.original.actorName ?? row.original.actorType }),
  column.accessor("action", {
    header: "What", meta: { cellClassName: "font-mono text-xs" },
    cell: ({ row: { original: event } }) => <>{event.action} {event.isFailure && <Badge tone="red">refused</Badge>}</>,
  }),
  column.accessor("targetName", { header: "Target", cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("description", {
    header: "Note", meta: { cellClassName: "max-w-xs truncate" },
    cell: ({ row: { original: event } }) => event.description && (
      <>
        {event.internalNote && <Badge>staff only</Badge>} <span title={event.description}>{event.description}</span>
      </>
    ),
  }),
]);

export function ActivityTable({ events }: { events: ActivityRow[] }) {
  return <DataTable columns={columns} data={events} caption="Recent activity" showCaption getRowId={(event) => event.id} empty="Nothing has happened here yet." />;
}
