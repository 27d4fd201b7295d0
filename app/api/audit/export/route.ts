// GET /api/audit/export?format=csv|jsonl[&slug=<tenant>]&<the page's filters>: exactly the filtered events,
// streamed as they are read. With slug, a tenant's events (its readers, staff); without, the staff view's.
import { currentActor } from "@/lib/auth/actor";
import { loadAuditListParams } from "@/lib/domain/audit/params";
import { resolveAuditScope } from "@/lib/domain/audit/queries";
import { EXPORT_CONTENT_TYPES, exportAuditEvents, toReadableStream } from "@/lib/domain/audit/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to export the audit log.\n", { status: 401 });
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "jsonl" ? "jsonl" : "csv";
  const params = loadAuditListParams(url);
  const resolved = await resolveAuditScope(actor, { slug: url.searchParams.get("slug"), tenantFilter: params.tenant });
  const chunks = resolved && (await exportAuditEvents(actor, resolved.scope, params, format));
  if (!resolved || !chunks) return new Response("Not found.\n", { status: 404 });
  const filename = `audit-${resolved.label}-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(toReadableStream(chunks), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
