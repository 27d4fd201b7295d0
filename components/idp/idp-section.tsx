// The tenant's enterprise identity providers (OIDC and/or SAML): what is configured, whether a platform admin
// has verified it, and for those allowed the forms to set, verify and remove them.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/db/mutation";
import { IDP_LABEL, listIdpConfigs, type IdpConfigView } from "@/lib/domain/idp/queries";
import { markIdpVerifiedAction, removeIdpConfigAction, saveOidcConfigAction, saveSamlConfigAction } from "@/app/(console)/t/[slug]/idp-actions";
import { OidcForm, RemoveDialog, SamlForm, VerifyForm } from "./idp-forms";

const EXPIRY_WARNING_DAYS = 30;

const day = (iso: string) => iso.slice(0, 10);

export async function IdpSection({ tenantId, slug }: { tenantId: string; slug: string }) {
  const actor = (await currentActor())!;
  const configs = await listIdpConfigs(actor, tenantId);
  const [canManage, canVerify] = await Promise.all([allowedNow(actor, "idp.manage", tenantId), allowedNow(actor, "idp.verify", tenantId)]);
  const oidc = configs.find((c) => c.type === "oidc");
  const saml = configs.find((c) => c.type === "saml");

  return (
    <section aria-labelledby="idp-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="idp-heading" className="text-lg font-semibold">Single sign-on</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The tenant&apos;s own identity provider. A configuration is relied on only once a platform admin has verified it; changing it needs a new verification.
        </p>
      </div>

      {configs.length === 0 && (
        <Card>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No identity provider is set up.{" "}
            {canManage ? "Add an OIDC provider or paste SAML metadata below." : "An owner of this tenant or a platform admin can set one up."}
          </p>
        </Card>
      )}

      {configs.map((config) => (
        <Card key={config.type} className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold">{IDP_LABEL[config.type]} identity provider</h3>
            {config.verified ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Unverified</Badge>}
          </div>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {config.type === "oidc" ? <OidcDetails config={config} /> : <SamlDetails config={config} />}
          </dl>
          {(canManage || (canVerify && !config.verified)) && (
            <div className="flex flex-wrap items-start gap-2">
              {canVerify && !config.verified && (
                <VerifyForm action={markIdpVerifiedAction.bind(null, slug)} tenantId={tenantId} type={config.type}
                  label={IDP_LABEL[config.type]} seenUpdatedAt={config.updatedAt.toISOString()} />
              )}
              {canManage && <RemoveDialog action={removeIdpConfigAction.bind(null, slug)} tenantId={tenantId} type={config.type} label={IDP_LABEL[config.type]} />}
            </div>
          )}
        </Card>
      ))}

      {canManage && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card className="space-y-3">
            <h3 className="font-semibold">{oidc ? "Change the OIDC provider" : "Set up OIDC"}</h3>
            <OidcForm action={saveOidcConfigAction.bind(null, slug)} tenantId={tenantId} current={oidc?.type === "oidc" ? oidc.metadata : undefined} />
          </Card>
          <Card className="space-y-3">
            <h3 className="font-semibold">{saml ? "Replace the SAML metadata" : "Set up SAML"}</h3>
            <SamlForm action={saveSamlConfigAction.bind(null, slug)} tenantId={tenantId} replacing={Boolean(saml)} />
          </Card>
        </div>
      )}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </>
  );
}

function OidcDetails({ config }: { config: Extract<IdpConfigView, { type: "oidc" }> }) {
  return (
    <>
      <Detail term="Discovery URL">{config.metadata.discoveryUrl}</Detail>
      <Detail term="Client id"><span className="font-mono text-xs">{config.metadata.clientId}</span></Detail>
    </>
  );
}

function SamlDetails({ config }: { config: Extract<IdpConfigView, { type: "saml" }> }) {
  const { entityId, ssoUrl, ssoBinding, certificate } = config.metadata;
  return (
    <>
      <Detail term="Entity ID">{entityId}</Detail>
      <Detail term="SSO URL">{ssoUrl} <span className="text-xs text-zinc-600 dark:text-zinc-400">({ssoBinding})</span></Detail>
      <Detail term="Certificate">{certificate.subject}</Detail>
      <Detail term="Valid">
        <span className="tabular-nums">{day(certificate.validFrom)} – {day(certificate.validTo)}</span>{" "}
        <CertificateExpiry daysLeft={config.certificateDaysLeft} />
      </Detail>
      <Detail term="SHA-256 fingerprint"><span className="font-mono text-xs">{certificate.fingerprintSha256}</span></Detail>
    </>
  );
}

function CertificateExpiry({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <Badge tone="red">expired: upload new metadata</Badge>;
  if (daysLeft > EXPIRY_WARNING_DAYS) return null;
  return <Badge tone="amber">{daysLeft === 0 ? "expires today" : `expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`}</Badge>;
}
