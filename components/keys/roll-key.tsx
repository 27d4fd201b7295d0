"use client";
// Rolling a key: the rows' Roll menu items open one dialog held above the table. A roll can move its row out of
// a filtered list (an active key becomes expiring or revoked); a dialog inside the row would go with it, and
// with it the new key before it was copied.
import { createContext, use, useRef, useState } from "react";
import { ActionFormShell, DialogFormButtons } from "@/components/ui/action-form";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { RollGrace } from "@/lib/domain/keys/schemas";
import { REVEAL_DESCRIPTION, REVEAL_TITLE, useIssuedKey, type KeyFormAction } from "./key-reveal";

interface RollTarget {
  id: string;
  name: string;
}

const GRACES: { value: RollGrace; label: string; hint: string }[] = [
  { value: "none", label: "No grace period", hint: "The old key is revoked now: requests with it fail at once." },
  { value: "1h", label: "1 hour", hint: "For a service you can redeploy right away." },
  { value: "24h", label: "24 hours", hint: "Time to update every place the key is used." },
  { value: "7d", label: "7 days", hint: "For clients you do not control." },
];
const DEFAULT_GRACE: RollGrace = "24h";

const RollContext = createContext<(target: RollTarget, opener: HTMLElement) => void>(() => {});

export function RollKeyHost({ tenantId, action, children }: { tenantId: string; action: KeyFormAction; children: React.ReactNode }) {
  const [target, setTarget] = useState<RollTarget | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = (next: RollTarget, from: HTMLElement) => {
    opener.current = from;
    setTarget(next);
  };
  const closed = () => {
    setTarget(null);
    // no DialogTrigger to return focus to: go back to the row's menu button, if its row is still listed
    const from = opener.current;
    setTimeout(() => from?.isConnected && from.focus(), 0);
  };
  const { issuedKey, setIssuedKey, requestClose, reveal } = useIssuedKey(closed);

  return (
    <RollContext value={open}>
      {children}
      <Dialog open={target !== null} onOpenChange={(isOpen) => !isOpen && requestClose()}>
        {target && (
          <DialogContent
            title={issuedKey ? REVEAL_TITLE : `Roll ${target.name}`}
            description={issuedKey ? REVEAL_DESCRIPTION : (
              `A new key replaces ${target.name}, with the same name, scopes, project, product and expiry. ` +
              "During the grace period both keys work, so you can deploy the new one; then the old key stops working (never later than its own expiry)."
            )}
          >
            {reveal || <RollForm tenantId={tenantId} target={target} action={action} onRolled={setIssuedKey} />}
          </DialogContent>
        )}
      </Dialog>
    </RollContext>
  );
}

/** Opens the roll dialog for `target`; focus goes back to `opener` (the row's menu button) when it closes. */
export const useRollKey = () => use(RollContext);

function RollForm({ tenantId, target, action, onRolled }: { tenantId: string; target: RollTarget; action: KeyFormAction; onRolled: (key: string) => void }) {
  const form = useActionForm(action, { successToast: null, onSuccess: (issued) => onRolled(issued.key) }); // the reveal dialog says it
  const chosen = form.value("grace", DEFAULT_GRACE);

  return (
    <ActionFormShell
      form={form}
      fields={{ tenantId, keyId: target.id }}
      // the radios have no place for an error: the form says them all
      fieldsWithoutControl={["grace"]}
      footer={<DialogFormButtons pending={form.pending} submitLabel="Roll key" pendingLabel="Rolling…" />}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Keep the old key working for</legend>
        {GRACES.map((grace) => (
          <div key={grace.value} className="flex items-start gap-2">
            <input
              id={`roll-grace-${grace.value}`}
              type="radio"
              name="grace"
              value={grace.value}
              defaultChecked={grace.value === chosen}
              aria-describedby={`roll-grace-${grace.value}-hint`}
              className="mt-0.5 size-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
            />
            <div className="text-sm">
              <label htmlFor={`roll-grace-${grace.value}`} className="font-medium">{grace.label}</label>
              <p id={`roll-grace-${grace.value}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">{grace.hint}</p>
            </div>
          </div>
        ))}
      </fieldset>
    </ActionFormShell>
  );
}
