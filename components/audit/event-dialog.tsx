"use client";
// One event in full: every field, its before/after as a table, the rest of its metadata as JSON. Open while the
// URL's ?event= names it; closing removes it from the URL (Radix returns focus to the row's Details link).
import { useQueryState } from "nuqs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { changeRows, otherMetadata } from "@/lib/domain/audit/diff";
import type { AuditEventDetail } from "@/lib/domain/audit/queries";
import { auditListParsers } from "@/lib/domain/audit/params";
import { ActorTypeBadge, OutcomeBadge } from "./actor-badge";
import { ChangeTable } from "./change-table";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="break-all">{children ?? <span className="text-zinc-500">—</span>}</dd>
    </>
  );
}

const mono = (text: string | null) => text && <span className="font-mono text-xs">{text}</span>;

// what a tenant's reader sees for a staff actor's address and browser, which the query withholds
const STAFF_NETWORK_WITHHELD = <span className="text-zinc-600 dark:text-zinc-400">Not shown: the actor is platform staff</span>;
// and for staff's note on a lifecycle move, which the query withholds too
const INTERNAL_NOTE_WITHHELD = <span className="text-zinc-600 dark:text-zinc-400">Not shown: kept for platform staff</span>;

export function EventDialog({ event }: { event: AuditEventDetail }) {
  const [openId, setOpenId] = useQueryState("event", auditListParsers.event);
  const changes = changeRows(event.metadata);
  const rest = otherMetadata(event.metadata);
  return (
    <Dialog open={openId === event.id} onOpenChange={(open) => { if (!open) void setOpenId(null); }}>
      <DialogContent title="Audit event" description={`${event.action} at ${event.at}`}>
        {/* focusable, so keyboard users can scroll a long event (axe: scrollable-region-focusable) */}
        <div tabIndex={0} role="region" aria-label="Event details" className="max-h-[65vh] space-y-4 overflow-y-auto rounded pr-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-600">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5">
            <Item term="Time"><time dateTime={event.at}>{event.at}</time></Item>
            <Item term="Action">{mono(event.action)}</Item>
            <Item term="Outcome"><OutcomeBadge failure={event.isFailure} /></Item>
            <Item term="Actor">
              <span className="flex flex-wrap items-center gap-1.5">{event.actorName ?? "unknown"} <ActorTypeBadge type={event.actorType} /></span>
              {event.actorId && <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">{event.actorId}</span>}
            </Item>
            <Item term="Target">
              {(event.targetType || event.targetName || event.targetId) && (
                <>
                  {event.targetType && <span className="text-zinc-600 dark:text-zinc-400">{event.targetType} </span>}
                  {event.targetName}
                  {event.targetId && <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">{event.targetId}</span>}
                </>
              )}
            </Item>
            <Item term="Tenant">{event.tenantName ? `${event.tenantName} (${event.tenantSlug})` : event.chain === "platform" ? "platform" : mono(event.chain)}</Item>
            <Item term="Project">{mono(event.projectId)}</Item>
            <Item term="Product">{event.product}</Item>
            <Item term={event.internalNote ? "Internal note (staff only)" : "Description"}>
              {event.description ? <span className="whitespace-pre-wrap">{event.description}</span> : event.internalNote && INTERNAL_NOTE_WITHHELD}
            </Item>
            <Item term="Source IP">{event.networkWithheld ? STAFF_NETWORK_WITHHELD : mono(event.sourceIp)}</Item>
            <Item term="User agent">{event.networkWithheld ? STAFF_NETWORK_WITHHELD : event.userAgent}</Item>
            <Item term="Chain">{mono(`${event.chain} #${event.seq}`)}</Item>
            <Item term="Hash"><span className="font-mono text-xs" title={event.prevHash ? `previous: ${event.prevHash}` : "first of its chain"}>{event.hash}</span></Item>
          </dl>
          {changes && (
            <section className="space-y-1">
              <h3 className="font-medium">Changes</h3>
              <ChangeTable rows={changes} />
            </section>
          )}
          {rest && (
            <section className="space-y-1">
              <h3 className="font-medium">Metadata</h3>
              <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{JSON.stringify(rest, null, 2)}</pre>
            </section>
          )}
        </div>
        <div className="flex justify-end">
          <DialogClose asChild><Button type="button" variant="secondary">Close</Button></DialogClose>
        </div>
      </DialogContent>
    </Dialog>
  );
}
