// The OpenAPI 3.1 description of /api/v1, served by the gateway at GET /api/v1/openapi.json.
import { KEY_LENGTH } from "@/lib/domain/keys/format";

const error = (codes: string[], description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: { error: { type: "string", enum: codes } },
      },
    },
  },
});

const rateLimited = (description: string) => ({
  ...error(["rate_limited"], `${description}. Counted by each gateway instance on its own, so behind a load balancer a source may have that many per instance.`),
  headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Gatehouse gateway API",
    version: "1.0.0",
    description:
      "What the LLM gateway calls on every request it serves. Callers authenticate with the service token " +
      "(GATEWAY_SERVICE_TOKEN) as a bearer token. Requests without it are rate limited per source address, " +
      "invalid keys per end client (the verify body's clientAddress), in each instance's memory: the limits are " +
      "per instance. A source over its limit is refused before any work is done for it.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      serviceToken: { type: "http", scheme: "bearer", description: "The gateway service token (GATEWAY_SERVICE_TOKEN)." },
    },
    schemas: {
      VerifyRequest: {
        type: "object",
        required: ["key"],
        properties: {
          key: {
            type: "string",
            description: `An API key as issued by the console: gth_<lookup:8>_<secret:32><checksum:6> (${KEY_LENGTH} characters).`,
          },
          clientAddress: {
            type: "string", minLength: 1, maxLength: 64,
            description:
              "Who sent the key to the caller (their IP address, or any id of theirs): their invalid keys are rate " +
              "limited, and only theirs. Without it, invalid keys are not rate limited.",
          },
        },
      },
      Valid: {
        type: "object",
        required: ["valid", "keyId", "tenant", "scopes", "projectId", "product", "expiresAt"],
        properties: {
          valid: { const: true },
          keyId: { type: "string", format: "uuid" },
          tenant: {
            type: "object",
            required: ["id", "slug", "status"],
            properties: {
              id: { type: "string", format: "uuid" },
              slug: { type: "string" },
              status: { type: "string", enum: ["demo", "trial", "active"] },
            },
          },
          scopes: { type: "array", items: { type: "string" } },
          projectId: { type: ["string", "null"], format: "uuid" },
          product: { type: ["string", "null"] },
          expiresAt: { type: ["string", "null"], format: "date-time" },
        },
      },
      Invalid: {
        type: "object",
        required: ["valid", "code"],
        properties: {
          valid: { const: false },
          code: {
            type: "string",
            enum: ["malformed", "not_found", "revoked", "expired", "tenant_frozen", "tenant_archived"],
            description:
              "malformed: not a well-formed key (checked without the database); not_found: no such key; " +
              "revoked; expired; tenant_frozen / tenant_archived: the key's tenant cannot use the gateway. " +
              "When several apply, the first in this order wins: revoked, expired, tenant status.",
          },
        },
      },
    },
  },
  paths: {
    "/api/v1/keys/verify": {
      post: {
        operationId: "verifyKey",
        summary: "Verify an API key",
        description:
          "Answers whether the key may be used, with its tenant, scopes, project and product. Results are " +
          "cached briefly; revoking a key or freezing its tenant takes effect at once.",
        security: [{ serviceToken: [] }],
        requestBody: {
          required: true,
          description: "At most 4 KB.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/VerifyRequest" } } },
        },
        responses: {
          "200": {
            description: "The verdict",
            content: {
              "application/json": {
                schema: { oneOf: [{ $ref: "#/components/schemas/Valid" }, { $ref: "#/components/schemas/Invalid" }] },
              },
            },
          },
          "400": error(["invalid_json", "missing_key", "invalid_client_address"], "The body is not JSON, has no key, or a clientAddress that is not a string of 1 to 64 characters"),
          "401": error(["unauthorized"], "Missing or wrong service token"),
          "413": error(["body_too_large"], "The body is larger than 4 KB"),
          "429": rateLimited(
            "Too many requests without the service token from this source address, or invalid keys from this clientAddress: every key of that clientAddress, valid or not, is refused until Retry-After. " +
              "A key not in the cache holds one of the clientAddress's failures while it is looked up, given back if it is valid (so a clientAddress has no more lookups under way than failures left), and a 503 counts as a failure",
          ),
          "503": {
            ...error(["unavailable"], "The database cannot be reached, or (with Retry-After) too many keys not in the cache are waiting for a database connection or for their hash to be verified already"),
            headers: { "Retry-After": { description: "Seconds to wait, when a verification queue was full", schema: { type: "integer" } } },
          },
        },
      },
    },
    "/api/v1/usage": {
      post: {
        operationId: "ingestUsage",
        summary: "Record what requests cost",
        description:
          "A batch of 1 to 1,000 usage events. Idempotent on (tenant, requestId): a resent batch adds nothing. " +
          "Cost is computed from the model price in force at each event's time; an unknown model is stored with " +
          "its cost unknown and listed in `unpriced`. An invalid event is rejected with its index and reason " +
          "while the rest are stored; a malformed body or an oversized batch stores nothing.",
        security: [{ serviceToken: [] }],
        requestBody: {
          required: true,
          description: "At most 6 MiB, more than any valid batch takes.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["events"],
                properties: {
                  events: {
                    type: "array", minItems: 1, maxItems: 1000,
                    items: {
                      type: "object",
                      required: ["requestId", "occurredAt", "provider", "model", "inputTokens", "outputTokens", "latencyMs", "status"],
                      properties: {
                        tenantId: { type: "string", format: "uuid", description: "Or apiKeyId" },
                        apiKeyId: { type: "string", format: "uuid" },
                        requestId: { type: "string", maxLength: 200 },
                        occurredAt: { type: "string", format: "date-time", maxLength: 35 },
                        provider: { type: "string", maxLength: 100 },
                        model: { type: "string", maxLength: 200 },
                        requestedModel: { type: "string", maxLength: 200 },
                        routingRuleId: { type: "string", format: "uuid" },
                        feature: { type: "string", maxLength: 100 },
                        team: { type: "string", maxLength: 100 },
                        inputTokens: { type: "integer", minimum: 0, maximum: 10_000_000 },
                        outputTokens: { type: "integer", minimum: 0, maximum: 10_000_000 },
                        latencyMs: { type: "integer", minimum: 0, maximum: 86_400_000 },
                        status: { type: "integer", minimum: 100, maximum: 599 },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "What was stored",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["accepted", "duplicates", "rejected", "unpriced"],
                  properties: {
                    accepted: { type: "integer" },
                    duplicates: { type: "integer" },
                    rejected: { type: "array", items: { type: "object", properties: { index: { type: "integer" }, requestId: { type: "string" }, field: { type: "string" }, reason: { type: "string" } } } },
                    unpriced: { type: "array", items: { type: "object", properties: { index: { type: "integer" }, requestId: { type: "string" }, model: { type: "string" } } } },
                  },
                },
              },
            },
          },
          "400": {
            description: "Not JSON, or not a valid batch (too many events, no events): nothing was stored",
            content: { "application/json": { schema: { type: "object", required: ["error", "reason"], properties: { error: { type: "string", enum: ["invalid_json", "invalid_batch"] }, reason: { type: "string" } } } } },
          },
          "401": error(["unauthorized"], "Missing or wrong service token"),
          "413": {
            description: "The body is larger than 6 MiB: nothing was stored",
            content: { "application/json": { schema: { type: "object", required: ["error", "reason"], properties: { error: { const: "body_too_large" }, reason: { type: "string" } } } } },
          },
          "429": rateLimited("Too many requests without the service token from this source address"),
          "503": error(["unavailable"], "The database cannot be reached"),
        },
      },
    },
    "/api/v1/health": {
      get: {
        operationId: "health",
        summary: "Liveness",
        security: [],
        responses: {
          "200": {
            description: "The server is up",
            content: {
              "application/json": {
                schema: { type: "object", required: ["ok"], properties: { ok: { const: true } } },
              },
            },
          },
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "openapi",
        summary: "This document",
        security: [],
        responses: { "200": { description: "The OpenAPI 3.1 description of /api/v1", content: { "application/json": {} } } },
      },
    },
  },
} as const;
