import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/principal";

/** The actor's own sessions that have not expired, the current one first. */
export async function listOwnSessions(actor: Actor) {
  const sessions = await db.session.findMany({
    where: { userId: actor.id ?? "", expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true, expires: true },
  });
  return sessions
    .map((s) => ({ ...s, current: s.id === actor.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
