"use server";
// Each export here is a public POST endpoint: it resolves the actor itself and the service authorizes.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/actor";
import { revokeOtherSessions, revokeSession } from "@/lib/domain/sessions/service";

const signedOut = { ok: false as const, kind: "forbidden" as const, message: "Sign in again." };

export async function revokeSessionAction(formData: FormData) {
  const actor = await currentActor();
  const result = actor ? await revokeSession(actor, { sessionId: formData.get("sessionId") }) : signedOut;
  revalidatePath("/account/sessions");
  return result;
}

export async function revokeOtherSessionsAction() {
  const actor = await currentActor();
  const result = actor ? await revokeOtherSessions(actor) : signedOut;
  revalidatePath("/account/sessions");
  return result;
}
