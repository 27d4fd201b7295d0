// Whether an actor may make a change now: the permission table (./permissions.ts) and the tenant's standing (a
// frozen or archived tenant is read-only for its people). `mutate` refuses by refusalFor; pages ask allowedNow
// to offer only the controls that would not be refused.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { can, grantedByStaffRole, type Action } from "./permissions";
import type { Actor } from "./principal";

/**
 * Whether a page should offer `actor` the control for the mutation `action` in `tenantId`: the rule that
 * `mutate` refuses by, so a frozen tenant's members see no control that would only be refused.
 */
export async function allowedNow(actor: Actor, action: Action, tenantId: string | null): Promise<boolean> {
  return (await refusalFor(actor, action, tenantId)) === null;
}

// Memoized per request: a tenant page asks allowedNow once for each control it may offer. A status changes only
// by a staff role's own grant (tenant.change_lifecycle), which skips this read, and a request makes one change,
// so a page drawn after a member's action cannot see a stale one.
const tenantStanding = cache((tenantId: string) => db.tenant.findUnique({ where: { id: tenantId }, select: { name: true, status: true } }));

/** A frozen tenant is read-only for its people; an archived one is gone for them. */
export function standingRefusal(tenant: { name: string; status: string } | null): string | null {
  if (tenant?.status === "frozen") return `${tenant.name} is frozen: it is read-only until it is reactivated.`;
  if (tenant?.status === "archived") return `${tenant.name} is archived: nothing in it can change.`;
  return null;
}

/** Why `actor` may not do `action` in `tenantId` now, or null when they may. */
export async function refusalFor(actor: Actor, action: Action, tenantId: string | null): Promise<string | null> {
  if (!can(actor, action, tenantId)) return "You do not have permission to do that.";
  // Staff are bound by a tenant's status too, unless their staff role itself grants the action (admin staff
  // creating a key in a frozen tenant): support staff who also own a tenant act there as its owner.
  if (!tenantId || grantedByStaffRole(actor, action)) return null;
  return standingRefusal(await tenantStanding(tenantId));
}
