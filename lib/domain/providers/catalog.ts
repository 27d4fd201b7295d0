// The upstream providers a tenant may configure: a closed list, with where each one's API is and how it is asked
// for its model list ("Test connection"). No zod and no Prisma: the gateway loads this (tests/gateway/imports.test.ts).

export const PROVIDER_IDS = [
  "openai", "anthropic", "google", "azure-openai", "bedrock", "mistral", "groq", "openrouter", "openai-compatible",
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderInfo {
  label: string;
  /** the API's base URL when the tenant sets none; null: the tenant must give one (a resource of theirs) */
  defaultBaseUrl: string | null;
  /** what the base URL field says, when the provider needs one */
  baseUrlHint?: string;
  /** the model list, from the base URL: GET `${baseUrl}${modelsPath}` */
  modelsPath: string;
  /** the headers that carry the upstream key */
  authHeaders: (key: string) => Record<string, string>;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  openai: { label: "OpenAI", defaultBaseUrl: "https://api.openai.com/v1", modelsPath: "/models", authHeaders: bearer },
  anthropic: {
    label: "Anthropic", defaultBaseUrl: "https://api.anthropic.com/v1", modelsPath: "/models",
    authHeaders: (key) => ({ "x-api-key": key, "anthropic-version": "2023-06-01" }),
  },
  google: {
    label: "Google Gemini", defaultBaseUrl: "https://generativelanguage.googleapis.com/v1beta", modelsPath: "/models",
    authHeaders: (key) => ({ "x-goog-api-key": key }),
  },
  "azure-openai": {
    label: "Azure OpenAI", defaultBaseUrl: null, baseUrlHint: "https://<resource>.openai.azure.com/openai",
    modelsPath: "/models?api-version=2024-10-21", authHeaders: (key) => ({ "api-key": key }),
  },
  // Bedrock API keys are bearer tokens; the base URL names the region
  bedrock: { label: "Amazon Bedrock", defaultBaseUrl: "https://bedrock.us-east-1.amazonaws.com", modelsPath: "/foundation-models", authHeaders: bearer },
  mistral: { label: "Mistral", defaultBaseUrl: "https://api.mistral.ai/v1", modelsPath: "/models", authHeaders: bearer },
  groq: { label: "Groq", defaultBaseUrl: "https://api.groq.com/openai/v1", modelsPath: "/models", authHeaders: bearer },
  openrouter: { label: "OpenRouter", defaultBaseUrl: "https://openrouter.ai/api/v1", modelsPath: "/models", authHeaders: bearer },
  "openai-compatible": {
    label: "OpenAI-compatible", defaultBaseUrl: null, baseUrlHint: "https://llm.internal.example/v1 (vLLM, Ollama, LM Studio…)",
    modelsPath: "/models", authHeaders: bearer,
  },
};

export const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

/** A provider's name as people read it; an id not in the list (an old row) as it is. */
export const providerLabel = (id: string): string => (isProviderId(id) ? PROVIDERS[id].label : id);

/** Where requests to a configured provider go: its override, else the provider's own API. */
export const baseUrlOf = (provider: string, override: string | null): string | null =>
  override ?? (isProviderId(provider) ? PROVIDERS[provider].defaultBaseUrl : null);
