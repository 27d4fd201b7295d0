// Inputs of the products service, with the messages shown under each form field.
import { z } from "zod";
import { ENTITLEMENT_EXPIRY } from "@/lib/domain/date-bounds";
import { optionalExpiry, tenantId } from "@/lib/domain/schemas";
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

const common = {
  tenantId,
  // a boolean, or a form's "true"/"false" (the edit form sends "false" unless its checkbox is ticked)
  enabled: z.union([z.boolean(), z.stringbool()], "Say whether the product is enabled."),
  expiresAt: optionalExpiry(ENTITLEMENT_EXPIRY, "The expiry must be in the future; leave it empty for none."),
};

// One branch per product, so the config is checked against its own product's schema and its errors are
// reported at their path inside it (config.rate_limit_rpm) together with the other fields' errors.
const branchFor = (product: ProductKey) => z.object({
  ...common,
  product: z.literal(product),
  config: jsonText.pipe(PRODUCTS[product].configSchema),
});

export const entitlementInput = z.discriminatedUnion(
  "product",
  PRODUCT_KEYS.map(branchFor) as [ReturnType<typeof branchFor>, ...ReturnType<typeof branchFor>[]],
  { error: (issue) => (issue.code === "invalid_union" ? `Choose one of the products: ${PRODUCT_KEYS.join(", ")}.` : undefined) },
);
