"use client";
// The identity provider section's forms. Each keeps what was typed when the service refuses it.
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

function Saved({ saved, children }: { saved: boolean; children: React.ReactNode }) {
  return saved ? <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{children}</p> : null;
}

export function OidcForm({ action, tenantId, current }: { action: FormAction; tenantId: string; current?: { discoveryUrl: string; clientId: string } }) {
  const form = useActionForm(action);
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field id="idp-oidc-discovery" label="Discovery URL" hint="Ends with /.well-known/openid-configuration" errors={form.errors("discoveryUrl")}>
        {(control) => (
          <Input {...control} name="discoveryUrl" inputMode="url" required placeholder="https://login.example.com/.well-known/openid-configuration"
            defaultValue={form.value("discoveryUrl", current?.discoveryUrl)} />
        )}
      </Field>
      <Field id="idp-oidc-client" label="Client id" errors={form.errors("clientId")}>
        {(control) => <Input {...control} name="clientId" required maxLength={200} defaultValue={form.value("clientId", current?.clientId)} />}
      </Field>
      <FormError message={form.message("tenantId")} />
      <Saved saved={Boolean(form.state?.ok)}>Saved. A platform admin verifies it before it is relied on.</Saved>
      <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : current ? "Save OIDC changes" : "Save OIDC provider"}</Button>
    </form>
  );
}

export function SamlForm({ action, tenantId, replacing }: { action: FormAction; tenantId: string; replacing: boolean }) {
  const form = useActionForm(action);
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field id="idp-saml-metadata" label="Metadata XML" hint="Paste the XML your identity provider publishes (at most 256 KB). Only the parsed fields are kept." errors={form.errors("metadataXml")}>
        {(control) => (
          <Textarea {...control} name="metadataXml" required rows={8} spellCheck={false} className="font-mono text-xs"
            placeholder={'<EntityDescriptor entityID="…">'} defaultValue={form.value("metadataXml")} />
        )}
      </Field>
      <FormError message={form.message("tenantId")} />
      <Saved saved={Boolean(form.state?.ok)}>Saved. A platform admin verifies it before it is relied on.</Saved>
      <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : replacing ? "Replace SAML metadata" : "Save SAML provider"}</Button>
    </form>
  );
}

export function VerifyForm({ action, tenantId, type, label, seenUpdatedAt }: { action: FormAction; tenantId: string; type: string; label: string; seenUpdatedAt: string }) {
  const form = useActionForm(action);
  return (
    <form key={form.revision} id={form.id} action={form.submit} className="space-y-2">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="seenUpdatedAt" value={seenUpdatedAt} />
      <FormError message={form.message("tenantId", "type", "seenUpdatedAt")} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? "Marking…" : `Mark ${label} verified`}
      </Button>
    </form>
  );
}

export function RemoveDialog({ action, tenantId, type, label }: { action: FormAction; tenantId: string; type: string; label: string }) {
  const form = useActionForm(action);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" aria-label={`Remove the ${label} identity provider`}>Remove</Button>
      </DialogTrigger>
      <DialogContent title={`Remove the ${label} identity provider?`} description="Its configuration is deleted; setting it up again needs a new verification.">
        <form key={form.revision} id={form.id} action={form.submit} className="space-y-4">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="type" value={type} />
          <FormError message={form.message("tenantId", "type")} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={form.pending}>{form.pending ? "Removing…" : `Remove ${label}`}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
