import type { Metadata } from "next";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsoleActor } from "@/lib/auth/actor";
import { listOwnSessions } from "@/lib/domain/sessions/queries";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function SessionsPage() {
  const actor = await requireConsoleActor();
  const sessions = await listOwnSessions(actor);
  return (
    <>
      <PageHeader
        title="Your sessions"
        actions={sessions.length > 1 && (
          <ActionButton
            action={revokeOtherSessionsAction} fields={{}} label="Sign out all other sessions" pendingLabel="Signing out…"
            accessibleLabel="Sign out all other sessions"
          />
        )}
      />
      <Table
        caption="Signed-in sessions"
        head={<><Th>Browser</Th><Th>From</Th><Th>Signed in</Th><Th>Last seen</Th><Th><span className="sr-only">Actions</span></Th></>}
      >
        {sessions.map((session) => (
          <Tr key={session.id}>
            <Td className="max-w-xs truncate" title={session.userAgent ?? undefined}>
              {session.userAgent ?? "unknown browser"} {session.current && <Badge tone="green">this browser</Badge>}
            </Td>
            <Td className="font-mono text-xs">{session.ipAddress ?? "—"}</Td>
            <Td className="tabular-nums">{when(session.createdAt)}</Td>
            <Td className="tabular-nums">{when(session.lastSeenAt)}</Td>
            <Td className="text-right">
              {!session.current && (
                <ActionButton
                  action={revokeSessionAction} fields={{ sessionId: session.id }} label="Sign out" pendingLabel="Signing out…" variant="danger"
                  accessibleLabel={`Sign out the session from ${session.ipAddress ?? "unknown address"} last seen ${when(session.lastSeenAt)}`}
                />
              )}
            </Td>
          </Tr>
        ))}
      </Table>
    </>
  );
}
