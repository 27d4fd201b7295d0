import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDay } from "@/lib/format-time";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { currentActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { listEntitlements, type EntitlementStatus } from "@/lib/domain/products/queries";
import { setEntitlementAction } from "@/app/(console)/t/[slug]/products-actions";
import { EntitlementDialog } from "./entitlement-dialog";

const TONE: Record<EntitlementStatus, BadgeTone> = { enabled: "green", disabled: "neutral", expired: "red" };

const formatted = (config: unknown) => JSON.stringify(config, null, 2);

/** One row per catalog product with the tenant's entitlement to it; editable by those allowed (commercial staff). */
export async function ProductsSection({ tenantId, slug }: { tenantId: string; slug: string }) {
  const actor = (await currentActor())!;
  const entitlements = await listEntitlements(actor, tenantId);
  const canManage = await allowedNow(actor, "product.manage", tenantId);
  const save = setEntitlementAction.bind(null, slug);

  return (
    <section aria-labelledby="products-heading" className="space-y-3">
      <h2 id="products-heading" className="text-lg font-semibold tracking-tight">Products</h2>
      <Table
        caption="Product entitlements"
        head={<><Th>Product</Th><Th>Status</Th><Th>Expires</Th><Th>Configuration</Th>{canManage && <Th><span className="sr-only">Actions</span></Th>}</>}
      >
        {entitlements.map((e) => (
          <Tr key={e.product}>
            <Td className="align-top">
              <div className="font-medium">{e.label}</div>
              <div className="max-w-xs text-xs text-zinc-600 dark:text-zinc-400">{e.description}</div>
            </Td>
            <Td className="align-top"><Badge tone={TONE[e.status]}>{e.status}</Badge></Td>
            <Td className="align-top tabular-nums">{!e.granted ? "—" : e.expiresAt ? formatDay(e.expiresAt) : "never"}</Td>
            <Td className="align-top">
              {e.granted
                ? <pre className="max-w-md overflow-x-auto font-mono text-xs">{formatted(e.config)}</pre>
                : <span className="text-zinc-600 dark:text-zinc-400">Not set up{canManage ? ": use Set up to grant it." : "."}</span>}
            </Td>
            {canManage && (
              <Td className="text-right align-top">
                <EntitlementDialog
                  tenantId={tenantId}
                  action={save}
                  draft={{
                    product: e.product,
                    label: e.label,
                    granted: e.granted,
                    enabled: e.granted ? e.enabled : true,
                    expiresOn: e.expiresAt ? formatDay(e.expiresAt) : "",
                    configText: formatted(e.granted ? e.config : e.defaultConfig),
                  }}
                />
              </Td>
            )}
          </Tr>
        ))}
      </Table>
    </section>
  );
}
