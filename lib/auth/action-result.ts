// What a server action answers, and the catch around every one. A refusal comes back as the service's typed
// result. Anything else thrown (a dropped connection, a timeout, a bug) becomes an "unexpected" result with a
// short reference: the full error is logged here under that reference and never sent to the browser, since its
// message may hold SQL or secrets. Free of Next's request APIs, so tests run it with an actor of their own.
import "server-only";
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { MutationResult } from "@/lib/db/mutation";
import type { Actor } from "./principal";

export interface UnexpectedFailure {
  ok: false;
  kind: "unexpected";
  /** what the person reads, with the reference */
  message: string;
  /** the key of the server's log line about it */
  reference: string;
}

export type ActionResult<T> = MutationResult<T> | UnexpectedFailure;

/** The state a form keeps between submissions: the result, and what was typed so an error loses nothing. */
export type FormState<T = unknown> = (ActionResult<T> & { values: Record<string, string> }) | null;

const SIGNED_OUT = { ok: false, kind: "forbidden", message: "Your session has ended: sign in again." } as const;

/** Resolves the actor and runs the service; whatever it throws comes back as an unexpected failure. */
export async function runAction<T>(
  resolveActor: () => Promise<Actor | null>,
  run: (actor: Actor) => Promise<MutationResult<T>>,
): Promise<ActionResult<T>> {
  try {
    const actor = await resolveActor();
    return actor ? await run(actor) : SIGNED_OUT;
  } catch (error) {
    unstable_rethrow(error); // redirect(), notFound() and the rest of Next's control flow are not failures
    return unexpectedFailure(error);
  }
}

/** `runAction` on a form's fields, answering them beside the result so the form can show them again. */
export async function runFormAction<T>(
  resolveActor: () => Promise<Actor | null>,
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<MutationResult<T>>,
): Promise<FormState<T>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return { ...(await runAction(resolveActor, (actor) => run(actor, values))), values };
}

function unexpectedFailure(error: unknown): UnexpectedFailure {
  const reference = randomBytes(4).toString("hex");
  // one line, so a log search for the reference finds all of it
  console.error(JSON.stringify({
    level: "error", event: "server_action_failed", reference,
    error: error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error),
  }));
  return { ok: false, kind: "unexpected", reference, message: `Something went wrong on our side. Your changes were not saved (reference ${reference}).` };
}
