"use client";
// Adding a provider and editing one: the key (typed, never shown again), the base URL, and "Test connection",
// which asks the provider's model list from the server with what the form holds, before or after saving.
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionFormShell, DialogFormButtons, type DialogControl } from "@/components/ui/action-form";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/auth/action-result";
import { PROVIDER_IDS, PROVIDERS, providerLabel, type ProviderId } from "@/lib/domain/providers/catalog";
import type { ConnectionReport } from "@/lib/domain/providers/connection";
import type { ProviderListItem } from "@/lib/domain/providers/queries";
import type { SavedProvider } from "@/lib/domain/providers/service";

export type TestAction = FormAction<ConnectionReport>;

/** The verdict of the last test, in place, announced to screen readers as it comes. */
function ConnectionVerdict({ state, pending }: { state: FormState<ConnectionReport>; pending: boolean }) {
  let body: React.ReactNode = null;
  if (pending) body = <span>Testing…</span>;
  else if (state?.ok) {
    const { result, summary } = state.data;
    body = (
      <>
        <Badge tone={result.outcome === "works" ? "green" : "red"}>{result.outcome === "works" ? "Works" : "Failed"}</Badge>{" "}
        <span>{summary}</span>
        {result.outcome === "works" && result.sample.length > 0 && (
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">Models include {result.sample.join(", ")}.</span>
        )}
      </>
    );
  } else if (state) {
    const errors = state.kind === "validation" ? Object.values(state.fieldErrors).flat().join(" ") : state.message;
    body = <><Badge tone="red">Not tested</Badge> <span>{errors || state.message}</span></>;
  }
  return <div role="status" className="min-h-5 text-sm">{body}</div>;
}

/** A button that sends the enclosing form's fields to `test`, without submitting (or resetting) the form. */
function TestConnection({ test, formId }: { test: TestAction; formId: string }) {
  const [state, setState] = useState<FormState<ConnectionReport>>(null);
  const [pending, startTransition] = useTransition();
  const run = () => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (form) startTransition(async () => setState(await test(null, new FormData(form))));
  };
  return (
    <div className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <Button type="button" variant="secondary" onClick={run} disabled={pending}>{pending ? "Testing…" : "Test connection"}</Button>
      <ConnectionVerdict state={state} pending={pending} />
    </div>
  );
}

function BaseUrlField({ id, provider, errors, defaultValue }: { id: string; provider: ProviderId; errors?: string[]; defaultValue: string }) {
  const info = PROVIDERS[provider];
  const hint = info.defaultBaseUrl
    ? `Optional: leave empty for ${info.label}'s own API (${info.defaultBaseUrl}).`
    : `Required: where the API is, such as ${info.baseUrlHint}.`;
  return (
    <Field id={id} label="Base URL" hint={hint} errors={errors}>
      {(control) => <Input {...control} name="baseUrl" type="url" inputMode="url" defaultValue={defaultValue} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}

const KEY_INPUT = { type: "password", autoComplete: "off", spellCheck: false } as const;

export function AddProviderForm({ tenantId, action, test, configured, onDone }: {
  tenantId: string;
  action: FormAction<SavedProvider>;
  test: TestAction;
  /** the providers the tenant has already: not offered again */
  configured: string[];
  onDone: () => void;
}) {
  const form = useActionForm(action, { successToast: (saved) => `${providerLabel(saved.provider)} added`, onSuccess: onDone });
  const choices = PROVIDER_IDS.filter((id) => !configured.includes(id));
  const [provider, setProvider] = useState<ProviderId>((form.value("provider") as ProviderId) || choices[0]!);
  return (
    <ActionFormShell form={form} fields={{ tenantId }} noValidate footer={<DialogFormButtons pending={form.pending} submitLabel="Add provider" pendingLabel="Adding…" />}>
      <Field id="new-provider" label="Provider" errors={form.errors("provider")}>
        {(control) => (
          <Select {...control} name="provider" value={provider} onChange={(e) => setProvider(e.target.value as ProviderId)}>
            {choices.map((id) => <option key={id} value={id}>{PROVIDERS[id].label}</option>)}
          </Select>
        )}
      </Field>
      <Field id="new-provider-key" label="API key" hint="Encrypted before it is stored; only its last four characters are shown again." errors={form.errors("apiKey")}>
        {(control) => <Input {...control} {...KEY_INPUT} name="apiKey" defaultValue={form.value("apiKey")} />}
      </Field>
      <BaseUrlField id="new-provider-url" provider={provider} errors={form.errors("baseUrl")} defaultValue={form.value("baseUrl")} />
      <div className="flex items-start gap-2">
        <input id="new-provider-default" type="checkbox" name="isDefault" defaultChecked={form.value("isDefault") === "on"} aria-describedby="new-provider-default-hint"
          className="mt-0.5 size-4 rounded border-zinc-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-700" />
        <div className="text-sm">
          <label htmlFor="new-provider-default">Make it the default</label>
          <p id="new-provider-default-hint" className="text-xs text-zinc-600 dark:text-zinc-400">The default serves a model no configured provider has a price for. A tenant&apos;s first provider is its default.</p>
        </div>
      </div>
      <TestConnection test={test} formId={form.id} />
    </ActionFormShell>
  );
}

export function EditProviderDialog({ control, tenantId, provider, action, test }: {
  control: DialogControl;
  tenantId: string;
  provider: ProviderListItem;
  action: FormAction;
  test: TestAction;
}) {
  return (
    <Dialog open={control.open} onOpenChange={control.onOpenChange}>
      <DialogContent title={`Edit ${provider.label}`} description={`Its key ends in ${provider.keyLast4}. Type a new key to replace it, or leave the field empty to keep it.`}>
        <EditProviderForm tenantId={tenantId} provider={provider} action={action} test={test} onDone={() => control.onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function EditProviderForm({ tenantId, provider, action, test, onDone }: {
  tenantId: string; provider: ProviderListItem; action: FormAction; test: TestAction; onDone: () => void;
}) {
  const form = useActionForm(action, { successToast: `${provider.label} saved`, onSuccess: onDone });
  return (
    <ActionFormShell form={form} fields={{ tenantId, providerId: provider.id }} noValidate
      footer={<DialogFormButtons pending={form.pending} submitLabel="Save" pendingLabel="Saving…" />}>
      <Field id="edit-provider-key" label="New API key" hint={`Optional: leave empty to keep the key ending in ${provider.keyLast4}.`} errors={form.errors("apiKey")}>
        {(control) => <Input {...control} {...KEY_INPUT} name="apiKey" defaultValue={form.value("apiKey")} />}
      </Field>
      <BaseUrlField id="edit-provider-url" provider={provider.provider as ProviderId} errors={form.errors("baseUrl")} defaultValue={form.value("baseUrl", provider.baseUrl ?? "")} />
      <TestConnection test={test} formId={form.id} />
    </ActionFormShell>
  );
}
