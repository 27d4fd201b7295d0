import "server-only";
import { mutation } from "@/lib/db/mutation";
import { tenantOrThrow } from "@/lib/domain/tenant-scope";
import { PRODUCTS } from "./catalog";
import { entitlementInput } from "./schemas";

/** The audited state of an entitlement: what `before` and `after` compare. */
const audited = (row: { enabled: boolean; expiresAt: Date | null; config: unknown } | null) =>
  row && { enabled: row.enabled, expiresAt: row.expiresAt?.toISOString() ?? null, config: row.config };

/** Grants, changes or disables a tenant's product; the config is replaced by the one given. */
export const setEntitlement = mutation({
  permission: "product.manage", event: "product.entitlement_changed",
  schema: entitlementInput,
  async execute(tx, { tenantId, product, enabled, expiresAt, config }) {
    await tenantOrThrow(tx, tenantId, { id: true });
    const key = { tenantId_product: { tenantId, product } };
    const before = await tx.tenantProduct.findUnique({ where: key });
    const values = { enabled, expiresAt: expiresAt ?? null, config };
    const after = await tx.tenantProduct.upsert({ where: key, create: { tenantId, product, ...values }, update: values });
    return {
      data: after,
      audit: {
        targetId: product,
        targetName: PRODUCTS[product].label,
        before: audited(before),
        after: audited(after),
      },
    };
  },
});
