// GET /api/usage/export?tenant=<slug>&<the dashboard's range and grouping>: the groups table the dashboard
// shows, as CSV. Read through the same query as the page: a tenant the caller may not read is not found.
// Every parameter is checked first: a bad one, or a custom range the dashboard would not show, is a 400.
import { currentActor } from "@/lib/auth/actor";
import { badQueryResponse, parseQueryStrictly } from "@/lib/domain/bounds";
import { getTenantForReader } from "@/lib/domain/tenants/queries";
import { tenantUsageSummary } from "@/lib/domain/usage/queries";
import { resolveUsageRange, usageExportParsers } from "@/lib/domain/usage/params";
import { usageGroupsCsv } from "@/lib/domain/usage/groups-csv";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not found.\n", { status: 404 });

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to export usage.\n", { status: 401 });
  const { values: params, problems } = parseQueryStrictly(usageExportParsers, new URL(request.url).searchParams);
  if (problems) return badQueryResponse(problems);
  const range = resolveUsageRange(params, new Date());
  if (range.refusal) return badQueryResponse([], range.refusal);
  const tenant = params.tenant ? await getTenantForReader(actor, params.tenant) : null;
  if (!tenant) return NOT_FOUND();
  const summary = await tenantUsageSummary(actor, tenant.id, { from: range.from, to: range.to, groupBy: params.groupBy });
  if (!summary) return NOT_FOUND();
  const filename = `usage-${tenant.slug}-by-${params.groupBy}-${range.firstDay}-to-${range.lastDay}.csv`;
  return new Response(usageGroupsCsv(params.groupBy, summary.groups), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
