// The audit log view both pages show: filters, export links, the page of events with Newer / Older, the open
// event's details, and for staff the integrity check. An async server component: it reads through
// lib/domain/audit with the request's actor, who must already be allowed the scope.
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/principal";
import { auditFilterSuggestions, getAuditEvent, listAuditEvents, listAuditTenants, type AuditPage, type ResolvedScope } from "@/lib/domain/audit/queries";
import { serializeAuditListParams, type AuditListParams } from "@/lib/domain/audit/params";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { EventDialog } from "./event-dialog";
import { VerifyIntegrity, type VerifyAction } from "./verify-integrity";

const LINK = "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:hover:bg-zinc-800";
const DISABLED = "rounded-md border border-zinc-200 px-3 py-1 text-sm text-zinc-400 dark:border-zinc-800";

/** "50 of more than 1,000 events", "50 of 734 matching events", "3 events": the page's rows against the count. */
function countLine(shown: number, { count, more }: AuditPage["matching"], filtered: boolean): string {
  const events = `${filtered ? "matching " : ""}event${count === 1 && !more ? "" : "s"}`;
  if (more) return `${shown.toLocaleString("en-US")} of more than ${count.toLocaleString("en-US")} ${events}`;
  if (shown === count) return `${count.toLocaleString("en-US")} ${events}`;
  return `${shown.toLocaleString("en-US")} of ${count.toLocaleString("en-US")} ${events}`;
}

export async function AuditLog({ actor, resolved, params, path, slug, verifyAction }: {
  actor: Actor;
  resolved: ResolvedScope;
  params: AuditListParams;
  /** this page's path, for its links */
  path: string;
  /** the tenant page's slug (the export's scope); none on the staff page */
  slug?: string;
  /** the server action behind "Verify integrity", shown to staff */
  verifyAction: VerifyAction;
}) {
  const { scope } = resolved;
  const staffPage = !slug;
  const [page, detail, suggestions, tenants] = await Promise.all([
    listAuditEvents(actor, scope, params, params.cursor),
    getAuditEvent(actor, scope, params.event),
    auditFilterSuggestions(actor, scope),
    staffPage ? listAuditTenants(actor) : undefined,
  ]);
  if (!page) return null; // the page resolved the scope for this actor; nothing to show otherwise
  const href = (patch: Partial<AuditListParams>) => serializeAuditListParams(path, { ...params, ...patch });
  const filters = { ...params, cursor: null, event: null };
  const exportHref = (format: "csv" | "jsonl") =>
    serializeAuditListParams(`/api/audit/export?format=${format}${slug ? `&slug=${encodeURIComponent(slug)}` : ""}`, filters);
  const filtered = Boolean(params.actor || params.action || params.target || params.outcome || params.from || params.to || params.q);

  return (
    <div className="space-y-4">
      <AuditFilters suggestions={suggestions} tenants={tenants} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <span data-testid="audit-count">{countLine(page.events.length, page.matching, filtered)}</span>. Times are UTC; hover one for the exact instant.
        </p>
        <div className="flex gap-2 text-sm">
          <a className={LINK} href={exportHref("csv")} download>Export CSV</a>
          <a className={LINK} href={exportHref("jsonl")} download>Export JSON lines</a>
        </div>
      </div>
      <AuditTable
        events={page.events.map((event) => ({ ...event, detailHref: href({ event: event.id }) }))}
        now={new Date()}
        showTenant={scope.kind === "all"}
        filtered={filtered}
      />
      <nav aria-label="Audit log pages" className="flex justify-end gap-2">
        {page.newer ? <Link className={LINK} href={href({ cursor: page.newer.cursor, event: null })} rel="prev">Newer</Link> : <span className={DISABLED} aria-disabled="true">Newer</span>}
        {page.older ? <Link className={LINK} href={href({ cursor: page.older.cursor, event: null })} rel="next">Older</Link> : <span className={DISABLED} aria-disabled="true">Older</span>}
      </nav>
      {detail && <EventDialog key={detail.id} event={detail} />}
      {can(actor, "audit.read_platform", null) && (
        <VerifyIntegrity
          action={verifyAction}
          tenantId={resolved.tenant?.id ?? null}
          subject={resolved.tenant ? `${resolved.tenant.name}'s events` : `platform events${scope.kind === "all" ? " (choose a tenant above to check its events)" : ""}`}
        />
      )}
    </div>
  );
}
