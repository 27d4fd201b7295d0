"use server";
// Public POST endpoints: each resolves the actor itself; the query scopes to what the actor may read.
import { currentActor } from "@/lib/auth/actor";
import { listSwitchableTenants } from "@/lib/domain/tenants/queries";

export async function searchTenantsAction(query: string) {
  const actor = await currentActor();
  if (!actor || typeof query !== "string") return [];
  return listSwitchableTenants(actor, query.slice(0, 100));
}
