import { Table, EmptyRow, Td, Th, Tr } from "@/components/ui/table";
import { formatMinute } from "@/lib/format-time";
import { Badge } from "@/components/ui/badge";
import { currentActor } from "@/lib/auth/actor";
import { listRecentActivity } from "@/lib/domain/tenants/queries";

/** The tenant's latest audit events, newest first (the full, filterable log is the audit page's). */
export async function ActivitySection({ tenantId }: { tenantId: string }) {
  const actor = (await currentActor())!;
  const events = await listRecentActivity(actor, tenantId);
  if (!events) return null;
  return (
    <Table caption="Recent activity" showCaption head={<><Th>When</Th><Th>Who</Th><Th>What</Th><Th>Target</Th><Th>Note</Th></>}>
      {events.length === 0 && <EmptyRow columns={5}>Nothing has happened here yet.</EmptyRow>}
      {events.map((event) => (
        <Tr key={String(event.id)}>
          <Td className="tabular-nums whitespace-nowrap">{formatMinute(event.createdAt)}</Td>
          <Td>{event.actorName ?? event.actorType}</Td>
          <Td className="font-mono text-xs">{event.action} {event.isFailure && <Badge tone="red">refused</Badge>}</Td>
          <Td>{event.targetName ?? "—"}</Td>
          <Td className="max-w-xs truncate" title={event.description ?? undefined}>{event.description ?? ""}</Td>
        </Tr>
      ))}
    </Table>
  );
}
