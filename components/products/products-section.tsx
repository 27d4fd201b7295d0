import { ProductsTable } from "./products-table";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { listEntitlements } from "@/lib/domain/products/queries";
import { setEntitlementAction } from "@/app/(console)/t/[slug]/products-actions";

/** One row per catalog product with the tenant's entitlement to it; editable by those allowed (commercial staff). */
export async function ProductsSection({ tenantId, slug }: { tenantId: string; slug: string }) {
  const actor = (await currentActor())!;
  const entitlements = await listEntitlements(actor, tenantId);
  const canManage = await allowedNow(actor, "product.manage", tenantId);
  const save = setEntitlementAction.bind(null, slug);

  return (
    <section aria-labelledby="products-heading" className="space-y-3">
      <h2 id="products-heading" className="text-lg font-semibold tracking-tight">Products</h2>
      <ProductsTable tenantId={tenantId} entitlements={entitlements} save={canManage ? save : null} />
    </section>
  );
}
