"use client";
// The identity provider section's forms. Each keeps what was typed when the service refuses it.
import { Button } from "@/components/ui/button";
import { ActionDialog, ActionFormShell } from "@/components/ui/action-form";
import { Field, Input, Textarea } from "@/components/ui/field";
import { useActionForm, type ActionForm, type FormAction } from "@/components/ui/use-action-form";

/** A provider's settings form: says "saved" once the service took it (a platform admin then verifies it). */
function ProviderForm({ action, tenantId, submitLabel, children }: {
  action: FormAction;
  tenantId: string;
  submitLabel: string;
  children: (form: ActionForm) => React.ReactNode;
}) {
  const form = useActionForm(action, { successToast: null }); // said in place, with what happens next
  const footer = (
    <>
      {form.state?.ok && <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">Saved. A platform admin verifies it before it is relied on.</p>}
      <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : submitLabel}</Button>
    </>
  );
  return <ActionFormShell form={form} fields={{ tenantId }} className="space-y-3" footer={footer}>{children(form)}</ActionFormShell>;
}

// An OIDC configuration is its discovery URL and client id, nothing else (seed 002's tenant_idp_config): no
// secret is kept for it, so the client is registered as a public one, proving itself with PKCE.
const OIDC_NO_SECRET = "The id your identity provider gave Gatehouse. There is no client secret: Gatehouse signs in as a public client with PKCE, so register it without one.";

/** Sets up the OIDC provider, or changes it: then each field starts from what is saved. */
export function OidcForm({ action, tenantId, current }: { action: FormAction; tenantId: string; current?: { discoveryUrl: string; clientId: string } }) {
  return (
    <ProviderForm action={action} tenantId={tenantId} submitLabel={current ? "Save OIDC changes" : "Save OIDC provider"}>
      {(form) => (
        <>
          <Field id="idp-oidc-discovery" label="Discovery URL" hint="Ends with /.well-known/openid-configuration" errors={form.errors("discoveryUrl")}>
            {(control) => (
              <Input {...control} name="discoveryUrl" inputMode="url" required placeholder="https://login.example.com/.well-known/openid-configuration"
                defaultValue={form.value("discoveryUrl", current?.discoveryUrl)} />
            )}
          </Field>
          <Field id="idp-oidc-client" label="Client id" hint={OIDC_NO_SECRET} errors={form.errors("clientId")}>
            {(control) => <Input {...control} name="clientId" required maxLength={200} defaultValue={form.value("clientId", current?.clientId)} />}
          </Field>
        </>
      )}
    </ProviderForm>
  );
}

export function SamlForm({ action, tenantId, replacing }: { action: FormAction; tenantId: string; replacing: boolean }) {
  return (
    <ProviderForm action={action} tenantId={tenantId} submitLabel={replacing ? "Replace SAML metadata" : "Save SAML provider"}>
      {(form) => (
        <Field id="idp-saml-metadata" label="Metadata XML" hint="Paste the XML your identity provider publishes (at most 256 KB). Only the parsed fields are kept." errors={form.errors("metadataXml")}>
          {(control) => (
            <Textarea {...control} name="metadataXml" required rows={8} spellCheck={false} className="font-mono text-xs"
              placeholder={'<EntityDescriptor entityID="…">'} defaultValue={form.value("metadataXml")} />
          )}
        </Field>
      )}
    </ProviderForm>
  );
}

export function VerifyForm({ action, tenantId, type, label, seenUpdatedAt }: { action: FormAction; tenantId: string; type: string; label: string; seenUpdatedAt: string }) {
  const form = useActionForm(action, { successToast: `${label} marked verified` });
  return (
    <ActionFormShell form={form} fields={{ tenantId, type, seenUpdatedAt }} className="space-y-2"
      footer={<Button type="submit" variant="secondary" disabled={form.pending}>{form.pending ? "Marking…" : `Mark ${label} verified`}</Button>} />
  );
}

export function RemoveDialog({ action, tenantId, type, label }: { action: FormAction; tenantId: string; type: string; label: string }) {
  return (
    <ActionDialog
      trigger={<Button variant="secondary" aria-label={`Remove the ${label} identity provider`}>Remove</Button>}
      title={`Remove the ${label} identity provider?`}
      description="Its configuration is deleted; setting it up again needs a new verification."
      action={action}
      fields={{ tenantId, type }}
      submitLabel={`Remove ${label}`}
      pendingLabel="Removing…"
      successToast={`${label} identity provider removed`}
      danger
    />
  );
}
