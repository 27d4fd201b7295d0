"use client";
// The columns of the tenant's product entitlements (ProductsSection reads them on the server).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import type { FormAction } from "@/components/ui/use-action-form";
import type { EntitlementStatus, listEntitlements } from "@/lib/domain/products/queries";
import { formatDay } from "@/lib/format-time";
import { EntitlementDialog } from "./entitlement-dialog";

type EntitlementRow = Awaited<ReturnType<typeof listEntitlements>>[number];

const TONE: Record<EntitlementStatus, BadgeTone> = { enabled: "green", disabled: "neutral", expired: "red" };
const formatted = (config: unknown) => JSON.stringify(config, null, 2);

const column = dataTableColumns<EntitlementRow>();
const columns = (canManage: boolean) => column.columns([
  column.accessor("label", {
    header: "Product",
    cell: ({ row: { original: e } }) => <>
      <div className="font-medium">{e.label}</div>
      <div className="max-w-xs text-xs text-zinc-600 dark:text-zinc-400">{e.description}</div>
    </>,
  }),
  column.accessor("status", { header: "Status", cell: ({ getValue }) => <Badge tone={TONE[getValue()]}>{getValue()}</Badge> }),
  column.accessor("expiresAt", {
    header: "Expires", meta: { cellClassName: "tabular-nums" },
    cell: ({ row: { original: e } }) => !e.granted ? "—" : e.expiresAt ? formatDay(e.expiresAt) : "never",
  }),
  column.display({
    id: "config", header: "Configuration",
    cell: ({ row: { original: e } }) => e.granted
      ? <pre className="max-w-md overflow-x-auto font-mono text-xs">{formatted(e.config)}</pre>
      : <span className="text-zinc-600 dark:text-zinc-400">Not set up{canManage ? ": use Set up in its menu to grant it." : "."}</span>,
  }),
]);
const READ_ONLY = columns(false);
const MANAGED = columns(true);

/** `save`: the viewer's action to set an entitlement, or null when they may not. */
export function ProductsTable({ tenantId, entitlements, save }: { tenantId: string; entitlements: EntitlementRow[]; save: FormAction | null }) {
  return (
    <DataTable
      columns={save ? MANAGED : READ_ONLY}
      data={entitlements}
      caption="Product entitlements"
      getRowId={(e) => e.product}
      alignTop
      rowActions={save ? (e) => (
        <RowMenu name={`the ${e.label} entitlement`} items={[{
          label: e.granted ? "Edit" : "Set up",
          dialog: (control) => (
            <EntitlementDialog
              tenantId={tenantId}
              action={save}
              control={control}
              draft={{
                product: e.product,
                label: e.label,
                granted: e.granted,
                enabled: e.granted ? e.enabled : true,
                expiresOn: e.expiresAt ? formatDay(e.expiresAt) : "",
                configText: formatted(e.granted ? e.config : e.defaultConfig),
              }}
            />
          ),
        }]} />
      ) : undefined}
    />
  );
}
