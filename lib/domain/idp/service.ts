import "server-only";
import { z } from "zod";
import { mutate, MutationRefusal, type Tx } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";
import type { IdpKind } from "@/lib/db/generated/enums";
import { parseSamlMetadata, type SamlMetadata } from "./saml";
import { IDP_LABEL, type OidcMetadata } from "./queries";

const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

const tenantId = z.uuid("That is not a tenant id.");
const type = z.enum(["oidc", "saml"], "The identity provider type is oidc or saml.");

function discoveryUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter a full URL, such as https://login.example.com${DISCOVERY_SUFFIX}.`;
  }
  if (url.protocol !== "https:") return "The discovery URL must use https.";
  if (!url.pathname.endsWith(DISCOVERY_SUFFIX)) return `The discovery URL ends with ${DISCOVERY_SUFFIX}.`;
  return null;
}

const oidcInput = z.object({
  tenantId,
  discoveryUrl: z
    .string("Enter the discovery URL.")
    .trim()
    .min(1, { message: "Enter the discovery URL.", abort: true })
    .superRefine((value, ctx) => {
      const problem = discoveryUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  clientId: z
    .string("Enter the client id.")
    .trim()
    .min(1, "Enter the client id the identity provider gave this application.")
    .max(200, "A client id has at most 200 characters."),
});

const samlInput = z.object({
  tenantId,
  // Parsed here so the parser's precise message comes back as this field's error.
  metadataXml: z.string("Paste the identity provider's metadata XML.").transform((xml, ctx) => {
    const parsed = parseSamlMetadata(xml);
    if (parsed.ok) return parsed.metadata;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }),
});

const configInput = z.object({ tenantId, type });

const verifyInput = configInput.extend({
  // When the form says which version the admin looked at, a configuration changed since then is not verified.
  seenUpdatedAt: z.iso.datetime("That is not a timestamp.").optional(),
});

/** Sets the tenant's OIDC provider; a changed configuration must be verified again. */
export function saveOidcConfig(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "idp.manage",
    schema: oidcInput,
    tenantId: (input) => input.tenantId,
    execute: (tx, { tenantId, discoveryUrl, clientId }) =>
      saveConfig(tx, tenantId, "oidc", { discoveryUrl, clientId } satisfies OidcMetadata),
  }, input);
}

/** Sets the tenant's SAML provider from its metadata XML (the parsed fields are kept, not the XML). */
export function saveSamlConfig(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "idp.manage",
    schema: samlInput,
    tenantId: (input) => input.tenantId,
    execute: (tx, { tenantId, metadataXml: metadata }) => saveConfig(tx, tenantId, "saml", metadata),
  }, input);
}

async function saveConfig(tx: Tx, tenantId: string, type: IdpKind, metadata: OidcMetadata | SamlMetadata) {
  const previous = await tx.tenantIdpConfig.findUnique({ where: { tenantId_type: { tenantId, type } } });
  const saved = await tx.tenantIdpConfig.upsert({
    where: { tenantId_type: { tenantId, type } },
    create: { tenantId, type, metadata },
    update: { metadata, verified: false },
  });
  return {
    data: { id: saved.id },
    audit: {
      action: `idp.${type}_saved`,
      targetType: "idp_config",
      targetId: saved.id,
      targetName: IDP_LABEL[type],
      before: previous ? { metadata: previous.metadata, verified: previous.verified } : null,
      after: { metadata, verified: false },
    },
  };
}

/** Platform admins confirm a configuration works (e.g. after a test sign-in) before it is relied on. */
export function markIdpVerified(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "idp.verify",
    schema: verifyInput,
    tenantId: (input) => input.tenantId,
    async execute(tx, { tenantId, type, seenUpdatedAt }) {
      const config = await existingConfig(tx, tenantId, type);
      if (config.verified) throw new MutationRefusal("conflict", `The ${IDP_LABEL[type]} configuration is already verified.`);
      if (seenUpdatedAt && Date.parse(seenUpdatedAt) !== config.updatedAt.getTime()) {
        throw new MutationRefusal("conflict", `The ${IDP_LABEL[type]} configuration changed since you opened it: review it again before verifying.`);
      }
      await tx.tenantIdpConfig.update({ where: { id: config.id }, data: { verified: true } });
      return {
        data: { id: config.id },
        audit: { action: "idp.verified", targetType: "idp_config", targetId: config.id, targetName: IDP_LABEL[type], before: { verified: false }, after: { verified: true } },
      };
    },
  }, input);
}

/** Removes the tenant's OIDC or SAML provider. */
export function removeIdpConfig(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "idp.manage",
    schema: configInput,
    tenantId: (input) => input.tenantId,
    async execute(tx, { tenantId, type }) {
      const config = await existingConfig(tx, tenantId, type);
      await tx.tenantIdpConfig.delete({ where: { id: config.id } });
      return {
        data: { id: config.id },
        audit: {
          action: "idp.removed", targetType: "idp_config", targetId: config.id, targetName: IDP_LABEL[type],
          before: { metadata: config.metadata, verified: config.verified }, after: null,
        },
      };
    },
  }, input);
}

async function existingConfig(tx: Tx, tenantId: string, type: IdpKind) {
  const config = await tx.tenantIdpConfig.findUnique({ where: { tenantId_type: { tenantId, type } } });
  if (!config) throw new MutationRefusal("not_found", `This tenant has no ${IDP_LABEL[type]} identity provider.`);
  return config;
}
