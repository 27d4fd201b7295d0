"use client";
// The columns of a tenant's providers (ProvidersSection reads them, and what the viewer may do, on the server),
// and each row's menu for owners: edit (replace the key, the base URL, test), make default, remove.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-form";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { RowMenu } from "@/components/ui/row-menu";
import type { FormAction } from "@/components/ui/use-action-form";
import type { ProviderListItem } from "@/lib/domain/providers/queries";
import type { SavedProvider } from "@/lib/domain/providers/service";
import { formatDay } from "@/lib/format-time";
import { AddProviderForm, EditProviderDialog, type TestAction } from "./provider-form";

/** The owner's actions, bound to the tenant's page. */
export interface ProviderActions {
  create: FormAction<SavedProvider>;
  update: FormAction;
  setDefault: FormAction;
  remove: FormAction;
  test: TestAction;
}

const column = dataTableColumns<ProviderListItem>();
const columns = column.columns([
  column.accessor("label", {
    header: "Provider",
    cell: ({ row: { original: p } }) => <span className="font-medium">{p.label}{p.isDefault && <> <Badge tone="blue">Default</Badge></>}</span>,
  }),
  column.accessor("keyLast4", { header: "Key", cell: ({ getValue }) => <span className="font-mono" aria-label={`ending in ${getValue()}`}>••••{getValue()}</span> }),
  column.accessor("effectiveBaseUrl", {
    header: "Base URL",
    cell: ({ row: { original: p } }) => (
      <span className="break-all font-mono text-xs">{p.effectiveBaseUrl}{p.baseUrl === null && <span className="font-sans text-zinc-600 dark:text-zinc-400"> (its own)</span>}</span>
    ),
  }),
  column.accessor("rules", {
    header: "Routing rules",
    enableSorting: false,
    cell: ({ getValue }) => { const rules = getValue(); return rules.length ? rules.join(", ") : <span className="text-zinc-600 dark:text-zinc-400">none</span>; },
  }),
  column.accessor("createdAt", {
    header: "Added",
    meta: { cellClassName: "tabular-nums" },
    cell: ({ row: { original: p } }) => <>{formatDay(p.createdAt)}{p.createdBy && <span className="block text-xs text-zinc-600 dark:text-zinc-400">by {p.createdBy}</span>}</>,
  }),
]);

export function AddProviderDialog({ tenantId, actions, configured }: { tenantId: string; actions: ProviderActions; configured: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild><Button>Add provider</Button></DialogTrigger>
      <DialogContent title="Add a provider" description="The upstream key the gateway calls this provider with, for this tenant's requests.">
        <AddProviderForm tenantId={tenantId} action={actions.create} test={actions.test} configured={configured} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

/** `actions`: null for a viewer who may not change providers (no row menus). */
export function ProvidersTable({ tenantId, providers, actions, empty }: {
  tenantId: string;
  providers: ProviderListItem[];
  actions: ProviderActions | null;
  empty: React.ReactNode;
}) {
  return (
    <DataTable columns={columns} data={providers} caption="Upstream providers" getRowId={(p) => p.id} empty={empty}
      rowActions={actions ? (p) => (
        <RowMenu name={p.label} items={[
          { label: "Edit…", dialog: (control) => <EditProviderDialog control={control} tenantId={tenantId} provider={p} action={actions.update} test={actions.test} /> },
          !p.isDefault && {
            label: "Make default",
            dialog: (control) => (
              <ActionDialog control={control} action={actions.setDefault} fields={{ tenantId, providerId: p.id }}
                title={`Make ${p.label} the default?`}
                description={`${p.label} will serve the models no configured provider has a price for, and the rules that name a bare model with no provider.`}
                submitLabel="Make default" successToast={`${p.label} is the default`} />
            ),
          },
          {
            label: "Remove", danger: true,
            dialog: (control) => (
              <ActionDialog control={control} action={actions.remove} fields={{ tenantId, providerId: p.id }} danger
                title={`Remove ${p.label}?`}
                description={p.rules.length
                  ? `Routing rules name ${p.label} (${p.rules.join(", ")}): change or delete them first.`
                  : `Its key is deleted at once: requests the gateway would send to ${p.label} fail until a key is added again.`}
                submitLabel="Remove" successToast={`${p.label} removed`} />
            ),
          },
        ]} />
      ) : undefined}
    />
  );
}
