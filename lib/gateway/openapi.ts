// The OpenAPI 3.1 description of /api/v1, served by the gateway at GET /api/v1/openapi.json. Request and answer
// shapes come from the zod schemas (schemas.ts) through z.toJSONSchema, and body limits from the routes, so no
// limit is written twice; what is written here is the prose.
import { z } from "zod";
import { MAX_BATCH_EVENTS } from "@/lib/domain/usage/schemas";
import { healthRoute } from "./routes/health";
import { openApiRoute } from "./routes/openapi";
import { usageRoute } from "./routes/usage";
import { verifyRoute } from "./routes/verify";
import { errorBody, invalidKey, usageBatch, usageEvent, usageResult, validKey, verifyRequest } from "./schemas";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** The JSON Schema of what `schema` accepts (its input: before any transform), without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // draft 2020-12 is the dialect of OpenAPI 3.1's schema objects
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The usage batch, with its events spelled out: usageBatch checks only the array, each event is checked apart. */
function usageBatchSchema(): JsonSchema {
  const batch = jsonSchemaOf(usageBatch);
  const event = jsonSchemaOf(usageEvent);
  event.properties!.tenantId.description = "The event's tenant; or name it by apiKeyId (one of the two is required).";
  batch.properties!.events.items = event;
  return batch;
}

const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });
const response = (description: string, schema: z.ZodType | JsonSchema) => ({
  description,
  content: jsonContent(schema instanceof z.ZodType ? jsonSchemaOf(schema) : schema),
});
const retryAfter = (description: string) => ({ "Retry-After": { description, schema: { type: "integer" } } });
const rateLimited = (description: string) => ({
  ...response(`${description}. Counted by each gateway instance on its own, so behind a load balancer a source may have that many per instance.`, errorBody(["rate_limited"])),
  headers: retryAfter("Seconds to wait"),
});
const unauthorized = response("Missing or wrong service token", errorBody(["unauthorized"]));
const kilobytes = (bytes: number) => `${bytes / 1024} KB`;
const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

export function openApiDocument() {
  const verifyLimit = kilobytes(verifyRoute.body!.limitBytes);
  const usageLimit = mebibytes(usageRoute.body!.limitBytes);
  const clientAddress = verifyRequest.shape.clientAddress.unwrap();
  return {
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
      schemas: { VerifyRequest: jsonSchemaOf(verifyRequest), Valid: jsonSchemaOf(validKey), Invalid: jsonSchemaOf(invalidKey) },
    },
    paths: {
      [verifyRoute.path]: {
        post: {
          operationId: "verifyKey",
          summary: "Verify an API key",
          description:
            "Answers whether the key may be used, with its tenant, scopes, project and product. Results are " +
            "cached briefly; revoking a key or freezing its tenant takes effect at once.",
          security: [{ serviceToken: [] }],
          requestBody: {
            required: true,
            description: `At most ${verifyLimit}.`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/VerifyRequest" } } },
          },
          responses: {
            "200": {
              description: "The verdict",
              content: jsonContent({ oneOf: [{ $ref: "#/components/schemas/Valid" }, { $ref: "#/components/schemas/Invalid" }] }),
            },
            "400": response(
              `The body is not JSON, has no key, or a clientAddress that is not a string of ${clientAddress.minLength} to ${clientAddress.maxLength} characters`,
              errorBody(["invalid_json", "missing_key", "invalid_client_address"]),
            ),
            "401": unauthorized,
            "413": response(`The body is larger than ${verifyLimit}`, errorBody(["body_too_large"])),
            "429": rateLimited(
              "Too many requests without the service token from this source address, or invalid keys from this clientAddress: every key of that clientAddress, valid or not, is refused until Retry-After. " +
                "A key not in the cache holds one of the clientAddress's failures while it is looked up, given back if it is valid (so a clientAddress has no more lookups under way than failures left), and a 503 counts as a failure",
            ),
            "503": {
              ...response(
                "The database cannot be reached, or (with Retry-After) too many keys not in the cache are waiting for a database connection or for their hash to be verified already",
                errorBody(["unavailable"]),
              ),
              headers: retryAfter("Seconds to wait, when a verification queue was full"),
            },
          },
        },
      },
      [usageRoute.path]: {
        post: {
          operationId: "ingestUsage",
          summary: "Record what requests cost",
          description:
            `A batch of 1 to ${MAX_BATCH_EVENTS.toLocaleString("en")} usage events. Idempotent on (tenant, requestId): a resent batch adds nothing. ` +
            "Cost is computed from the model price in force at each event's time; an unknown model is stored with " +
            "its cost unknown and listed in `unpriced`. An invalid event is rejected with its index and reason " +
            "while the rest are stored; a malformed body or an oversized batch stores nothing.",
          security: [{ serviceToken: [] }],
          requestBody: {
            required: true,
            description: `At most ${usageLimit}, more than any valid batch takes.`,
            content: jsonContent(usageBatchSchema()),
          },
          responses: {
            "200": response("What was stored", usageResult),
            "400": response("Not JSON, or not a valid batch (too many events, no events): nothing was stored", errorBody(["invalid_json", "invalid_batch"], true)),
            "401": unauthorized,
            "413": response(`The body is larger than ${usageLimit}: nothing was stored`, errorBody(["body_too_large"], true)),
            "429": rateLimited("Too many requests without the service token from this source address"),
            "503": response("The database cannot be reached", errorBody(["unavailable"])),
          },
        },
      },
      [healthRoute.path]: {
        get: {
          operationId: "health",
          summary: "Liveness",
          security: [],
          responses: { "200": response("The server is up", z.object({ ok: z.literal(true) })) },
        },
      },
      [openApiRoute.path]: {
        get: {
          operationId: "openapi",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 description of /api/v1", content: { "application/json": {} } } },
        },
      },
    },
  };
}
