"use client";
// The one list table: TanStack Table 9 owns the columns and the sort state, the Table primitives draw them. Lists
// the server filters, sorts and pages keep that state in the URL (nuqs) and hand it in as `sorting.state`;
// a list whose rows are all on the page lets the table sort them here.
import { createContext, use, useMemo, type HTMLAttributes, type ReactNode } from "react";
import {
  createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_text, tableFeatures, useTable,
  type CellData, type ColumnDef, type ColumnSort, type RowData, type SortingState, type TableFeatures,
} from "@tanstack/react-table";
import { cn } from "@/lib/utils";
import { EmptyRow, Table, Td, Th, Tr } from "./table";

declare module "@tanstack/table-core" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the parameters must match the declaration
  interface ColumnMeta<TFeatures extends TableFeatures, TData extends RowData, TValue extends CellData = CellData> {
    /** a column of figures: right-aligned, header and cells */
    numeric?: boolean;
    /** classes for each of the column's cells */
    cellClassName?: string;
    /** a header read by screen readers only (a column of row actions) */
    srOnlyHeader?: boolean;
  }
}

export const dataTableFeatures = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { text: sortFn_text } });
export type DataTableFeatures = typeof dataTableFeatures;

/** The column helper of a DataTable of `TData` rows. */
export const dataTableColumns = <TData extends RowData>() => createColumnHelper<DataTableFeatures, TData>();

export type DataTableSorting =
  /** every row is on the page: the table sorts them, from `initial` */
  | { mode: "rows-on-page"; initial: SortingState }
  /** the server sorts: `state` comes from the URL, `onChange` writes the header a person chose back to it */
  | { mode: "server"; state: SortingState; onChange: (sort: ColumnSort) => void };

// A row's controls come through context rather than through a column made by the caller: TanStack draws a cell
// function as a component, so a column made afresh on each render would remount its cells (and close a dialog
// open in one when a server re-render hands down new action references).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one context for tables of any row type
const RowActions = createContext<((row: any) => ReactNode) | undefined>(undefined);

function RowActionsCell<TData>({ row }: { row: TData }) {
  const render = use(RowActions);
  return <div className="flex items-start justify-end gap-2">{render?.(row)}</div>;
}

const actionsColumn = dataTableColumns<RowData>().display({
  id: "actions", header: "Actions", meta: { srOnlyHeader: true, cellClassName: "text-right" },
  cell: ({ row }) => <RowActionsCell row={row.original} />,
});

const SORT_ARIA = { asc: "ascending", desc: "descending" } as const;
const SORT_ICON = { asc: "↑", desc: "↓" } as const;

export function DataTable<TData extends RowData>({ columns, data, caption, showCaption, empty, sorting, getRowId, rowActions, rowProps, alignTop }: {
  /**
   * Module-level, or memoized on plain values: TanStack draws a cell function as a component, so columns made
   * afresh (on a server re-render that hands down new action references, say) remount every cell.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types, as TanStack's own helper returns them
  columns: ColumnDef<DataTableFeatures, TData, any>[];
  data: TData[];
  /** names the table for assistive technology; a sortable one says so */
  caption: string;
  /** shows the caption as the table's title, where nothing else names it on the page */
  showCaption?: boolean;
  /** the one row shown when there is none: what that means, and what to do */
  empty?: ReactNode;
  /** without it the table does not sort and its headers are plain text */
  sorting?: DataTableSorting;
  getRowId?: (row: TData) => string;
  /** a last column of each row's buttons, under a header for screen readers only */
  rowActions?: (row: TData) => ReactNode;
  /** attributes of each row's <tr> (a list reordered by drag makes its rows draggable) */
  rowProps?: (row: TData) => HTMLAttributes<HTMLTableRowElement>;
  /** cells align to their top, for rows whose cells run to several lines */
  alignTop?: boolean;
}) {
  const withActions = Boolean(rowActions);
  const allColumns = useMemo(() => (withActions ? [...columns, actionsColumn as (typeof columns)[number]] : columns), [columns, withActions]);
  const table = useTable<DataTableFeatures, TData>({
    features: dataTableFeatures,
    columns: allColumns,
    data,
    getRowId,
    enableSorting: Boolean(sorting),
    enableSortingRemoval: false,
    ...(sorting?.mode === "server" && {
      manualSorting: true,
      state: { sorting: sorting.state },
      onSortingChange: (updater) => {
        const [next] = typeof updater === "function" ? updater(sorting.state) : updater;
        if (next) sorting.onChange(next);
      },
    }),
    ...(sorting?.mode === "rows-on-page" && { initialState: { sorting: sorting.initial } }),
  });

  const headers = table.getHeaderGroups().flatMap((group) => group.headers);
  return (
    <RowActions value={rowActions}>
      <Table
        caption={sorting ? `${caption}, sortable by column` : caption}
        showCaption={showCaption}
        head={headers.map((header) => {
          const meta = header.column.columnDef.meta;
          const sorted = header.column.getIsSorted();
          const label = meta?.srOnlyHeader ? <span className="sr-only"><table.FlexRender header={header} /></span> : <table.FlexRender header={header} />;
          return (
            <Th key={header.id} className={cn(meta?.numeric && "text-right")} aria-sort={sorted ? SORT_ARIA[sorted] : undefined}>
              {header.column.getCanSort() ? (
                <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded whitespace-nowrap hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-zinc-100">
                  {label}
                  <span aria-hidden="true">{sorted ? SORT_ICON[sorted] : "↕"}</span>
                </button>
              ) : label}
            </Th>
          );
        })}
      >
        {data.length === 0 && empty && <EmptyRow columns={headers.length}>{empty}</EmptyRow>}
        {table.getRowModel().rows.map((row) => (
          <Tr key={row.id} {...rowProps?.(row.original)}>
            {row.getAllCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              return <Td key={cell.id} className={cn(alignTop && "align-top", meta?.numeric && "text-right tabular-nums", meta?.cellClassName)}><table.FlexRender cell={cell} /></Td>;
            })}
          </Tr>
        ))}
      </Table>
    </RowActions>
  );
}
