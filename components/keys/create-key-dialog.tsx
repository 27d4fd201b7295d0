"use client";
// "Create key": the form in a dialog that, once the key exists, switches to showing it once.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionFormShell, DialogFormButtons } from "@/components/ui/action-form";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, SelectField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { dayBounds, KEY_EXPIRY } from "@/lib/domain/date-bounds";
import { API_KEY_SCOPES, SCOPES, type ApiKeyScope } from "@/lib/domain/keys/scopes";
import { REVEAL_DESCRIPTION, REVEAL_TITLE, useIssuedKey, type KeyFormAction } from "./key-reveal";

export interface Choice {
  value: string;
  label: string;
}

export function CreateKeyDialog({ tenantId, action, projects, products }: {
  tenantId: string;
  action: KeyFormAction;
  /** the tenant's active projects */
  projects: Choice[];
  products: Choice[];
}) {
  const [open, setOpen] = useState(false);
  const { issuedKey, setIssuedKey, requestClose, reveal } = useIssuedKey(() => setOpen(false));
  const openChange = (next: boolean) => (next ? setOpen(true) : requestClose());

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild><Button>Create key</Button></DialogTrigger>
      <DialogContent
        title={issuedKey ? REVEAL_TITLE : "Create an API key"}
        description={issuedKey ? REVEAL_DESCRIPTION : "The key is shown once, when it is created: only a hash of it is kept."}
      >
        {reveal || <CreateKeyForm tenantId={tenantId} action={action} projects={projects} products={products} onCreated={setIssuedKey} />}
      </DialogContent>
    </Dialog>
  );
}

function CreateKeyForm({ tenantId, action, projects, products, onCreated }: {
  tenantId: string;
  action: KeyFormAction;
  projects: Choice[];
  products: Choice[];
  onCreated: (key: string) => void;
}) {
  const form = useActionForm(action, { successToast: null, onSuccess: (issued) => onCreated(issued.key) }); // the reveal dialog says it
  // One hidden field carries the ticked scopes (a form's repeated names would reach the service as the last
  // one only). Being state, the ticks survive a failed submission as they were.
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["proxy"]);
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => SCOPES.filter((s) => (s === scope ? on : current.includes(s))));
  const scopeErrors = form.errors("scopes");

  return (
    <ActionFormShell
      form={form}
      fields={{ tenantId }}
      noValidate
      footer={<DialogFormButtons pending={form.pending} submitLabel="Generate key" pendingLabel="Generating…" />}
    >
      <input type="hidden" name="scopes" value={scopes.join(",")} />
      <Field id="new-key-name" label="Name" hint="Where the key is used, like “Production” or “CI”: unique among the keys in force. Rolling a key gives its successor the same name while the old one runs out." errors={form.errors("name")}>
        {(control) => <Input {...control} name="name" defaultValue={form.value("name")} autoComplete="off" maxLength={100} />}
      </Field>

      <fieldset className="space-y-2" aria-describedby={scopeErrors ? "new-key-scopes-error" : undefined}>
        <legend className="text-sm font-medium">Scopes</legend>
        {SCOPES.map((scope) => (
          <div key={scope} className="flex items-start gap-2">
            <input
              id={`new-key-scope-${scope}`}
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
              aria-describedby={`new-key-scope-${scope}-hint`}
              aria-invalid={Boolean(scopeErrors)}
              className="mt-0.5 size-4 rounded border-zinc-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-700"
            />
            <div className="text-sm">
              <label htmlFor={`new-key-scope-${scope}`} className="font-mono">{scope}</label>
              <p id={`new-key-scope-${scope}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">{API_KEY_SCOPES[scope]}</p>
            </div>
          </div>
        ))}
        {scopeErrors && <p id="new-key-scopes-error" className="text-xs text-rose-700 dark:text-rose-400">{scopeErrors.join(" ")}</p>}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="new-key-project" label="Project" hint="Optional." errors={form.errors("projectId")}
          name="projectId" defaultValue={form.value("projectId")} noneLabel="No project" choices={projects} />
        <SelectField id="new-key-product" label="Product" hint="Optional." errors={form.errors("product")}
          name="product" defaultValue={form.value("product")} noneLabel="No product" choices={products} />
      </div>
      <Field
        id="new-key-expires"
        label="Expires on"
        hint="Optional. The key stops working at the start of this day (UTC); leave it empty for a key that does not expire."
        errors={form.errors("expiresAt")}
      >
        {(control) => <Input {...control} type="date" name="expiresAt" {...dayBounds(KEY_EXPIRY)} defaultValue={form.value("expiresAt")} />}
      </Field>

    </ActionFormShell>
  );
}
