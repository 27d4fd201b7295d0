// Inputs of the sessions service.
import { z } from "zod";
import { idOf } from "@/lib/domain/schemas";

export const revokeSessionInput = z.object({ sessionId: idOf("a session") });

/** Signing out every other session takes nothing: they are the actor's own. */
export const revokeOtherSessionsInput = z.object({});
