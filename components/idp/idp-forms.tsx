"use client";
// The identity provider section's forms. Each keeps what was typed when the service refuses it.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import type { FormState } from "@/lib/auth/action";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const failure = (state: FormState) => (state && !state.ok ? state : null);

function Saved({ state, children }: { state: FormState; children: React.ReactNode }) {
  return state?.ok ? <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{children}</p> : null;
}

export function OidcForm({ action, tenantId, current }: { action: Action; tenantId: string; current?: { discoveryUrl: string; clientId: string } }) {
  const [state, submit, pending] = useActionState(action, null);
  const refused = failure(state);
  const fieldErrors = refused?.kind === "validation" ? refused.fieldErrors : {};
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field id="idp-oidc-discovery" label="Discovery URL" hint="Ends with /.well-known/openid-configuration" errors={fieldErrors.discoveryUrl}>
        {(control) => (
          <Input {...control} name="discoveryUrl" inputMode="url" required placeholder="https://login.example.com/.well-known/openid-configuration"
            defaultValue={refused?.values.discoveryUrl ?? current?.discoveryUrl} />
        )}
      </Field>
      <Field id="idp-oidc-client" label="Client id" errors={fieldErrors.clientId}>
        {(control) => <Input {...control} name="clientId" required maxLength={200} defaultValue={refused?.values.clientId ?? current?.clientId} />}
      </Field>
      {refused?.kind !== "validation" && <FormError message={refused?.message} />}
      <Saved state={state}>Saved. A platform admin verifies it before it is relied on.</Saved>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : current ? "Save OIDC changes" : "Save OIDC provider"}</Button>
    </form>
  );
}

export function SamlForm({ action, tenantId, replacing }: { action: Action; tenantId: string; replacing: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  const refused = failure(state);
  const fieldErrors = refused?.kind === "validation" ? refused.fieldErrors : {};
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field id="idp-saml-metadata" label="Metadata XML" hint="Paste the XML your identity provider publishes (at most 256 KB). Only the parsed fields are kept." errors={fieldErrors.metadataXml}>
        {(control) => (
          <Textarea {...control} name="metadataXml" required rows={8} spellCheck={false} className="font-mono text-xs"
            placeholder={'<EntityDescriptor entityID="…">'} defaultValue={refused?.values.metadataXml ?? ""} />
        )}
      </Field>
      {refused?.kind !== "validation" && <FormError message={refused?.message} />}
      <Saved state={state}>Saved. A platform admin verifies it before it is relied on.</Saved>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : replacing ? "Replace SAML metadata" : "Save SAML provider"}</Button>
    </form>
  );
}

export function VerifyForm({ action, tenantId, type, label, seenUpdatedAt }: { action: Action; tenantId: string; type: string; label: string; seenUpdatedAt: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="seenUpdatedAt" value={seenUpdatedAt} />
      <FormError message={failure(state)?.message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Marking…" : `Mark ${label} verified`}
      </Button>
    </form>
  );
}

export function RemoveDialog({ action, tenantId, type, label }: { action: Action; tenantId: string; type: string; label: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" aria-label={`Remove the ${label} identity provider`}>Remove</Button>
      </DialogTrigger>
      <DialogContent title={`Remove the ${label} identity provider?`} description="Its configuration is deleted; setting it up again needs a new verification.">
        <form action={submit} className="space-y-4">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="type" value={type} />
          <FormError message={failure(state)?.message} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? "Removing…" : `Remove ${label}`}</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
