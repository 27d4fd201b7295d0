// What every server action does before calling one service: resolve the actor (each export of a
// "use server" file is a public endpoint), hand the service plain input, and turn an unexpected error into a
// typed result with a reference (./action-result.ts).
import "server-only";
import { revalidatePath } from "next/cache";
import type { MutationResult } from "@/lib/db/mutation";
import { currentActor } from "./actor";
import { runAction, runFormAction, type ActionResult, type FormState } from "./action-result";
import type { Actor } from "./principal";

export type { ActionResult, FormState } from "./action-result";

export function withActor<T>(run: (actor: Actor) => Promise<MutationResult<T>>): Promise<ActionResult<T>> {
  return runAction(currentActor, run);
}

/** For `useActionState`: runs the service on the form's fields and returns them beside its result. */
export function formAction<T>(
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>,
): Promise<FormState<T>> {
  return runFormAction(currentActor, formData, run);
}

/**
 * A tenant page's form action: `formAction`, then refresh that page. The slug is bound by the page and only
 * names the page to refresh (a forged one refreshes another page, nothing more); the tenant comes from the
 * form and the service checks it.
 */
export async function tenantPageAction<T>(
  slug: string,
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>,
): Promise<FormState<T>> {
  const state = await formAction(formData, run);
  revalidatePath(`/t/${slug}`);
  return state;
}
