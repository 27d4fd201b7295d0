// GET /api/audit/export?format=csv|jsonl[&slug=<tenant>]&<the page's filters>: exactly the filtered events,
// streamed as they are read. With slug, a tenant's events (its readers, staff); without, the staff view's.
// Every parameter is checked before the first byte: a bad one is a 400 naming it, never a download cut short.
import { currentActor } from "@/lib/auth/actor";
import { badQueryResponse, parseQueryStrictly } from "@/lib/domain/bounds";
import { auditDatesProblem, auditExportParsers } from "@/lib/domain/audit/params";
import { resolveAuditScope } from "@/lib/domain/audit/queries";
import { EXPORT_CONTENT_TYPES, exportAuditEvents, toReadableStream } from "@/lib/domain/audit/export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to export the audit log.\n", { status: 401 });
  const { values: params, problems } = parseQueryStrictly(auditExportParsers, new URL(request.url).searchParams);
  if (problems) return badQueryResponse(problems);
  const datesProblem = auditDatesProblem(params);
  if (datesProblem) return badQueryResponse([{ parameter: "from", expected: "a day on or before to" }], datesProblem);
  const { format, slug } = params;
  const resolved = await resolveAuditScope(actor, { slug, tenantFilter: params.tenant });
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
