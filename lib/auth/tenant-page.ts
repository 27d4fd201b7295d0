// What every page of a tenant (app/(console)/t/[slug]/**) does first: resolve the actor, as every console page
// does itself (requireConsoleActor: a layout's check guards no page), and load the tenant they asked for.
import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTenantForReader } from "@/lib/domain/tenants/queries";
import { requireConsoleActor } from "./actor";
import { can, type Action } from "./permissions";

/**
 * The actor and the tenant of `slug`, or the not-found page when the tenant does not exist or the actor may not
 * read it, or not do `permission` there (the permission the page's navigation entry names).
 */
export async function requireTenantPage(slug: string, permission: Action = "tenant.read") {
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant || !can(actor, permission, tenant.id)) notFound();
  return { actor, tenant };
}

/** What Next hands every page of a tenant. */
export type TenantPageProps = { params: Promise<{ slug: string }> };

/** A tenant page's `generateMetadata`: "Members · acme". */
export function tenantPageTitle(title: string) {
  return async ({ params }: TenantPageProps): Promise<Metadata> => ({ title: `${title} · ${(await params).slug}` });
}

type BoundToSlug<F> = F extends (slug: string, ...rest: infer Rest) => infer Result ? (...rest: Rest) => Result : never;

/**
 * A route's server actions with the page's slug bound, for a section's `actions` prop (each still resolves its
 * actor and its service authorizes; the slug only names the pages to refresh, see tenantPageAction).
 */
export function bindSlug<Actions extends Record<string, (slug: string, ...rest: never[]) => unknown>>(
  slug: string,
  actions: Actions,
): { [Name in keyof Actions]: BoundToSlug<Actions[Name]> } {
  return Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, action.bind(null, slug)])) as never;
}
