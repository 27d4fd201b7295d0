"use client";
// The columns of the signed-in person's own sessions (the sessions page reads them; each but this browser's can
// be signed out, from its row menu). The browser is named in words ("Chrome 131 on macOS"), its raw user agent
// kept on hover.
import { Badge } from "@/components/ui/badge";
import { ActionDialog } from "@/components/ui/action-form";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
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
      rowActions={(session) => (
        // this browser's session is ended by signing out, from the user menu: no item, so no menu
        <RowMenu name={`the session from ${session.ipAddress ?? "unknown address"} last seen ${formatMinute(session.lastSeenAt)}`} items={[
          !session.current && {
            label: "Sign out", danger: true,
            dialog: (control) => (
              <ActionDialog
                control={control}
                action={revoke}
                fields={{ sessionId: session.id }}
                title="Sign out this session?"
                description={`The browser signed in from ${session.ipAddress ?? "an unknown address"} is signed out at once, and has to sign in again.`}
                submitLabel="Sign out session"
                pendingLabel="Signing out…"
                successToast="Session signed out"
                danger
              />
            ),
          },
        ]} />
      )}
    />
  );
}
