import { useId, type HTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "@/lib/utils";
import { cardClass } from "./card";

/** A data table in a card. The caption names it for assistive technology, and is shown when asked. */
export function Table({ caption, showCaption = false, head, children }: {
  caption: string;
  showCaption?: boolean;
  head: React.ReactNode;
  children: React.ReactNode;
}) {
  const captionId = useId();
  return (
    // A table wider than the page scrolls in its card, and a keyboard scrolls only what has focus: the card takes
    // focus, named by the caption (a group, not a region: a region landmark would repeat its section's name).
    <div role="group" aria-labelledby={captionId} tabIndex={0} className={cn(cardClass, "overflow-x-auto p-0 focus-visible:outline-2 focus-visible:outline-sky-600")}>
      <table className="w-full text-left text-sm">
        <caption id={captionId} className={showCaption ? "px-4 py-2 text-left font-medium" : "sr-only"}>{caption}</caption>
        <thead className="border-y border-zinc-200 text-xs text-zinc-600 first:border-t-0 dark:border-zinc-800 dark:text-zinc-400">
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-3 py-2 font-medium", className)} {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("border-b border-zinc-100 last:border-0 dark:border-zinc-800", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}

/** The one row of a table with nothing to show, saying so (and what to do, where there is something). */
export function EmptyRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-4 py-8 text-center text-zinc-600 dark:text-zinc-400">{children}</td>
    </tr>
  );
}
