"use client";
// Editing one product entitlement: enabled, expiry and the config as JSON text, kept as typed on an error.
import { ActionDialog, type DialogControl } from "@/components/ui/action-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import type { ActionForm, FormAction } from "@/components/ui/use-action-form";
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

/** Opened from the product's row menu (`control`). */
export function EntitlementDialog({ tenantId, draft, action, control }: { tenantId: string; draft: EntitlementDraft; action: FormAction; control: DialogControl }) {
  return (
    <ActionDialog
      control={control}
      title={`${draft.label} entitlement`}
      description="Saving replaces the enabled state, the expiry and the whole configuration."
      action={action}
      fields={{ tenantId, product: draft.product }}
      submitLabel="Save entitlement"
      pendingLabel="Saving…"
      successToast={`${draft.label} entitlement saved`}
    >
      {(form) => <EntitlementFields draft={draft} form={form} />}
    </ActionDialog>
  );
}

function EntitlementFields({ draft, form }: { draft: EntitlementDraft; form: ActionForm }) {
  const typed = form.failure?.values;
  const enabledErrors = form.errors("enabled");
  const id = `entitlement-${draft.product}`;

  return (
    <>
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
    </>
  );
}
