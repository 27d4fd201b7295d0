// The OpenAPI description of POST /api/v1/usage, from the schemas ingestion checks batches with
// (lib/domain/usage/schemas.ts).
import { z } from "zod";
import { MAX_BATCH_EVENTS, usageBatch, usageEvent } from "@/lib/domain/usage/schemas";
import type { RouteDescription } from "../context";
import { errorBody, jsonContent, jsonSchemaOf, rateLimited, response, SERVICE_TOKEN, unauthorized, type JsonSchema } from "../openapi";
import { USAGE_BODY_LIMIT_BYTES } from "./usage";

const usageResult = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(z.object({ index: z.int(), requestId: z.string().optional(), field: z.string().optional(), reason: z.string() })),
  unpriced: z.array(z.object({ index: z.int(), requestId: z.string(), model: z.string() })),
});

/** The usage batch, with its events spelled out: usageBatch checks only the array, each event is checked apart. */
function usageBatchSchema(): JsonSchema {
  const batch = jsonSchemaOf(usageBatch);
  const event = jsonSchemaOf(usageEvent);
  event.properties!.tenantId.description = "The event's tenant; or name it by apiKeyId (one of the two is required).";
  batch.properties!.events.items = event;
  return batch;
}

export function describeUsage(): RouteDescription {
  const limit = `${USAGE_BODY_LIMIT_BYTES / 1024 / 1024} MiB`;
  const operation = {
    operationId: "ingestUsage",
    summary: "Record what requests cost",
    description:
      `A batch of 1 to ${MAX_BATCH_EVENTS.toLocaleString("en")} usage events. Idempotent on (tenant, requestId): a resent batch adds nothing. ` +
      "Cost is computed from the model price in force at each event's time; an unknown model is stored with " +
      "its cost unknown and listed in `unpriced`. An invalid event is rejected with its index and reason " +
      "while the rest are stored; a malformed body or an oversized batch stores nothing.",
    security: SERVICE_TOKEN,
    requestBody: { required: true, description: `At most ${limit}, more than any valid batch takes.`, content: jsonContent(usageBatchSchema()) },
    responses: {
      "200": response("What was stored", usageResult),
      "400": response("Not JSON, or not a valid batch (too many events, no events): nothing was stored", errorBody(["invalid_json", "invalid_batch"], true)),
      "401": unauthorized(),
      "413": response(`The body is larger than ${limit}: nothing was stored`, errorBody(["body_too_large"], true)),
      "429": rateLimited("Too many requests without the service token from this source address"),
      "503": response("The database cannot be reached", errorBody(["unavailable"])),
    },
  };
  return { operation };
}
