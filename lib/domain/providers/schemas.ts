// Inputs of the providers service, with the messages shown under each form field. The base URL rule reads the
// mode when a value is checked: plain http is for the local demo's stubs only.
import { z } from "zod";
import { emptyAsNone, idOf, tenantId } from "@/lib/domain/schemas";
import { isLocalDemo } from "@/lib/mode";
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from "./catalog";

const providerId = idOf("a provider");

const provider = z.enum(PROVIDER_IDS, "Choose a provider from the list.");

/** A key shorter than this would show itself whole in its last four characters. */
const MIN_KEY_LENGTH = 8;

const apiKey = z
  .string("Enter the provider's API key.")
  .trim()
  .min(1, { message: "Enter the provider's API key.", abort: true })
  .min(MIN_KEY_LENGTH, `That is too short to be an API key (at least ${MIN_KEY_LENGTH} characters).`)
  .max(4096, "An API key has at most 4,096 characters.")
  .regex(/^\S+$/, "An API key has no spaces or line breaks: paste it again.");

/** What is wrong with a base URL as typed, or null. */
function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, such as https://llm.example.com/v1.";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalDemo())) return "The base URL must use https.";
  if (url.username || url.password) return "Put the key in the API key field, not in the URL.";
  if (url.search || url.hash) return "The base URL has no query or fragment: the path the API is under, such as /v1.";
  return null;
}

/** An optional base URL override, without its trailing slash; empty means the provider's own. */
const baseUrl = z.preprocess(
  emptyAsNone,
  z.string("Enter a full URL, such as https://llm.example.com/v1.").trim().max(500, "A base URL has at most 500 characters.")
    .superRefine((value, ctx) => {
      const problem = baseUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
).transform((value) => value ?? null);

/** The error when `provider` has no API of its own and no base URL was given, else null. */
export function missingBaseUrl(provider: ProviderId, baseUrl: string | null): string | null {
  const info = PROVIDERS[provider];
  return info.defaultBaseUrl || baseUrl ? null : `${info.label} needs a base URL, such as ${info.baseUrlHint}.`;
}

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const createProviderInput = z
  .object({ tenantId, provider, apiKey, baseUrl, isDefault: checkbox })
  .superRefine(({ provider, baseUrl }, ctx) => {
    const missing = missingBaseUrl(provider, baseUrl);
    if (missing) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: missing });
  });

/** A saved provider's edit: a new key (empty keeps the one saved) and the base URL as it should be. */
export const updateProviderInput = z.object({
  tenantId, providerId,
  apiKey: z.preprocess(emptyAsNone, apiKey.optional()),
  baseUrl,
});

export const providerRefInput = z.object({ tenantId, providerId });

/**
 * What "Test connection" tries: a draft (the add form's provider, key and base URL), or a saved provider with
 * what its edit form holds (a key typed replaces the saved one; a base URL sent, even empty, replaces the saved
 * one; one not sent keeps it).
 */
export const testConnectionInput = z
  .object({
    tenantId,
    providerId: z.preprocess(emptyAsNone, providerId.optional()),
    provider: z.preprocess(emptyAsNone, provider.optional()),
    apiKey: z.preprocess(emptyAsNone, apiKey.optional()),
    baseUrl: baseUrl.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.providerId) return;
    if (!input.provider) ctx.addIssue({ code: "custom", path: ["provider"], message: "Choose a provider from the list." });
    if (!input.apiKey) ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Enter the provider's API key." });
  });
