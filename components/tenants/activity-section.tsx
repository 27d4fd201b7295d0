import { currentActor } from "@/lib/auth/actor";
import { listRecentActivity } from "@/lib/domain/tenants/queries";
import { ActivityTable } from "./activity-table";

/** The tenant's latest audit events, newest first (the full, filterable log is the audit page's). */
export async function ActivitySection({ tenantId }: { tenantId: string }) {
  const actor = (await currentActor())!;
  const events = await listRecentActivity(actor, tenantId);
  if (!events) return null;
  return <ActivityTable events={events.map((event) => ({ ...event, id: String(event.id) }))} />;
}
