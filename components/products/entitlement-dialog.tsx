"use client";
// Editing one product entitlement: enabled, expiry and the config as JSON text, kept as typed on an error.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import { useActionForm, type ActionForm, type FormAction } from "@/components/ui/use-action-form";
import { dayBounds, ENTITLEMENT_EXPIRY } from "@/lib/domain/date-bounds";

export interface EntitlementDraft {
  product: string;
  label: string;
  granted: boolean;
  enabled: boolean;
  /** yyyy-mm-dd, or "" for no expiry */
  expiresOn: string;
  /** the current config, or the product's default, as formatted JSON */
  configText: string;
}

/** Errors about the config text itself, then those inside it prefixed by where: "rate_limit_rpm: At least 1…". */
function configErrors({ failure }: ActionForm): string[] | undefined {
  if (failure?.kind !== "validation") return undefined;
  const errors = Object.entries(failure.fieldErrors).flatMap(([path, messages]) => {
    if (path === "config") return messages;
    if (path.startsWith("config.")) return messages.map((message) => `${path.slice("config.".length)}: ${message}`);
    return [];
  });
  return errors.length ? errors : undefined;
}

export function EntitlementDialog({ tenantId, draft, action }: { tenantId: string; draft: EntitlementDraft; action: FormAction }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" aria-label={`${draft.granted ? "Edit" : "Set up"} the ${draft.label} entitlement`}>
          {draft.granted ? "Edit" : "Set up"}
        </Button>
      </DialogTrigger>
      <DialogContent title={`${draft.label} entitlement`} description="Saving replaces the enabled state, the expiry and the whole configuration.">
        <EntitlementForm tenantId={tenantId} draft={draft} action={action} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function EntitlementForm({ tenantId, draft, action, onDone }: { tenantId: string; draft: EntitlementDraft; action: FormAction; onDone: () => void }) {
  const form = useActionForm(action, onDone);
  const typed = form.failure?.values;
  const enabledErrors = form.errors("enabled");
  const id = `entitlement-${draft.product}`;

  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-4">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="product" value={draft.product} />
      {/* an unticked checkbox sends nothing: this says "false", and a ticked box's "true" after it wins */}
      <input type="hidden" name="enabled" value="false" />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name="enabled"
            value="true"
            defaultChecked={typed ? typed.enabled === "true" : draft.enabled}
            aria-invalid={Boolean(enabledErrors)}
            className="size-4 rounded border-zinc-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-700"
          />
          Enabled
        </label>
        {enabledErrors && <p className="text-xs text-rose-700 dark:text-rose-400">{enabledErrors.join(" ")}</p>}
      </div>
      <Field id={`${id}-expires`} label="Expires on" hint="Optional. The entitlement ends at the start of this day (UTC)." errors={form.errors("expiresAt")}>
        {(control) => <Input {...control} type="date" name="expiresAt" {...dayBounds(ENTITLEMENT_EXPIRY)} defaultValue={form.value("expiresAt", draft.expiresOn)} />}
      </Field>
      <Field id={`${id}-config`} label="Configuration (JSON)" errors={configErrors(form)}>
        {(control) => (
          <Textarea
            {...control}
            name="config"
            rows={8}
            spellCheck={false}
            className="font-mono text-xs"
            defaultValue={form.value("config", draft.configText)}
          />
        )}
      </Field>
      <FormError message={form.message("tenantId", "product")} />
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button type="button" variant="secondary">Cancel</Button></DialogClose>
        <Button disabled={form.pending}>{form.pending ? "Saving…" : "Save entitlement"}</Button>
      </div>
    </form>
  );
}
