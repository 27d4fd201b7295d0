import Link from "next/link";
import { cn } from "@/lib/utils";

const pageLink = "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:hover:bg-zinc-800";
const pageLinkDisabled = "rounded-md border border-zinc-200 px-3 py-1 text-sm text-zinc-400 dark:border-zinc-800";

/** Previous / next links with "page N of M"; `href(page)` builds each page's URL, keeping the filters. */
export function Pagination({ page, pageCount, total, href, className }: { page: number; pageCount: number; total: number; href: (page: number) => string; className?: string }) {
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-3 text-sm", className)}>
      <p className="text-zinc-600 dark:text-zinc-400">{total.toLocaleString("en-US")} in all · page {page} of {pageCount}</p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={pageLink} href={href(page - 1)} rel="prev">Previous</Link> : <span className={pageLinkDisabled} aria-disabled="true">Previous</span>}
        {page < pageCount ? <Link className={pageLink} href={href(page + 1)} rel="next">Next</Link> : <span className={pageLinkDisabled} aria-disabled="true">Next</span>}
      </div>
    </nav>
  );
}
