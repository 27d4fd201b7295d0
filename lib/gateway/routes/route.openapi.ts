// The OpenAPI description of POST /api/v1/route, with zod schemas of its body and answer (the route parses its body
// by hand, on the hot path; these share its limits' constants).
import { z } from "zod";
import { PROVIDER_IDS } from "@/lib/domain/providers/catalog";
import { COMPLEXITIES, STRATEGIES } from "@/lib/domain/routing/engine";
import type { RouteDescription } from "../context";
import { errorBody, jsonContent, jsonSchemaOf, rateLimited, response, SERVICE_TOKEN, unauthorized } from "../openapi";
import { LABEL_MAX_LENGTH, MODEL_MAX_LENGTH, ROUTE_BODY_LIMIT_BYTES } from "./route";

const label = (what: string) => z.string().min(1).max(LABEL_MAX_LENGTH).nullable().optional().describe(`${what}; absent or null: none.`);

export const routeRequest = z.object({
  keyId: z.uuid().optional().describe("The id of the key the request came with, as POST /api/v1/keys/verify answered it. Give this or tenantId."),
  tenantId: z.uuid().optional().describe("The tenant, when the caller knows it rather than a key. Give this or keyId."),
  model: z.string().min(1).max(MODEL_MAX_LENGTH).describe("The model the request asks for, as the client named it."),
  feature: label("The request's feature header"),
  team: label("The request's team header"),
  complexity: z.enum(COMPLEXITIES).nullable().optional().describe("How demanding the gateway judged the request; absent or null: not judged."),
});

const routeAnswer = z.object({
  tenantId: z.uuid(),
  rule: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("The first enabled rule that matched, in priority order; null: none did, and the request passes through."),
  strategy: z.enum(STRATEGIES).describe(
    "passthrough: the model at its provider; cheapest: the attempts cheapest first for the tenant's recent input/output mix at the prices in force; " +
      "quality_first: the target, then the fallbacks on an error or timeout; cascading: likewise, and also when an answer fails.",
  ),
  attempts: z.array(z.object({
    provider: z.enum(PROVIDER_IDS),
    model: z.string(),
    baseUrl: z.string().nullable().describe("Where the provider's API is: the tenant's override, else the provider's own."),
    apiKey: z.string().describe("The tenant's upstream key for this provider, decrypted. Keep it in memory only; never log it."),
  })).describe("In the order to try them. Empty when the tenant has no provider configured that could serve the request."),
});

export function describeRoute(): RouteDescription {
  const operation = {
    operationId: "routeRequest",
    summary: "Where a request goes",
    description:
      "Applies the tenant's routing rules to one request: the rule that matched, its strategy and the upstream calls to try, " +
      "each with the decrypted upstream key. Cached per tenant in each gateway instance; a change of the tenant's rules, " +
      "providers or status takes effect at once, prices and the token mix within the cache's TTL.",
    security: SERVICE_TOKEN,
    requestBody: { required: true, description: `At most ${ROUTE_BODY_LIMIT_BYTES / 1024} KB.`, content: jsonContent({ $ref: "#/components/schemas/RouteRequest" }) },
    responses: {
      "200": response("The route", routeAnswer),
      "400": response("Not JSON, or a field that is missing or not valid (the reason names it)", errorBody(["invalid_json", "invalid_request"], true)),
      "401": unauthorized(),
      "403": response("The key is revoked or expired, or its tenant is frozen or archived", errorBody(["key_revoked", "key_expired", "tenant_frozen", "tenant_archived"])),
      "404": response("No such key, or no such tenant", errorBody(["unknown_key", "unknown_tenant"])),
      "413": response(`The body is larger than ${ROUTE_BODY_LIMIT_BYTES / 1024} KB`, errorBody(["body_too_large"], true)),
      "429": rateLimited("Too many requests without the service token from this source address"),
      "503": response("The database cannot be reached", errorBody(["unavailable"])),
    },
  };
  return { operation, components: { RouteRequest: jsonSchemaOf(routeRequest) } };
}
