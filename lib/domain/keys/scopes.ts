// The closed list of what an API key may be used for. The console offers these when a key is created, and the
// gateway refuses a request whose key lacks the scope it needs. Adding a scope is a change to both.

export const API_KEY_SCOPES = {
  proxy: "Send LLM requests through the gateway.",
  "usage:read": "Read this tenant's usage and costs.",
  "usage:write": "Report usage events to Gatehouse.",
  "flags:read": "Evaluate this tenant's feature flags.",
} as const satisfies Record<string, string>;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;

export const SCOPES = Object.keys(API_KEY_SCOPES) as ApiKeyScope[];

export const isScope = (value: string): value is ApiKeyScope => Object.hasOwn(API_KEY_SCOPES, value);
