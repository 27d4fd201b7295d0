"use client";
// The one view of a new key's plaintext, after create or roll. The key lives only in the state of the dialog
// showing this; closing the dialog forgets it.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/use-action-form";
import type { IssuedKey } from "@/lib/domain/keys/service";

/** A server action of keys/actions.ts with its slug bound; create and roll answer with the new key. */
export type KeyFormAction = FormAction<IssuedKey>;

export const REVEAL_TITLE = "Copy your new key";

type CopyState = "idle" | "copied" | "unavailable";

export function KeyReveal({ apiKey, onDone }: { apiKey: string; onDone: () => void }) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const view = useRef<HTMLDivElement>(null);
  const selectKey = () => view.current?.querySelector<HTMLInputElement>("#revealed-key")?.select();

  // the form that led here is gone: focus (and select) the key so it is read out and ready to copy
  useEffect(selectKey, []);

  async function copyKey() {
    try {
      // navigator.clipboard is missing outside secure contexts, and writing may be refused
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(apiKey);
      setCopy("copied");
    } catch {
      setCopy("unavailable");
      selectKey();
    }
  }

  return (
    <div ref={view} className="space-y-4">
      <p className="rounded-md bg-amber-50 p-3 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">
        This is the only time the key is shown. Store it in your secrets manager now.
      </p>
      <Field id="revealed-key" label="Your new API key">
        {(control) => (
          <Input
            {...control}
            readOnly
            value={apiKey}
            spellCheck={false}
            autoComplete="off"
            className="font-mono text-xs"
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={copyKey}>Copy</Button>
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {copy === "copied" && <span className="font-medium text-emerald-800 dark:text-emerald-300">Copied</span>}
          {copy === "unavailable" && "Copying is not available here: the key is selected above, copy it with Ctrl+C (⌘C on a Mac)."}
        </p>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
