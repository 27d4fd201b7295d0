import { currentActor } from "@/lib/auth/actor";
import { listRecentAuditEvents } from "@/lib/domain/audit/queries";
import { ActivityTable } from "./activity-table";

/**
 * The tenant's latest audit events, newest first (the full, filterable log is the audit page's), read as the audit
 * page reads them: a tenant's own people see no staff's internal note.
 */
export async function ActivitySection({ tenantId }: { tenantId: string }) {
  const actor = (await currentActor())!;
  const events = await listRecentAuditEvents(actor, tenantId);
  if (!events) return null;
  return (
    <ActivityTable
      events={events.map(({ id, createdAt, actorName, actorType, action, targetName, description, internalNote, isFailure }) => (
        { id, createdAt, actorName, actorType, action, targetName, description, internalNote, isFailure }))}
    />
  );
}
