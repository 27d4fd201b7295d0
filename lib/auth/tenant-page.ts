// What every page of a tenant (app/(console)/t/[slug]/**) does first: resolve the actor, as every console page
// does itself (requireConsoleActor: a layout's check guards no page), and load the tenant they asked for.
import "server-only";
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
