import "server-only";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/domain/tenant-scope";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { PRODUCT_KEYS, PRODUCTS } from "./catalog";

export type EntitlementStatus = "enabled" | "disabled" | "expired";

/**
 * One entry per catalog product with the tenant's entitlement to it (`granted` false: never set up), or []
 * when the tenant may not be read. An enabled entitlement past its expiry counts as expired.
 */
export async function listEntitlements(principal: Principal, tenantId: string, now = new Date()) {
  if (!can(principal, "tenant.read", tenantId)) return [];
  const rows = await db.tenantProduct.findMany({ where: scoped(db, tenantId).where({ product: { in: PRODUCT_KEYS } }) });
  return PRODUCT_KEYS.map((product) => {
    const row = rows.find((r) => r.product === product);
    const status: EntitlementStatus = !row?.enabled ? "disabled" : row.expiresAt && row.expiresAt <= now ? "expired" : "enabled";
    return {
      product,
      label: PRODUCTS[product].label,
      description: PRODUCTS[product].description,
      granted: Boolean(row),
      status,
      enabled: row?.enabled ?? false,
      expiresAt: row?.expiresAt ?? null,
      config: row?.config ?? null,
      defaultConfig: PRODUCTS[product].defaultConfig,
    };
  });
}
