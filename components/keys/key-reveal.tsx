"use client";
// The one view of a new key's plaintext, after create or roll. The key lives only in the state of the dialog
// showing this; closing the dialog forgets it, so closing before the key was copied asks first.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/use-action-form";
import type { IssuedKey } from "@/lib/domain/keys/service";

/** A server action of keys/actions.ts with its slug bound; create and roll answer with the new key. */
export type KeyFormAction = FormAction<IssuedKey>;

export const REVEAL_TITLE = "Copy your new key";
/** The reveal dialog's description: said once, after the title (never the title again). */
export const REVEAL_DESCRIPTION = "This is the only time the key is shown. Store it in your secrets manager now.";

type CopyState = "idle" | "copied" | "unavailable";

/**
 * A dialog's new key, for the dialog that creates or rolls one. `requestClose` is for the dialog's onOpenChange
 * (Escape, a click outside) and the Done button: it closes (forgetting the key, then `closed`), or, while the key
 * has not been copied, asks first inside the dialog.
 */
export function useIssuedKey(closed: () => void) {
  const [issuedKey, setIssuedKey] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setIssuedKey(null);
    setCopied(false);
    setAsking(false);
    closed();
  };
  const requestClose = () => (issuedKey && !copied ? setAsking(true) : close());
  const reveal = issuedKey && (
    <KeyReveal apiKey={issuedKey} onCopied={() => setCopied(true)} onDone={requestClose}
      asking={asking} onStay={() => setAsking(false)} onClose={close} />
  );
  return { issuedKey, setIssuedKey, requestClose, reveal };
}

function KeyReveal({ apiKey, onCopied, onDone, asking, onStay, onClose }: {
  apiKey: string;
  onCopied: () => void;
  onDone: () => void;
  /** closing was asked for before the key was copied */
  asking: boolean;
  onStay: () => void;
  onClose: () => void;
}) {
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
      onCopied();
    } catch {
      setCopy("unavailable");
      selectKey();
    }
  }

  return (
    <div ref={view} className="space-y-4">
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
            // copied by hand (Ctrl+C, the context menu) counts as copied too
            onCopy={onCopied}
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
      {asking ? (
        <div role="group" aria-labelledby="reveal-close-question" className="space-y-3 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
          <p id="reveal-close-question" className="text-sm font-medium text-amber-900 dark:text-amber-100">
            Close without copying the key? It cannot be shown again: you would have to roll or create another.
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            {/* the question replaces Done: the keyboard goes to its safe answer */}
            <Button autoFocus type="button" variant="secondary" onClick={onStay}>Keep it open</Button>
            <Button type="button" onClick={onClose}>Close without copying</Button>
          </div>
        </div>
      ) : (
        <div className="flex justify-end">
          <Button type="button" onClick={onDone}>Done</Button>
        </div>
      )}
    </div>
  );
}
