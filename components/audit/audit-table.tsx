// The audit log's rows, newest first. Each row's "Details" link opens the event in the detail dialog through
// the URL (?event=…), so a detail view can be linked to and the browser's back button closes it.
import Link from "next/link";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import type { AuditListEvent } from "@/lib/domain/audit/queries";
import { ActorTypeBadge, OutcomeBadge } from "./actor-badge";
import { relativeTime } from "@/lib/format-time";

export const eventAnchorId = (id: string) => `audit-event-${id}`;

export function AuditTable({ events, now, showTenant, detailHref, filtered }: {
  events: AuditListEvent[];
  now: Date;
  /** the staff view across tenants adds a tenant column */
  showTenant: boolean;
  detailHref: (id: string) => string;
  filtered: boolean;
}) {
  const columns = showTenant ? 8 : 7;
  return (
    <Table
      caption="Audit events, newest first"
      head={<>
        <Th>Time</Th><Th>Actor</Th><Th>Action</Th><Th>Target</Th>{showTenant && <Th>Tenant</Th>}<Th>Source IP</Th><Th>Outcome</Th>
        <Th><span className="sr-only">Details</span></Th>
      </>}
    >
      {events.length === 0 && (
        <EmptyRow columns={columns}>{filtered ? "No event matches these filters: widen or clear them." : "No events recorded yet."}</EmptyRow>
      )}
      {events.map((event) => (
        <Tr key={event.id}>
          <Td className="whitespace-nowrap tabular-nums">
            <time dateTime={event.at} title={event.at}>{relativeTime(event.createdAt, now)}</time>
          </Td>
          <Td>
            <span className="flex flex-wrap items-center gap-1.5">
              <span className="font-medium">{event.actorName ?? event.actorId ?? "unknown"}</span>
              <ActorTypeBadge type={event.actorType} />
            </span>
          </Td>
          <Td className="font-mono text-xs">{event.action}</Td>
          <Td>
            {event.targetType || event.targetName ? (
              <span className="flex flex-col">
                {event.targetType && <span className="text-xs text-zinc-600 dark:text-zinc-400">{event.targetType}</span>}
                <span className="break-all">{event.targetName ?? event.targetId ?? "—"}</span>
              </span>
            ) : "—"}
          </Td>
          {showTenant && <Td className="font-mono text-xs">{event.tenantSlug ?? "platform"}</Td>}
          <Td className="font-mono text-xs">
            {event.networkWithheld ? <span className="font-sans text-zinc-600 dark:text-zinc-400">not shown (staff)</span> : event.sourceIp ?? "—"}
          </Td>
          <Td><OutcomeBadge failure={event.isFailure} /></Td>
          <Td>
            <Link
              id={eventAnchorId(event.id)}
              href={detailHref(event.id)}
              scroll={false}
              className="rounded text-sm font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
              aria-label={`Details of ${event.action} at ${event.at}`}
            >
              Details
            </Link>
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
