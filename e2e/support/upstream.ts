// The OpenAI-compatible stub the e2e server starts (scripts/openai-compatible-stub.ts) for "Test connection":
// where it listens, and the one key it takes.
export const E2E_UPSTREAM = { port: 3108, url: "http://127.0.0.1:3108/v1", key: "sk-e2e-upstream-key-0001" } as const;
