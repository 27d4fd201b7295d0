"use client";
// The columns of the keys list (KeysSection reads the page of keys, and what the viewer may do, on the server).
// Each row's menu offers Roll, which opens the one dialog of the RollKeyHost around the table, and Revoke.
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import type { FormAction } from "@/components/ui/use-action-form";
import { PRODUCTS } from "@/lib/domain/products/catalog";
import type { ApiKeyStatus } from "@/lib/domain/keys/list-params";
import type { ApiKeyListItem } from "@/lib/domain/keys/queries";
import { formatDay, formatMinute } from "@/lib/format-time";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { useRollKey } from "./roll-key";

const TONE: Record<ApiKeyStatus, BadgeTone> = { active: "green", expiring: "amber", expired: "neutral", revoked: "red" };
const productLabel = (product: string) => PRODUCTS[product as keyof typeof PRODUCTS]?.label ?? product;
// a moment may wrap after its date, so that the table fits its page
const moment = { cellClassName: "tabular-nums" };

const column = dataTableColumns<ApiKeyListItem>();
const columns = column.columns([
  column.accessor("name", {
    header: "Name",
    cell: ({ row: { original: key } }) => <>
      <div className="font-medium">{key.name}</div>
      {(key.projectName || key.product) && (
        <div className="text-xs text-zinc-600 dark:text-zinc-400">
          {[key.projectName && `project ${key.projectName}`, key.product && productLabel(key.product)].filter(Boolean).join(" · ")}
        </div>
      )}
    </>,
  }),
  column.accessor("visiblePrefix", { header: "Key", meta: { cellClassName: "font-mono text-xs whitespace-nowrap" } }),
  column.accessor("scopes", { header: "Scopes", cell: ({ getValue }) => <div className="flex flex-wrap gap-1">{getValue().map((scope) => <Badge key={scope}>{scope}</Badge>)}</div> }),
  column.accessor("createdAt", {
    header: "Created", meta: moment,
    cell: ({ row: { original: key } }) => <>
      <div className="whitespace-nowrap">{formatDay(key.createdAt)}</div>
      {key.createdBy && <div className="text-xs text-zinc-600 dark:text-zinc-400">by {key.createdBy}</div>}
    </>,
  }),
  column.accessor("lastUsedAt", { header: "Last used", meta: moment, cell: ({ getValue }) => { const at = getValue(); return at ? formatMinute(at) : "never"; } }),
  column.accessor("expiresAt", { header: "Expires", meta: moment, cell: ({ getValue }) => { const at = getValue(); return at ? formatMinute(at) : "never"; } }),
  column.accessor("status", {
    header: "Status",
    cell: ({ row: { original: key } }) => <>
      <Badge tone={TONE[key.status]}>{key.status}</Badge>
      {key.rolledTo && (
        <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          rolled to {key.rolledTo.name} <span className="font-mono whitespace-nowrap">{key.rolledTo.visiblePrefix}</span>
        </div>
      )}
    </>,
  }),
  column.accessor("requests14d", { header: "Requests (14 d)", meta: { numeric: true }, cell: ({ getValue }) => getValue().toLocaleString("en-US") }),
]);

export function KeysTable({ tenantId, keys, caption, empty, mayRoll, revoke }: {
  tenantId: string;
  keys: ApiKeyListItem[];
  caption: string;
  empty: ReactNode;
  /** whether the viewer may roll keys (RollKeyHost holds the action) */
  mayRoll: boolean;
  /** the revoke action, or null when the viewer may not revoke */
  revoke: FormAction | null;
}) {
  return (
    <DataTable columns={columns} data={keys} caption={caption} empty={empty} getRowId={(key) => key.id} alignTop
      rowActions={mayRoll || revoke ? (key) => <KeyRowMenu tenantId={tenantId} apiKey={key} mayRoll={mayRoll} revoke={revoke} /> : undefined} />
  );
}

function KeyRowMenu({ tenantId, apiKey, mayRoll, revoke }: { tenantId: string; apiKey: ApiKeyListItem; mayRoll: boolean; revoke: FormAction | null }) {
  const roll = useRollKey();
  const target = { id: apiKey.id, name: apiKey.name };
  // a rolled key's successor is the one to roll; a key that no longer works has nothing to roll or revoke
  const rollable = !apiKey.rolledTo && (apiKey.status === "active" || apiKey.status === "expiring");
  return (
    <RowMenu name={apiKey.name} items={[
      mayRoll && rollable && { label: "Roll", onSelect: (menuButton) => roll(target, menuButton) },
      revoke && apiKey.status !== "revoked" && {
        label: "Revoke", danger: true,
        dialog: (control) => <RevokeKeyDialog tenantId={tenantId} target={target} action={revoke} control={control} />,
      },
    ]} />
  );
}
