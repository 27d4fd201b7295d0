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
 * A tenant page's form action: `formAction`, then refresh the tenant's pages (the layout form: the page the
 * form is on, and the tenant's navigation beside it). The slug is bound by the page and only names the pages
 * to refresh (a forged one refreshes another tenant's, nothing more); the tenant comes from the form and the
 * service checks it.
 */
export async function tenantPageAction<T>(
  slug: string,
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>,
): Promise<FormState<T>> {
  const state = await formAction(formData, run);
  revalidatePath(`/t/${slug}`, "layout");
  return state;
}

/**
 * The server action of a tenant page for one service, for `useActionState` once the page binds the slug:
 * `export const fooAction = tenantPageActionOf(foo)` in a route's "use server" `actions.ts`. Next allows any
 * export there that is a function (it checks at run time); each one is a public endpoint, which resolves the
 * actor itself (tenantPageAction) and whose service validates and authorizes.
 */
export function tenantPageActionOf<T>(run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>) {
  // the previous state is unused (each call starts afresh), hence untyped, as useActionForm passes it
  return async (slug: string, _previous: FormState, formData: FormData): Promise<FormState<T>> =>
    tenantPageAction(slug, formData, run);
}
