// "Test connection": asks the provider's model list with the key, from the server (the key never goes to the
// browser), and says what came back. A read of the upstream, not a change here: nothing is audited.
import "server-only";
import { open } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { validationFailureOf, type MutationResult } from "@/lib/db/mutation";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { baseUrlOf, PROVIDERS, isProviderId, type ProviderId } from "./catalog";
import { missingBaseUrl, testConnectionInput } from "./schemas";

/** How long the upstream has to answer. */
export const CONNECTION_TIMEOUT_MS = 5_000;

export type ConnectionOutcome =
  | { outcome: "works"; models: number; sample: string[]; ms: number }
  | { outcome: "unauthorized"; status: number }
  | { outcome: "http_error"; status: number }
  | { outcome: "unreachable"; detail: string }
  | { outcome: "timeout" };

export interface ConnectionReport {
  provider: ProviderId;
  /** the URL asked, without the key */
  url: string;
  result: ConnectionOutcome;
  /** the verdict as a sentence */
  summary: string;
}

/** Asks `url` for the model list with `headers`, within the timeout, without following redirects. */
export async function probeModels(url: string, headers: Record<string, string>): Promise<ConnectionOutcome> {
  const started = performance.now();
  let response: Response;
  try {
    // a redirect is answered as it is: following one would send the key wherever it points
    response = await fetch(url, { headers: { accept: "application/json", ...headers }, redirect: "manual", signal: AbortSignal.timeout(CONNECTION_TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") return { outcome: "timeout" };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { outcome: "unreachable", detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
  if (response.status === 401 || response.status === 403) return { outcome: "unauthorized", status: response.status };
  if (!response.ok) return { outcome: "http_error", status: response.status };
  let models: string[] = [];
  try {
    const body = (await response.json()) as { data?: { id?: unknown }[]; models?: { name?: unknown; modelId?: unknown }[]; modelSummaries?: { modelId?: unknown }[] };
    // OpenAI-style lists say data[].id; Gemini says models[].name; Bedrock says modelSummaries[].modelId
    const entries = body.data ?? body.models ?? body.modelSummaries ?? [];
    models = entries.map((m) => String((m as Record<string, unknown>).id ?? (m as Record<string, unknown>).name ?? (m as Record<string, unknown>).modelId ?? ""));
  } catch {
    // a 2xx without a JSON list still proves the key was taken
  }
  return { outcome: "works", models: models.length, sample: models.filter(Boolean).slice(0, 5), ms: Math.round(performance.now() - started) };
}

function summaryOf(label: string, result: ConnectionOutcome): string {
  switch (result.outcome) {
    case "works":
      return `${label} answered in ${result.ms} ms with ${result.models} model${result.models === 1 ? "" : "s"}.`;
    case "unauthorized":
      return `${label} refused the key (${result.status}): check it, or replace it with a new one.`;
    case "http_error":
      return `${label} answered ${result.status}: check the base URL.`;
    case "unreachable":
      return `${label} could not be reached (${result.detail}): check the base URL.`;
    case "timeout":
      return `${label} did not answer within ${CONNECTION_TIMEOUT_MS / 1000} s.`;
  }
}

/** Tests a draft or a saved provider of the tenant (testConnectionInput); an owner's tool, as the key is. */
export async function testProviderConnection(principal: Principal, input: unknown): Promise<MutationResult<ConnectionReport>> {
  const parsed = testConnectionInput.safeParse(input);
  if (!parsed.success) return validationFailureOf(parsed.error);
  const { tenantId, providerId } = parsed.data;
  if (!can(principal, "provider.manage", tenantId)) return { ok: false, kind: "forbidden", message: "You do not have permission to do that." };
  let provider: ProviderId, key: string, baseUrl: string | null;
  if (providerId) {
    const saved = await db.providerConfig.findFirst({ where: { id: providerId, tenantId } });
    if (!saved || !isProviderId(saved.provider)) return { ok: false, kind: "not_found", message: "That provider does not exist in this tenant." };
    provider = saved.provider;
    key = parsed.data.apiKey ?? open({ ciphertext: saved.encryptedApiKey, keyVersion: saved.keyVersion });
    baseUrl = parsed.data.baseUrl === undefined ? saved.baseUrl : parsed.data.baseUrl;
  } else {
    provider = parsed.data.provider!;
    key = parsed.data.apiKey!;
    baseUrl = parsed.data.baseUrl ?? null;
  }
  const missing = missingBaseUrl(provider, baseUrl);
  if (missing) return { ok: false, kind: "validation", message: "Some fields need attention.", fieldErrors: { baseUrl: [missing] } };
  const info = PROVIDERS[provider];
  const url = `${baseUrlOf(provider, baseUrl)}${info.modelsPath}`;
  const result = await probeModels(url, info.authHeaders(key));
  return { ok: true, data: { provider, url, result, summary: summaryOf(info.label, result) } };
}
