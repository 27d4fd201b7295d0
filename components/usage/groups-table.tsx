"use client";
// The top groups of a range (at most 100, most spend first), sortable here by any column: the rows are all
// on the page, so sorting them needs no round trip.
import { useMemo } from "react";
import { DataTable, dataTableColumns, type DataTableSorting } from "@/components/ui/data-table";
import { formatCount, formatMs, formatRate } from "./format";

export interface GroupRow {
  id: string;
  label: string;
  /** API key groups: the key's visible prefix */
  keyPrefix?: string;
  spend: number;
  /** spend as summed */
  spendUsd: string;
  /** the spend as shown: "$12.30", or "no price on file" when none of the group's requests had a price */
  spendText: string;
  /** beneath the spend, when some of the group's requests had no price and are not counted in it */
  spendNote?: string;
  /** of the range's spend, 0 to 1; undefined when the group's spend is unknown (no price on file): sorted last */
  share?: number;
  requests: number;
  errorRate: number;
  inputTokens: number;
  outputTokens: number;
  /** undefined without requests to measure: sorted last */
  p50LatencyMs?: number;
  p95LatencyMs?: number;
}

const column = dataTableColumns<GroupRow>();
const numeric = { numeric: true };
const MOST_SPEND_FIRST: DataTableSorting = { mode: "rows-on-page", initial: [{ id: "spend", desc: true }] };

function columnsFor(groupLabel: string) {
  return column.columns([
    column.accessor("label", {
      header: groupLabel,
      sortFn: "text",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {row.original.label}
          {row.original.keyPrefix && <span className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">{row.original.keyPrefix}</span>}
        </span>
      ),
    }),
    column.accessor("spend", {
      header: "Spend", meta: numeric,
      cell: ({ row: { original: group } }) => (
        <>
          {group.spendText}
          {group.spendNote && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{group.spendNote}</span>}
        </>
      ),
    }),
    column.accessor("share", {
      header: "Share of spend", sortUndefined: "last", meta: numeric,
      cell: ({ getValue }) => { const share = getValue(); return share === undefined ? "—" : formatRate(share); },
    }),
    column.accessor("requests", { header: "Requests", meta: numeric, cell: ({ getValue }) => formatCount(getValue()) }),
    column.accessor("errorRate", { header: "Error rate", meta: numeric, cell: ({ getValue }) => formatRate(getValue()) }),
    column.accessor("inputTokens", { header: "Tokens in", meta: numeric, cell: ({ getValue }) => formatCount(getValue()) }),
    column.accessor("outputTokens", { header: "Tokens out", meta: numeric, cell: ({ getValue }) => formatCount(getValue()) }),
    column.accessor("p50LatencyMs", { header: "Latency p50", sortUndefined: "last", meta: numeric, cell: ({ getValue }) => formatMs(getValue() ?? null) }),
    column.accessor("p95LatencyMs", { header: "Latency p95", sortUndefined: "last", meta: numeric, cell: ({ getValue }) => formatMs(getValue() ?? null) }),
  ]);
}

export function GroupsTable({ rows, groupLabel, caption }: { rows: GroupRow[]; groupLabel: string; caption: string }) {
  const columns = useMemo(() => columnsFor(groupLabel), [groupLabel]);
  return <DataTable columns={columns} data={rows} caption={caption} getRowId={(row) => row.id} sorting={MOST_SPEND_FIRST} />;
}
