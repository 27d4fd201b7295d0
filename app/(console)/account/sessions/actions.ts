"use server";
// Each export here is a public POST endpoint: withActor resolves the actor and the service authorizes.
import { revalidatePath } from "next/cache";
import { withActor } from "@/lib/auth/action";
import { revokeOtherSessions, revokeSession } from "@/lib/domain/sessions/service";

export async function revokeSessionAction(formData: FormData) {
  const result = await withActor((actor) => revokeSession(actor, { sessionId: formData.get("sessionId") }));
  revalidatePath("/account/sessions");
  return result;
}

export async function revokeOtherSessionsAction() {
  const result = await withActor((actor) => revokeOtherSessions(actor));
  revalidatePath("/account/sessions");
  return result;
}
