// Inputs of the sessions service.
import { z } from "zod";
import { idOf } from "@/lib/domain/schemas";

export const revokeOneInput = z.object({ sessionId: idOf("a session") });

