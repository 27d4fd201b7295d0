import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import type { IdpKind } from "@/lib/db/generated/enums";
import type { SamlMetadata } from "./saml";

export const IDP_LABEL: Record<IdpKind, string> = { oidc: "OIDC", saml: "SAML" };

/** What an OIDC configuration stores; the client secret, if any, is not kept here. */
export type OidcMetadata = {
  discoveryUrl: string;
  clientId: string;
};

interface IdpConfigBase {
  id: string;
  verified: boolean;
  updatedAt: Date;
}

export type IdpConfigView =
  | (IdpConfigBase & { type: "oidc"; metadata: OidcMetadata })
  | (IdpConfigBase & { type: "saml"; metadata: SamlMetadata; certificateDaysLeft: number });

const DAY_MS = 86_400_000;

/** The tenant's identity providers (OIDC first), or none when the principal may not read the tenant. */
export async function listIdpConfigs(principal: Principal, tenantId: string, now = new Date()): Promise<IdpConfigView[]> {
  if (!can(principal, "tenant.read", tenantId)) return [];
  const rows = await db.tenantIdpConfig.findMany({
    where: { tenantId },
    orderBy: { type: "asc" },
    select: { id: true, type: true, metadata: true, verified: true, updatedAt: true },
  });
  // The metadata was written by the service from validated input, so its shape is known by its type.
  return rows.map(({ type, metadata, ...row }): IdpConfigView => {
    if (type === "oidc") return { ...row, type, metadata: metadata as unknown as OidcMetadata };
    const saml = metadata as unknown as SamlMetadata;
    const certificateDaysLeft = Math.floor((Date.parse(saml.certificate.validTo) - now.getTime()) / DAY_MS);
    return { ...row, type, metadata: saml, certificateDaysLeft };
  });
}
