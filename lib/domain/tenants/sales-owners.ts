// Who may be a tenant's sales owner: a staff person whose role may edit its commercial details (sales and admin),
// whose account is not disabled. The details form offers them, the service accepts only them, the list filters by them.
import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/mutation";
import type { StaffRole } from "@/lib/db/generated/enums";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { displayName } from "@/lib/domain/members/queries";

const SALES_OWNER_ROLES: readonly StaffRole[] = PERMISSIONS["tenant.update_commercial"].staff;

export const mayOwnAccounts = (staffRole: StaffRole | null) => staffRole !== null && SALES_OWNER_ROLES.includes(staffRole);

const SALES_OWNER_WHERE = { staffRole: { in: [...SALES_OWNER_ROLES] }, disabledAt: null };

/** The people who may own accounts, by name: the choices of the details form and of the list's filter. */
export async function listSalesOwners(client: Tx = db) {
  const people = await client.user.findMany({ where: SALES_OWNER_WHERE, select: { id: true, name: true, githubLogin: true, email: true } });
  return people.map((person) => ({ id: person.id, name: displayName(person) })).sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** The person `id` names when they may own accounts, with their display name; null otherwise. */
export async function salesOwnerById(client: Tx, id: string) {
  const person = await client.user.findFirst({ where: { id, ...SALES_OWNER_WHERE }, select: { id: true, name: true, githubLogin: true, email: true } });
  return person && { id: person.id, name: displayName(person) };
}
