// A tenant's upstream providers: the masked list for everyone who reads the tenant, and for owners (and admin
// staff) the controls to add, edit, test, make default and remove. The services enforce the same permissions.
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listProviders } from "@/lib/domain/providers/queries";
import { PROVIDER_IDS } from "@/lib/domain/providers/catalog";
import { AddProviderDialog, ProvidersTable, type ProviderActions } from "./providers-table";

export async function ProvidersSection({ tenantId, actions }: { tenantId: string; actions: ProviderActions }) {
  const actor = (await currentActor())!;
  if (!can(actor, "provider.read", tenantId)) return null;
  const [providers, mayManage] = await Promise.all([listProviders(actor, tenantId), allowedNow(actor, "provider.manage", tenantId)]);
  const configured = providers.map((p) => p.provider);
  return (
    <section aria-labelledby="providers-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="providers-heading" className="text-lg font-semibold tracking-tight">Providers</h2>
        {mayManage && configured.length < PROVIDER_IDS.length && <AddProviderDialog tenantId={tenantId} actions={actions} configured={configured} />}
      </div>
      <ProvidersTable
        tenantId={tenantId}
        providers={providers}
        actions={mayManage ? actions : null}
        empty={mayManage
          ? "No providers yet. Add one with its upstream key so the gateway can route this tenant's requests."
          : "No providers yet. An owner of this tenant can add one with its upstream key."}
      />
    </section>
  );
}
