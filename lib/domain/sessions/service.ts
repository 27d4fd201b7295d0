import "server-only";
import { z } from "zod";
import { mutate, MutationRefusal } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";
import { revokeOneInput } from "./schemas";

// Never undefined: Prisma would read an undefined filter as "any user".
function ownUserId(actor: Actor): string {
  if (!actor.id) throw new MutationRefusal("not_found", "Only a signed-in person has sessions.");
  return actor.id;
}

/** Signs one of the actor's own sessions out; it takes effect on that browser's next request. */
export function revokeSession(actor: Actor, input: unknown) {
  return mutate(actor, {
    permission: "session.revoke", event: "session.revoked",
    schema: revokeOneInput, target: "sessionId",
    async execute(tx, { sessionId }) {
      const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: ownUserId(actor) } });
      if (count === 0) throw new MutationRefusal("not_found", "That session is already signed out.");
      return { data: { revoked: 1 }, audit: {} };
    },
  }, input);
}

/** Signs out every session of the actor but the one making the request. */
export function revokeOtherSessions(actor: Actor) {
  return mutate(actor, {
    permission: "session.revoke", event: "user.sessions_revoked",
    schema: z.object({}),
    async execute(tx) {
      const { count } = await tx.session.deleteMany({ where: { userId: ownUserId(actor), id: { not: actor.sessionId ?? undefined } } });
      return { data: { revoked: count }, audit: { targetId: actor.id, metadata: { count } } };
    },
  }, {});
}
