"use client";
// A navigation drawn from lib/navigation.ts: the links a person may open, the current one marked for eyes and
// for screen readers (aria-current). Client-side because a layout is kept across navigations and only the
// browser's path says which page is shown now.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref, type NavLink } from "@/lib/navigation";
import { cn } from "@/lib/utils";

const LINK = "block rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600 aria-[current=page]:bg-zinc-200 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current=page]:bg-zinc-800 dark:aria-[current=page]:text-zinc-50";

export function NavMenu({ label, links, orientation }: {
  /** the landmark's name, which screen readers list among the page's navigations */
  label: string;
  links: NavLink[];
  /** a top bar, or a sidebar (a row on narrow screens) */
  orientation: "horizontal" | "vertical";
}) {
  const current = currentHref(links, usePathname());
  const list = (items: NavLink[], nested: boolean) => (
    <ul className={cn("flex flex-wrap gap-1", orientation === "vertical" && "lg:block lg:space-y-0.5", nested && "lg:mt-0.5 lg:ml-3")}>
      {items.map((link) => (
        <li key={link.href} className={cn(link.children.length > 0 && "flex flex-wrap gap-1 lg:block")}>
          <Link href={link.href} aria-current={link.href === current ? "page" : undefined} className={LINK}>{link.label}</Link>
          {link.children.length > 0 && list(link.children, true)}
        </li>
      ))}
    </ul>
  );
  return <nav aria-label={label}>{list(links, false)}</nav>;
}
