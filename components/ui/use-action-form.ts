"use client";
// The one hook of every form that submits a server action: what the action answered, what was typed, and what
// to say about a failure, under each field or above them all; and, until a save succeeds, a warning before the
// page goes with an edit in the form (use-unsaved-changes.ts).
//
// What was typed survives a failed submission until a save succeeds. React resets a <form action> after every
// submission, each control to its default. A text field's default follows its defaultValue prop, but a select's
// default option is fixed when it mounts, and a controlled checkbox's is its first state, so the reset would
// show the saved value while the form holds the edit. So each form is drawn afresh after every submission
// (`<form key={form.revision}>`, or the element holding its controls), every control from `form.value(...)` or
// from its own state.
import { useActionState, useEffect, useId } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/auth/action-result";
import { useUnsavedChanges } from "./use-unsaved-changes";

/** A server action as useActionState takes it (with its page's slug bound, where it has one). */
export type FormAction<T = unknown> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

type Failure<T> = Extract<NonNullable<FormState<T>>, { ok: false }>;

interface Submitted<T> {
  state: FormState<T>;
  /** how many submissions have been answered: the form's key */
  revision: number;
}

/**
 * What the toast after a success says: a sentence, one made from the answer, or null where the answer itself
 * shows in place (a new key's reveal, an integrity check's verdict). Required, so that no form forgets to say.
 */
export type SuccessToast<T> = string | ((data: T) => string) | null;

export interface ActionFormOptions<T> {
  successToast: SuccessToast<T>;
  /** runs with the data of a submission that succeeded */
  onSuccess?: (data: T) => void;
}

/** `action` with useActionState; a success is confirmed by its toast, then handed to `onSuccess`. */
export function useActionForm<T = unknown>(action: FormAction<T>, { successToast, onSuccess }: ActionFormOptions<T>) {
  const [{ state, revision }, submit, pending] = useActionState(
    async (previous: Submitted<T>, formData: FormData): Promise<Submitted<T>> => {
      const next = await action(previous.state, formData);
      if (next?.ok) {
        if (successToast !== null) toast.success(typeof successToast === "function" ? successToast(next.data) : successToast);
        onSuccess?.(next.data);
      }
      return { state: next, revision: previous.revision + 1 };
    },
    { state: null, revision: 0 },
  );
  const failure: Failure<T> | null = state && !state.ok ? state : null;
  const fieldErrors = (failure && "fieldErrors" in failure && failure.fieldErrors) || {};

  // Drawing the form afresh took focus with it: after a failure, bring the person to what to correct.
  const id = useId();
  const failedRevision = failure ? revision : 0;
  useEffect(() => {
    if (failedRevision) document.getElementById(id)?.querySelector<HTMLElement>("[aria-invalid=true], [role=alert]")?.focus();
  }, [id, failedRevision]);
  // until a save succeeds, leaving the page with an edit in this form asks first
  useUnsavedChanges(id, { revision, saved: Boolean(state?.ok) });

  return {
    /** for the form: `<form key={revision} id={id} action={submit}>` */
    id, submit, pending, revision,
    state,
    /** the last answer, when it was a failure */
    failure,
    /** a control's default: what was typed if the last submission failed, else `saved` */
    value: (name: string, saved = "") => failure?.values[name] ?? saved,
    /** the errors to show under the control of `field` */
    errors: (field: string): string[] | undefined => fieldErrors[field],
    /**
     * What to show above the fields, or null: a refusal's or an unexpected error's message (with its reference),
     * or the validation errors of the form as a whole and of the fields named, which have no control to show them.
     */
    message(...fieldsWithoutControl: string[]): string | null {
      if (!failure) return null;
      if (failure.kind !== "validation") return failure.message;
      const errors = ["_", ...fieldsWithoutControl].flatMap((field) => failure.fieldErrors[field] ?? []);
      return errors.length ? errors.join(" ") : null;
    },
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;
