"use client";
// The columns of the signed-in person's own sessions (the sessions page reads them; each but this browser's can
// be signed out). The browser is named in words ("Chrome 131 on macOS"), its raw user agent kept on hover.
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-buttons";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import type { FormAction } from "@/components/ui/use-action-form";
import type { listOwnSessions } from "@/lib/domain/sessions/queries";
import { formatMinute } from "@/lib/format-time";
import { describeUserAgent } from "@/lib/user-agent";

export type SessionRow = Awaited<ReturnType<typeof listOwnSessions>>[number];

const column = dataTableColumns<SessionRow>();
const columns = column.columns([
  column.accessor("userAgent", {
    header: "Browser", meta: { cellClassName: "max-w-xs truncate" },
    cell: ({ row: { original: session } }) => (
      <span title={session.userAgent ?? undefined}>
        {session.userAgent ? describeUserAgent(session.userAgent) : "unknown browser"} {session.current && <Badge tone="green">this browser</Badge>}
      </span>
    ),
  }),
  column.accessor("ipAddress", { header: "From", meta: { cellClassName: "font-mono text-xs" }, cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("createdAt", { header: "Signed in", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => formatMinute(getValue()) }),
  column.accessor("lastSeenAt", { header: "Last seen", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => formatMinute(getValue()) }),
]);

export function SessionsTable({ sessions, revoke }: { sessions: SessionRow[]; revoke: FormAction }) {
  return (
    <DataTable columns={columns} data={sessions} caption="Signed-in sessions" getRowId={(session) => session.id}
      rowActions={(session) => !session.current && (
        <ActionButton
          action={revoke} fields={{ sessionId: session.id }} label="Sign out" pendingLabel="Signing out…" variant="danger" successToast="Session signed out"
          accessibleLabel={`Sign out the session from ${session.ipAddress ?? "unknown address"} last seen ${formatMinute(session.lastSeenAt)}`}
        />
      )}
    />
  );
}
