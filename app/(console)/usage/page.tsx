import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createSearchParamsCache } from "nuqs/server";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { UsageRangeBar } from "@/components/usage/range-bar";
import { StaffUsageFilters } from "@/components/usage/usage-controls";
import { StaffUsageTable, TrialsCard } from "@/components/usage/staff-usage";
import { formatCount, formatUsd } from "@/components/usage/format";
import { requireConsoleActor } from "@/lib/auth/actor";
import { resolveUsageRange, serializeStaffUsageParams, staffUsageParsers } from "@/lib/domain/usage/params";
import { staffUsageOverview, trialsWithMostUsage } from "@/lib/domain/usage/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage by tenant" };

const searchParamsCache = createSearchParamsCache(staffUsageParsers);

export default async function StaffUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireConsoleActor();
  const query = searchParamsCache.parse(await searchParams);
  const now = new Date();
  const range = resolveUsageRange(query, now);
  const [overview, trials] = await Promise.all([
    staffUsageOverview(actor, { from: range.from, to: range.to, status: query.status ?? undefined, plan: query.plan ?? undefined, page: query.page }),
    trialsWithMostUsage(actor, { from: range.from, to: range.to, limit: 10 }),
  ]);
  // staff only; not found rather than forbidden, like any other page not yours
  if (!overview || !trials) notFound();
  return (
    <>
      <PageHeader title="Usage by tenant" description="Spend and traffic of every tenant, most spend first. Times are in UTC." />
      <UsageRangeBar range={range} now={now}><StaffUsageFilters /></UsageRangeBar>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="tenants-heading" className="space-y-3 lg:col-span-2">
          <div className="space-y-1">
            <h2 id="tenants-heading" className="text-lg font-semibold">Tenants by spend</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {formatUsd(overview.totalSpendUsd)} and {formatCount(overview.totalRequests)} requests in {range.label}, across {formatCount(overview.total)} tenants.
            </p>
          </div>
          <StaffUsageTable rows={overview.rows} rangeLabel={range.label} />
          <Pagination
            page={overview.page}
            pageCount={overview.pageCount}
            total={overview.total}
            href={(page) => `/usage${serializeStaffUsageParams({ ...query, page })}`}
          />
        </section>
        <TrialsCard rows={trials} rangeLabel={range.label} />
      </div>
    </>
  );
}
