// GET /api/usage/export?tenant=<slug>&<the dashboard's range and grouping>: the groups table the dashboard
// shows, as CSV. Read through the same query as the page: a tenant the caller may not read is not found.
import { currentActor } from "@/lib/auth/actor";
import { getTenantForReader } from "@/lib/domain/tenants/queries";
import { tenantUsageSummary } from "@/lib/domain/usage/queries";
import { loadTenantUsageParams, resolveUsageRange } from "@/lib/domain/usage/params";
import { usageGroupsCsv } from "@/lib/domain/usage/groups-csv";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not found.\n", { status: 404 });

export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to export usage.\n", { status: 401 });
  const url = new URL(request.url);
  const slug = url.searchParams.get("tenant");
  const tenant = slug ? await getTenantForReader(actor, slug) : null;
  if (!tenant) return NOT_FOUND();
  const params = loadTenantUsageParams(url);
  const range = resolveUsageRange(params, new Date());
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
