import { z } from "zod";
import { COMPLEXITIES } from "@/lib/domain/routing/engine";
import { optionalUsd, tenantId } from "@/lib/domain/schemas";

export const MAX_BATCH_EVENTS = 1000;
export const MAX_TOKENS = 10_000_000;
/** An event may be stamped a little ahead of our clock (clock skew), but no more than this. */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Events older than this are refused: the rollups and budgets they would change are long settled. */
export const MAX_AGE_DAYS = 400;

/** The body of POST /api/v1/usage: its shape only; each event is checked on its own (usageEvent). */
export const usageBatch = z.object(
  {
    events: z
      .array(z.unknown(), "events must be an array of usage events.")
      .min(1, "events must hold at least one event.")
      .max(MAX_BATCH_EVENTS, `A batch holds at most ${MAX_BATCH_EVENTS} events: split it.`),
  },
  "The body must be a JSON object with an events array.",
);

const text = (field: string, max: number) =>
  z.string(`${field} must be a string.`).min(1, `${field} must not be empty.`).max(max, `${field} is longer than ${max} characters.`);
const optionalText = (field: string, max: number) => text(field, max).nullish().transform((v) => v ?? null);
const count = (field: string, max: number, unit: string) =>
  z.number(`${field} must be a number.`).int(`${field} must be a whole number.`).min(0, `${field} must not be negative.`)
    .max(max, `${field} is more than ${max.toLocaleString("en")} ${unit}.`);

/** One usage event as the gateway reports it. Its tenant is named by tenantId, by apiKeyId, or by both. */
export const usageEvent = z
  .object({
    tenantId: z.uuid("tenantId must be a UUID.").nullish(),
    apiKeyId: z.uuid("apiKeyId must be a UUID.").nullish(),
    requestId: text("requestId", 200),
    occurredAt: z.iso
      .datetime({ offset: true, error: "occurredAt must be an ISO 8601 time with a zone, like 2026-11-24T12:00:00Z." })
      // to the nanosecond with an offset; longer is only more digits, and the gateway's body limit counts on a bound
      .max(35, "occurredAt has more than 9 digits of fractions of a second.")
      .transform((v) => new Date(v)),
    provider: text("provider", 100),
    model: text("model", 200),
    requestedModel: optionalText("requestedModel", 200),
    routingRuleId: z.uuid("routingRuleId must be a UUID.").nullish().transform((v) => v ?? null),
    feature: optionalText("feature", 100),
    team: optionalText("team", 100),
    // the complexity the gateway routed the request by, if it judged one
    complexity: z.enum(COMPLEXITIES, "complexity must be low, medium or high.").nullish().transform((v) => v ?? null),
    inputTokens: count("inputTokens", MAX_TOKENS, "tokens"),
    outputTokens: count("outputTokens", MAX_TOKENS, "tokens"),
    // an int4 column; a day is far beyond any request the gateway would wait for
    latencyMs: count("latencyMs", 86_400_000, "ms"),
    status: z.number("status must be a number.").int("status must be a whole number.")
      .min(100, "status must be an HTTP status (100–599).").max(599, "status must be an HTTP status (100–599)."),
  }, "Each event must be a JSON object.")
  .refine((e) => e.tenantId || e.apiKeyId, { path: ["tenantId"], message: "Name the tenant: tenantId or apiKeyId." });

export type UsageEventInput = z.output<typeof usageEvent>;

// Form fields arrive as strings; an empty budget clears it.
export const setBudgetInput = z.object({
  tenantId,
  monthlyBudgetUsd: optionalUsd("The budget", "no budget"),
  alertPct: z.coerce
    .number("Enter a percentage.")
    .int("A whole percentage.")
    .min(1, "At least 1%.")
    .max(100, "At most 100%."),
});
