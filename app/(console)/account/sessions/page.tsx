import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { currentActor } from "@/lib/auth/actor";
import { listOwnSessions } from "@/lib/domain/sessions/queries";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function SessionsPage() {
  const actor = (await currentActor())!;
  const sessions = await listOwnSessions(actor);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Your sessions</h1>
        {sessions.length > 1 && (
          <form action={async () => { "use server"; await revokeOtherSessionsAction(); }}>
            <Button variant="secondary">Sign out all other sessions</Button>
          </form>
        )}
      </div>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Signed-in sessions</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Browser</th>
              <th scope="col" className="px-4 py-2 font-medium">From</th>
              <th scope="col" className="px-4 py-2 font-medium">Signed in</th>
              <th scope="col" className="px-4 py-2 font-medium">Last seen</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="max-w-xs truncate px-4 py-2" title={session.userAgent ?? undefined}>
                  {session.userAgent ?? "unknown browser"} {session.current && <Badge tone="green">this browser</Badge>}
                </td>
                <td className="px-4 py-2 font-mono text-xs">{session.ipAddress ?? "—"}</td>
                <td className="px-4 py-2 tabular-nums">{when(session.createdAt)}</td>
                <td className="px-4 py-2 tabular-nums">{when(session.lastSeenAt)}</td>
                <td className="px-4 py-2 text-right">
                  {!session.current && (
                    <form action={async (formData) => { "use server"; await revokeSessionAction(formData); }}>
                      <input type="hidden" name="sessionId" value={session.id} />
                      <Button variant="danger" aria-label={`Sign out the session from ${session.ipAddress ?? "unknown address"} last seen ${when(session.lastSeenAt)}`}>Sign out</Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
