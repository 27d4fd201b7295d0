"use client";
// The top groups of a range (at most 100, most spend first), sortable here by any column: the rows are all
// on the page, so sorting them needs no round trip.
import { useMemo } from "react";
import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_text, tableFeatures, useTable } from "@tanstack/react-table";
import { formatCount, formatMs, formatRate, formatUsd } from "./format";

export interface GroupRow {
  id: string;
  label: string;
  /** API key groups: the key's visible prefix */
  keyPrefix?: string;
  spend: number;
  /** spend as summed, for display */
  spendUsd: string;
  /** of the range's spend, 0 to 1 */
  share: number;
  requests: number;
  errorRate: number;
  inputTokens: number;
  outputTokens: number;
  /** undefined without requests to measure: sorted last */
  p50LatencyMs?: number;
  p95LatencyMs?: number;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { text: sortFn_text } });
const column = createColumnHelper<typeof features, GroupRow>();
const numeric = (text: string) => <span className="block text-right tabular-nums">{text}</span>;

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
    column.accessor("spend", { header: "Spend", cell: ({ row }) => numeric(formatUsd(row.original.spendUsd)) }),
    column.accessor("share", { header: "Share of spend", cell: ({ getValue }) => numeric(formatRate(getValue())) }),
    column.accessor("requests", { header: "Requests", cell: ({ getValue }) => numeric(formatCount(getValue())) }),
    column.accessor("errorRate", { header: "Error rate", cell: ({ getValue }) => numeric(formatRate(getValue())) }),
    column.accessor("inputTokens", { header: "Tokens in", cell: ({ getValue }) => numeric(formatCount(getValue())) }),
    column.accessor("outputTokens", { header: "Tokens out", cell: ({ getValue }) => numeric(formatCount(getValue())) }),
    column.accessor("p50LatencyMs", { header: "Latency p50", sortUndefined: "last", cell: ({ getValue }) => numeric(formatMs(getValue() ?? null)) }),
    column.accessor("p95LatencyMs", { header: "Latency p95", sortUndefined: "last", cell: ({ getValue }) => numeric(formatMs(getValue() ?? null)) }),
  ]);
}

export function GroupsTable({ rows, groupLabel, caption }: { rows: GroupRow[]; groupLabel: string; caption: string }) {
  const columns = useMemo(() => columnsFor(groupLabel), [groupLabel]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    enableSortingRemoval: false,
    initialState: { sorting: [{ id: "spend", desc: true }] },
  });

  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}, sortable by column</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header, i) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className={`px-4 py-2 font-medium ${i > 0 ? "text-right" : ""}`}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded whitespace-nowrap hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-zinc-100">
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-4 py-2"><table.FlexRender cell={cell} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
