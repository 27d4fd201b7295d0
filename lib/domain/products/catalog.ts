// The closed list of products a tenant can be entitled to, each with the schema of its JSONB config.
// Strict schemas: a misspelt setting is an error, not a key the gateway silently ignores.
import { z } from "zod";
import type { TenantPlan } from "@/lib/db/generated/enums";

/** A strict object whose unknown keys and wrong shape read as sentences in the config field. */
function configObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `Unknown setting${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
      if (issue.code === "invalid_type") return "The configuration must be a JSON object, like {\"key\": value}.";
      return undefined;
    },
  });
}

const nonEmptyNames = (what: string) => z.string(`Each ${what} is a string.`).trim().min(1, `A ${what} cannot be empty.`);

export const PRODUCTS = {
  gateway: {
    label: "Gateway",
    description: "Routes the tenant's LLM requests through Gatehouse, with a rate limit and optionally a list of allowed models.",
    configSchema: configObject({
      rate_limit_rpm: z.int("A whole number of requests per minute.")
        .min(1, "At least 1 request per minute.")
        .max(100_000, "At most 100,000 requests per minute."),
      allowed_models: z.array(nonEmptyNames("model name"), "A list of model names, like [\"gpt-4o\"].").optional(),
    }),
    defaultConfig: { rate_limit_rpm: 600 },
  },
  analytics: {
    label: "Analytics",
    description: "Usage and cost dashboards, keeping the detailed events for the retention period.",
    configSchema: configObject({
      retention_days: z.int("A whole number of days.").min(7, "At least 7 days.").max(730, "At most 730 days (two years)."),
    }),
    defaultConfig: { retention_days: 90 },
  },
  guardrails: {
    label: "Guardrails",
    description: "Redacts personal data from prompts and refuses requests about blocked topics.",
    configSchema: configObject({
      pii_redaction: z.boolean("true or false."),
      blocked_topics: z.array(nonEmptyNames("topic"), "A list of topics, like [\"medical\"].").max(50, "At most 50 blocked topics."),
    }),
    defaultConfig: { pii_redaction: true, blocked_topics: [] },
  },
} as const;

export type ProductKey = keyof typeof PRODUCTS;

export const PRODUCT_KEYS = Object.keys(PRODUCTS) as ProductKey[];

/**
 * The products a new tenant of each plan starts with, each enabled with its starting configuration: a trial can
 * send traffic from its first day (lib/domain/tenants/service.ts, createTenant). Staff change them afterwards.
 */
export const PLAN_PRODUCTS: Record<TenantPlan, { product: ProductKey; config: object }[]> = {
  free: [{ product: "gateway", config: { rate_limit_rpm: 60 } }],
  starter: [{ product: "gateway", config: PRODUCTS.gateway.defaultConfig }],
  pro: [{ product: "gateway", config: PRODUCTS.gateway.defaultConfig }, { product: "analytics", config: PRODUCTS.analytics.defaultConfig }],
  enterprise: [
    { product: "gateway", config: PRODUCTS.gateway.defaultConfig }, { product: "analytics", config: PRODUCTS.analytics.defaultConfig },
    { product: "guardrails", config: PRODUCTS.guardrails.defaultConfig },
  ],
};

/** The project every new tenant starts with, for its first keys. */
export const DEFAULT_PROJECT = { name: "Default", slug: "default" } as const;
