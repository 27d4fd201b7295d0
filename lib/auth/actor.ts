// Turns the request's NextAuth session into an Actor: who the user is, their memberships and staff role, and
// where the request came from (for audit rows).
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { SESSION_COOKIE } from "./options";
import { sessionTokenHash } from "./adapter";
import { displayName } from "@/lib/domain/members/queries";
import type { Actor } from "./principal";
import { requestOrigin, type RequestOrigin } from "./request-origin";

// "your sessions" shows when and from where; writing it at most once a minute keeps navigation read-only.
const LAST_SEEN_EVERY_MS = 60_000;

/** The signed-in actor of this request, or null. Memoized per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  // The database session is the truth (a revoked one is gone), so read it directly rather than through
  // NextAuth's session callback, which would not say which session row this is.
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  return sessionToken ? actorOfSession(sessionToken, await requestOrigin()) : null;
});

/**
 * The actor of the session whose cookie holds `sessionToken`, on a request from `origin`; null when the session is
 * gone or expired, or its person is disabled (disabling deletes their sessions, and one opened meanwhile is refused
 * all the same).
 */
export async function actorOfSession(sessionToken: string, { sourceIp, userAgent }: RequestOrigin): Promise<Actor | null> {
  const row = await db.session.findUnique({
    where: { sessionToken: sessionTokenHash(sessionToken) },
    include: { user: { include: { memberships: { select: { tenantId: true, role: true } } } } },
  });
  if (!row || row.expires < new Date() || row.user.disabledAt) return null;
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS || row.ipAddress === null) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: new Date(), ipAddress: sourceIp, userAgent } });
  }
  return {
    type: "user",
    id: row.user.id,
    name: displayName(row.user),
    staffRole: row.user.staffRole,
    memberships: row.user.memberships,
    sessionId: row.id,
    sourceIp,
    userAgent,
  };
}

/**
 * The actor of a console page: off to sign-in without a session, to "no access" once the last membership is
 * gone (sign-in needs a membership or a staff role, but a membership can be removed while its session lives on).
 * Every page asks itself: Next renders a layout and its page at once, and a client navigation re-renders only
 * the page, so a layout's check guards neither.
 */
export async function requireConsoleActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!actor.staffRole && actor.memberships.length === 0) redirect("/no-access");
  return actor;
}
