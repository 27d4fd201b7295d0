import "server-only";
import { mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import type { IdpKind } from "@/lib/db/generated/enums";
import { foundOr, scoped } from "@/lib/domain/tenant-scope";
import type { SamlMetadata } from "./saml";
import { IDP_LABEL, type OidcMetadata } from "./queries";
import { configInput, oidcInput, samlInput, verifyInput } from "./schemas";

/** Sets the tenant's OIDC provider; a changed configuration must be verified again. */
export const saveOidcConfig = mutation({
  permission: "idp.manage", event: "idp_config.saved",
  schema: oidcInput,
  execute: (tx, { tenantId, discoveryUrl, clientId }) =>
    saveConfig(tx, tenantId, "oidc", { discoveryUrl, clientId } satisfies OidcMetadata),
});

/** Sets the tenant's SAML provider from its metadata XML (the parsed fields are kept, not the XML). */
export const saveSamlConfig = mutation({
  permission: "idp.manage", event: "idp_config.saved",
  schema: samlInput,
  execute: (tx, { tenantId, metadataXml: metadata }) => saveConfig(tx, tenantId, "saml", metadata),
});

async function saveConfig(tx: Tx, tenantId: string, type: IdpKind, metadata: OidcMetadata | SamlMetadata) {
  const previous = await scoped(tx, tenantId).idpConfig(type);
  const saved = await tx.tenantIdpConfig.upsert({
    where: { tenantId_type: { tenantId, type } },
    create: { tenantId, type, metadata },
    update: { metadata, verified: false },
  });
  return {
    data: { id: saved.id },
    audit: {
      targetId: saved.id,
      targetName: IDP_LABEL[type],
      before: previous ? { metadata: previous.metadata, verified: previous.verified } : null,
      after: { metadata, verified: false },
    },
  };
}

/** Platform admins confirm a configuration works (e.g. after a test sign-in) before it is relied on. */
export const markIdpVerified = mutation({
  permission: "idp.verify", event: "idp_config.verified",
  schema: verifyInput,
  async execute(tx, { tenantId, type, seenUpdatedAt }) {
    const config = await existingConfig(tx, tenantId, type);
    if (config.verified) throw new MutationRefusal("conflict", `The ${IDP_LABEL[type]} configuration is already verified.`);
    if (seenUpdatedAt && Date.parse(seenUpdatedAt) !== config.updatedAt.getTime()) {
      throw new MutationRefusal("conflict", `The ${IDP_LABEL[type]} configuration changed since you opened it: review it again before verifying.`);
    }
    await tx.tenantIdpConfig.update({ where: { id: config.id }, data: { verified: true } });
    return {
      data: { id: config.id },
      audit: { targetId: config.id, targetName: IDP_LABEL[type], before: { verified: false }, after: { verified: true } },
    };
  },
});

/** Removes the tenant's OIDC or SAML provider. */
export const removeIdpConfig = mutation({
  permission: "idp.manage", event: "idp_config.removed",
  schema: configInput,
  async execute(tx, { tenantId, type }) {
    const config = await existingConfig(tx, tenantId, type);
    await tx.tenantIdpConfig.delete({ where: { id: config.id } });
    return {
      data: { id: config.id },
      audit: {
        targetId: config.id, targetName: IDP_LABEL[type],
        before: { metadata: config.metadata, verified: config.verified }, after: null,
      },
    };
  },
});

const existingConfig = (tx: Tx, tenantId: string, type: IdpKind) =>
  foundOr(scoped(tx, tenantId).idpConfig(type), `This tenant has no ${IDP_LABEL[type]} identity provider.`);
