import "server-only";
import { z } from "zod";
import { mutate, MutationRefusal } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";
import { dateWithin, ENTITLEMENT_EXPIRY } from "@/lib/domain/date-bounds";
import { PRODUCT_KEYS, PRODUCTS, type ProductKey } from "./catalog";

/** The config arrives as the text of a textarea; a parse failure says where it broke. */
const jsonText = z.string("Give the configuration as JSON.").transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `Not valid JSON: ${(error as Error).message}.` });
    return z.NEVER;
  }
});

// "" and null (an emptied date field) mean no expiry.
const expiresAt = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  dateWithin(ENTITLEMENT_EXPIRY, { invalid: "Give the expiry as a date, like 2027-01-31.", early: "The expiry must be in the future; leave it empty for none." })
    .optional(),
);

const common = {
  tenantId: z.uuid("That is not a tenant id."),
  // a boolean, or a form's "true"/"false" (the edit form sends "false" unless its checkbox is ticked)
  enabled: z.union([z.boolean(), z.stringbool()], "Say whether the product is enabled."),
  expiresAt,
};

// One branch per product, so the config is checked against its own product's schema and its errors are
// reported at their path inside it (config.rate_limit_rpm) together with the other fields' errors.
const branchFor = (product: ProductKey) => z.object({
  ...common,
  product: z.literal(product),
  config: jsonText.pipe(PRODUCTS[product].configSchema),
});

const entitlementInput = z.discriminatedUnion(
  "product",
  PRODUCT_KEYS.map(branchFor) as [ReturnType<typeof branchFor>, ...ReturnType<typeof branchFor>[]],
  { error: (issue) => (issue.code === "invalid_union" ? `Choose one of the products: ${PRODUCT_KEYS.join(", ")}.` : undefined) },
);

/** The audited state of an entitlement: what `before` and `after` compare. */
const audited = (row: { enabled: boolean; expiresAt: Date | null; config: unknown } | null) =>
  row && { enabled: row.enabled, expiresAt: row.expiresAt?.toISOString() ?? null, config: row.config };

/** Grants, changes or disables a tenant's product; the config is replaced by the one given. */
export function setEntitlement(actor: Actor, input: unknown) {
  return mutate(actor, {
    action: "product.manage",
    schema: entitlementInput,
    tenantId: (input) => input.tenantId,
    async execute(tx, { tenantId, product, enabled, expiresAt, config }) {
      if (!(await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) {
        throw new MutationRefusal("not_found", "That tenant does not exist.");
      }
      const key = { tenantId_product: { tenantId, product } };
      const before = await tx.tenantProduct.findUnique({ where: key });
      const values = { enabled, expiresAt: expiresAt ?? null, config };
      const after = await tx.tenantProduct.upsert({ where: key, create: { tenantId, product, ...values }, update: values });
      return {
        data: after,
        audit: {
          action: "product.entitlement_changed",
          targetType: "product",
          targetId: product,
          targetName: PRODUCTS[product].label,
          before: audited(before),
          after: audited(after),
        },
      };
    },
  }, input);
}
