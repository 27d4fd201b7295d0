// What every server action does before calling one service: resolve the actor (each export of a
// "use server" file is a public endpoint) and hand the service plain input.
import "server-only";
import { revalidatePath } from "next/cache";
import type { MutationResult } from "@/lib/db/mutation";
import { currentActor } from "./actor";
import type { Actor } from "./principal";

const SIGNED_OUT = { ok: false, kind: "forbidden", message: "Your session has ended: sign in again." } as const;

export async function withActor<T>(run: (actor: Actor) => Promise<MutationResult<T>>): Promise<MutationResult<T>> {
  const actor = await currentActor();
  return actor ? run(actor) : SIGNED_OUT;
}

/** The state a form keeps between submissions: the result, and what was typed so an error loses nothing. */
export type FormState<T = unknown> = (MutationResult<T> & { values: Record<string, string> }) | null;

/** For `useActionState`: runs the service on the form's fields and returns them beside its result. */
export async function formAction<T>(
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>,
): Promise<FormState<T>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return { ...(await withActor((actor) => run(actor, values))), values };
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
