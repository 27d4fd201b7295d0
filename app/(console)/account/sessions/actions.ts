"use server";
// Each export here is a public POST endpoint: formAction resolves the actor and the service authorizes.
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/auth/action";
import { revokeOtherSessions, revokeSession } from "@/lib/domain/sessions/service";

export async function revokeSessionAction(_previous: FormState, formData: FormData) {
  const state = await formAction(formData, (actor, input) => revokeSession(actor, { sessionId: input.sessionId }));
  revalidatePath("/account/sessions");
  return state;
}

export async function revokeOtherSessionsAction(_previous: FormState, formData: FormData) {
  const state = await formAction(formData, (actor) => revokeOtherSessions(actor));
  revalidatePath("/account/sessions");
  return state;
}
