import type { Metadata } from "next";
import { ActionButton } from "@/components/ui/action-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { requireConsoleActor } from "@/lib/auth/actor";
import { listOwnSessions } from "@/lib/domain/sessions/queries";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

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
            successToast="Every other session is signed out"
            accessibleLabel="Sign out all other sessions"
          />
        )}
      />
      <SessionsTable sessions={sessions} revoke={revokeSessionAction} />
    </>
  );
}
