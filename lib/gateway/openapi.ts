// The OpenAPI 3.1 description of /api/v1, served by the gateway at GET /api/v1/openapi.json: assembled from the
// route table, each route describing itself (routes/*.openapi.ts). Request and answer shapes come from zod schemas
// through z.toJSONSchema and body limits from the routes, so no limit is written twice. Loaded by the document's
// first request only: zod stays out of the gateway's start (tests/gateway/imports.test.ts).
import { z } from "zod";
import type { RouteDescription } from "./context";
import { ROUTES } from "./route-table";

export type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** The JSON Schema of what `schema` accepts (its input: before any transform), without the `$schema` line. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // draft 2020-12 is the dialect of OpenAPI 3.1's schema objects
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** `{ error }` with one of `codes`, and a `reason` when `withReason`. */
export const errorBody = (codes: readonly [string, ...string[]], withReason = false) =>
  withReason ? z.object({ error: z.enum(codes), reason: z.string() }) : z.object({ error: z.enum(codes) });

export const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });
export const response = (description: string, schema: z.ZodType | JsonSchema) => ({
  description,
  content: jsonContent(schema instanceof z.ZodType ? jsonSchemaOf(schema) : schema),
});
export const retryAfter = (description: string) => ({ "Retry-After": { description, schema: { type: "integer" } } });
export const rateLimited = (description: string) => ({
  ...response(`${description}. Counted by each gateway instance on its own, so behind a load balancer a source may have that many per instance.`, errorBody(["rate_limited"])),
  headers: retryAfter("Seconds to wait"),
});
export const unauthorized = () => response("Missing or wrong service token", errorBody(["unauthorized"]));
/** What a route that needs the service token says about it. */
export const SERVICE_TOKEN = [{ serviceToken: [] }];

export async function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const route of ROUTES) {
    const { operation, components }: RouteDescription = await route.describe();
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
    Object.assign(schemas, components);
  }
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
      schemas,
    },
    paths,
  };
}
