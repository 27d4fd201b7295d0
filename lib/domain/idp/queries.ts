import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/domain/tenant-scope";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import type { IdpKind } from "@/lib/db/generated/enums";
import { certificateState, samlMetadataSchema, type CertificateState, type SamlCertificate, type SamlMetadata } from "./saml";

export const IDP_LABEL: Record<IdpKind, string> = { oidc: "OIDC", saml: "SAML" };

/** What an OIDC configuration stores: there is no client secret, Gatehouse is a public client (PKCE). */
export const oidcMetadataSchema = z.object({
  discoveryUrl: z.string(),
  clientId: z.string(),
});

export type OidcMetadata = z.infer<typeof oidcMetadataSchema>;

export type CertificateView = SamlCertificate & { state: CertificateState; daysLeft: number };
export type SamlMetadataView = Omit<SamlMetadata, "certificates"> & { certificates: CertificateView[] };

interface IdpConfigBase {
  id: string;
  verified: boolean;
  updatedAt: Date;
}

export type IdpConfigView = IdpConfigBase & (
  | { type: "oidc"; metadata: OidcMetadata }
  | { type: "saml"; metadata: SamlMetadataView }
  // stored in a shape this version does not read (an older version's, the demo seed's): to be saved again
  | { type: IdpKind; metadata: null }
);

const DAY_MS = 86_400_000;

/** The tenant's identity providers (OIDC first), or none when the principal may not read the tenant. */
export async function listIdpConfigs(principal: Principal, tenantId: string, now = new Date()): Promise<IdpConfigView[]> {
  if (!can(principal, "tenant.read", tenantId)) return [];
  const rows = await db.tenantIdpConfig.findMany({
    where: scoped(db, tenantId).where(),
    orderBy: { type: "asc" },
    select: { id: true, type: true, metadata: true, verified: true, updatedAt: true },
  });
  return rows.map(({ type, metadata, ...row }): IdpConfigView => {
    if (type === "oidc") {
      const oidc = oidcMetadataSchema.safeParse(metadata);
      return { ...row, type, metadata: oidc.success ? oidc.data : null };
    }
    const saml = samlMetadataSchema.safeParse(metadata);
    if (!saml.success) return { ...row, type, metadata: null };
    const certificates = saml.data.certificates.map((certificate) => ({
      ...certificate,
      state: certificateState(certificate, now),
      daysLeft: Math.floor((Date.parse(certificate.validTo) - now.getTime()) / DAY_MS),
    }));
    return { ...row, type, metadata: { ...saml.data, certificates } };
  });
}
