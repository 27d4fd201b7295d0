// The tenant's enterprise identity providers (OIDC and/or SAML): what is configured, whether a platform admin
// has verified it, and for those allowed the forms to set, verify and remove them.
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/format-time";
import { Card } from "@/components/ui/card";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { IDP_LABEL, listIdpConfigs, type CertificateView, type OidcMetadata, type SamlMetadataView } from "@/lib/domain/idp/queries";
import type { FormAction } from "@/components/ui/use-action-form";
import { OidcForm, RemoveDialog, SamlForm, VerifyForm } from "./idp-forms";

const EXPIRY_WARNING_DAYS = 30;

const day = (iso: string) => formatDay(new Date(iso));

/** The server actions, bound to the tenant's page by the page. */
export type IdpActions = { saveOidc: FormAction; saveSaml: FormAction; markVerified: FormAction; remove: FormAction };

export async function IdpSection({ tenantId, actions }: { tenantId: string; actions: IdpActions }) {
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
          {config.metadata === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              This configuration was stored in a form this version of Gatehouse cannot read.{" "}
              {canManage ? `Save the ${IDP_LABEL[config.type]} provider again below.` : "An owner of this tenant or a platform admin can save it again."}
            </p>
          ) : (
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              {config.type === "oidc" ? <OidcDetails metadata={config.metadata} /> : <SamlDetails metadata={config.metadata} />}
            </dl>
          )}
          {(canManage || (canVerify && !config.verified)) && (
            <div className="flex flex-wrap items-start gap-2">
              {canVerify && !config.verified && (
                <VerifyForm action={actions.markVerified} tenantId={tenantId} type={config.type}
                  label={IDP_LABEL[config.type]} seenUpdatedAt={config.updatedAt.toISOString()} />
              )}
              {canManage && <RemoveDialog action={actions.remove} tenantId={tenantId} type={config.type} label={IDP_LABEL[config.type]} />}
            </div>
          )}
        </Card>
      ))}

      {canManage && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card className="space-y-3">
            <h3 className="font-semibold">{oidc ? "Change the OIDC provider" : "Set up OIDC"}</h3>
            <OidcForm action={actions.saveOidc} tenantId={tenantId} current={oidc?.type === "oidc" ? oidc.metadata ?? undefined : undefined} />
          </Card>
          <Card className="space-y-3">
            <h3 className="font-semibold">{saml ? "Replace the SAML metadata" : "Set up SAML"}</h3>
            <SamlForm action={actions.saveSaml} tenantId={tenantId} replacing={Boolean(saml)} />
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

function OidcDetails({ metadata }: { metadata: OidcMetadata }) {
  return (
    <>
      <Detail term="Discovery URL">{metadata.discoveryUrl}</Detail>
      <Detail term="Client id"><span className="font-mono text-xs">{metadata.clientId}</span></Detail>
    </>
  );
}

function SamlDetails({ metadata }: { metadata: SamlMetadataView }) {
  const { entityId, ssoUrl, ssoBinding, certificates } = metadata;
  const noneValid = certificates.every((certificate) => certificate.state !== "valid");
  return (
    <>
      <Detail term="Entity ID">{entityId}</Detail>
      <Detail term="SSO URL">{ssoUrl} <span className="text-xs text-zinc-600 dark:text-zinc-400">({ssoBinding})</span></Detail>
      <Detail term={certificates.length === 1 ? "Signing certificate" : `Signing certificates (${certificates.length})`}>
        {noneValid && (
          <p className="mb-2 text-red-700 dark:text-red-400">
            No signing certificate is valid now, so sign-ins through this provider fail: upload current metadata from the identity provider.
          </p>
        )}
        <ul className="space-y-3">
          {certificates.map((certificate) => (
            <li key={certificate.fingerprintSha256} className="space-y-0.5">
              <div>{certificate.subject}</div>
              <div>
                <span className="tabular-nums">{day(certificate.validFrom)} – {day(certificate.validTo)}</span>{" "}
                <CertificateState certificate={certificate} />
              </div>
              <div className="text-xs">
                <span className="text-zinc-600 dark:text-zinc-400">SHA-256 fingerprint </span>
                <span className="font-mono">{certificate.fingerprintSha256}</span>
              </div>
            </li>
          ))}
        </ul>
      </Detail>
    </>
  );
}

function CertificateState({ certificate: { state, daysLeft, validFrom } }: { certificate: CertificateView }) {
  if (state === "expired") return <Badge tone="red">expired</Badge>;
  if (state === "not_yet_valid") return <Badge tone="neutral">not valid until {day(validFrom)}</Badge>;
  if (daysLeft > EXPIRY_WARNING_DAYS) return null;
  return <Badge tone="amber">{daysLeft === 0 ? "expires today" : `expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`}</Badge>;
}
