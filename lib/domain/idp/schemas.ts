// Inputs of the identity provider service, with the messages shown under each form field.
import { z } from "zod";
import { tenantId } from "@/lib/domain/schemas";
import { parseSamlMetadata } from "./saml";

const DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

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

export const oidcInput = z.object({
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

export const samlInput = z.object({
  tenantId,
  // Parsed here so the parser's precise message comes back as this field's error.
  metadataXml: z.string("Paste the identity provider's metadata XML.").transform((xml, ctx) => {
    const parsed = parseSamlMetadata(xml);
    if (parsed.ok) return parsed.metadata;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }),
});

export const configInput = z.object({ tenantId, type });

export const verifyInput = configInput.extend({
  // When the form says which version the admin looked at, a configuration changed since then is not verified.
  seenUpdatedAt: z.iso.datetime("That is not a timestamp.").optional(),
});
