// The console's navigation as data: one entry per area, each behind the permission that opens its page, so a
// person is offered exactly the pages they may open (the pages check again: a hidden link is no protection).
// A new area adds its entry here, beside its page. Pure: no Next, no database.
import { can, type Action } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export interface NavEntry {
  label: string;
  /** the page's path; in the tenant navigation `[slug]` stands for the tenant's slug */
  href: string;
  /** what its page asks before it shows anything; null: every person signed in to the console */
  permission: Action | null;
  /** pages inside this one, shown beneath it */
  children?: NavEntry[];
}

/** One link as a person sees it: the entries they may open, with the slug filled in. */
export interface NavLink {
  label: string;
  href: string;
  children: NavLink[];
}

/** A tenant's pages, in the order of its sidebar. */
export const TENANT_NAVIGATION: NavEntry[] = [
  { label: "Overview", href: "/t/[slug]", permission: "tenant.read" },
  { label: "Members", href: "/t/[slug]/members", permission: "member.read" },
  { label: "Projects", href: "/t/[slug]/projects", permission: "tenant.read" },
  { label: "API keys", href: "/t/[slug]/keys", permission: "api_key.read" },
  { label: "Providers", href: "/t/[slug]/providers", permission: "provider.read" },
  { label: "Routing", href: "/t/[slug]/routing", permission: "routing.read" },
  { label: "Usage", href: "/t/[slug]/usage", permission: "usage.read" },
  { label: "Audit log", href: "/t/[slug]/audit", permission: "audit.read" },
  {
    label: "Settings", href: "/t/[slug]/settings", permission: "tenant.read",
    children: [
      // everyone who reads the tenant sees its entitlements; commercial staff (product.manage) change them
      { label: "Products", href: "/t/[slug]/settings/products", permission: "tenant.read" },
      { label: "Single sign-on", href: "/t/[slug]/settings/sso", permission: "tenant.read" },
    ],
  },
];

/** The staff console's pages (and everyone's overview), in the order of the top bar. */
export const CONSOLE_NAVIGATION: NavEntry[] = [
  { label: "Overview", href: "/", permission: null },
  { label: "Tenants", href: "/tenants", permission: "tenant.list_all" },
  { label: "Usage", href: "/usage", permission: "usage.read_platform" },
  { label: "Audit log", href: "/audit", permission: "audit.read_platform" },
  { label: "People", href: "/staff", permission: "person.read" },
];

function visible(entries: NavEntry[], principal: Principal, tenant: { id: string; slug: string } | null): NavLink[] {
  return entries
    .filter((entry) => entry.permission === null || can(principal, entry.permission, tenant?.id ?? null))
    .map((entry) => ({
      label: entry.label,
      href: tenant ? entry.href.replace("[slug]", encodeURIComponent(tenant.slug)) : entry.href,
      children: visible(entry.children ?? [], principal, tenant),
    }));
}

/** The tenant's pages `principal` may open. */
export function tenantNavigation(principal: Principal, tenant: { id: string; slug: string }): NavLink[] {
  return visible(TENANT_NAVIGATION, principal, tenant);
}

/** The console pages `principal` may open. */
export function consoleNavigation(principal: Principal): NavLink[] {
  return visible(CONSOLE_NAVIGATION, principal, null);
}

const flatten = (links: NavLink[]): NavLink[] => links.flatMap((link) => [link, ...flatten(link.children)]);

/**
 * The link that stands for `pathname`: the one whose path is its longest leading run of segments, so a page
 * beneath an entry (a key's own page, one day) marks that entry, and `/t/acme/settings/sso` marks Single
 * sign-on rather than Settings. Null when none does.
 */
export function currentHref(links: NavLink[], pathname: string): string | null {
  const all = flatten(links);
  const path = pathname.replace(/\/+$/, "") || "/";
  let best: string | null = null;
  for (const { href } of all) {
    const matches = href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
