import { ProductsTable } from "./products-table";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { listEntitlements } from "@/lib/domain/products/queries";
import type { FormAction } from "@/components/ui/use-action-form";

/** One row per catalog product with the tenant's entitlement to it; editable by those allowed (commercial staff; the page binds the action). */
export async function ProductsSection({ tenantId, save }: { tenantId: string; save: FormAction }) {
  const actor = (await currentActor())!;
  const entitlements = await listEntitlements(actor, tenantId);
  const canManage = await allowedNow(actor, "product.manage", tenantId);

  return (
    <section aria-labelledby="products-heading" className="space-y-3">
      <h2 id="products-heading" className="text-lg font-semibold tracking-tight">Products</h2>
      <ProductsTable tenantId={tenantId} entitlements={entitlements} save={canManage ? save : null} />
    </section>
  );
}
