// Inputs of the keys service, with the messages shown under each form field.
import { z } from "zod";
import { KEY_EXPIRY } from "@/lib/domain/date-bounds";
import { emptyAsNone, idOf, optionalExpiry, tenantId, trimmedName } from "@/lib/domain/schemas";
import { PRODUCT_KEYS } from "@/lib/domain/products/catalog";
import { SCOPES, isScope } from "./scopes";

const HOUR_MS = 3_600_000;

/** How long a rolled key keeps working beside its successor ("none": it is revoked at once). */
export const ROLL_GRACE_MS = { none: 0, "1h": HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS } as const;
export type RollGrace = keyof typeof ROLL_GRACE_MS;

const keyId = idOf("a key");

const CHOOSE_SCOPE = "Choose at least one scope.";

/** A list, or a form's comma-separated text ("proxy,usage:read"); kept in the closed list's order, once each. */
const scopes = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").map((s) => s.trim()).filter(Boolean) : value),
  z.array(z.string(CHOOSE_SCOPE), CHOOSE_SCOPE)
    .min(1, CHOOSE_SCOPE)
    .superRefine((list, ctx) => {
      const unknown = list.filter((scope) => !isScope(scope));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `Unknown scope ${unknown.map((s) => `"${s}"`).join(", ")}: choose from ${SCOPES.join(", ")}.` });
      }
    })
    .transform((list) => SCOPES.filter((scope) => list.includes(scope))),
);

export const createKeyInput = z.object({
  tenantId,
  name: trimmedName("Give the key a name.", 100),
  scopes,
  // whether it is an active project of this tenant needs the database: the service checks it
  projectId: z.preprocess(emptyAsNone, z.uuid("Choose one of this tenant's projects.").optional()),
  product: z.preprocess(emptyAsNone, z.enum(PRODUCT_KEYS, `Choose one of the products: ${PRODUCT_KEYS.join(", ")}, or none.`).optional()),
  expiresAt: optionalExpiry(KEY_EXPIRY, "The expiry must be in the future; leave it empty for a key that does not expire."),
});

export const revokeKeyInput = z.object({ tenantId, keyId });

export const rollKeyInput = z.object({
  tenantId,
  keyId,
  grace: z.enum(Object.keys(ROLL_GRACE_MS) as RollGrace[], "Choose how long the old key keeps working: none, 1 hour, 24 hours or 7 days."),
});
