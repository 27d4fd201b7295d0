import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createSearchParamsCache } from "nuqs/server";
import { BudgetCard } from "@/components/usage/budget-card";
import { UsageRangeBar } from "@/components/usage/range-bar";
import { GroupBySelect } from "@/components/usage/usage-controls";
import { UsageDashboard } from "@/components/usage/usage-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { resolveUsageRange, serializeTenantUsageParams, tenantUsageParsers } from "@/lib/domain/usage/params";
import { monthBudget, tenantUsageSummary } from "@/lib/domain/usage/queries";
import { setBudgetAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const searchParamsCache = createSearchParamsCache(tenantUsageParsers);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Usage · ${(await params).slug}` };
}

export default async function TenantUsagePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { actor, tenant } = await requireTenantPage(slug, "usage.read");
  const query = searchParamsCache.parse(await searchParams);
  const now = new Date();
  const range = resolveUsageRange(query, now);
  const [summary, budget] = await Promise.all([
    tenantUsageSummary(actor, tenant.id, { from: range.from, to: range.to, groupBy: query.groupBy }),
    monthBudget(actor, tenant.id, now),
  ]);
  if (!summary || !budget) notFound();
  // the export gets the range in effect, so it is the table shown even when the URL's custom range was refused
  const shown = { ...query, range: range.range, from: range.range === "custom" ? query.from : null, to: range.range === "custom" ? query.to : null };
  return (
    <>
      <PageHeader
        title="Usage"
        description={`What ${tenant.name}'s gateway traffic cost, how much of it there was and how fast it was answered. Times are in UTC.`}
      />
      <UsageRangeBar range={range} now={now}><GroupBySelect /></UsageRangeBar>
      <UsageDashboard
        summary={summary}
        range={range}
        exportHref={serializeTenantUsageParams(`/api/usage/export?tenant=${tenant.slug}`, shown)}
        keysHref={can(actor, "api_key.read", tenant.id) ? `/t/${tenant.slug}/keys` : null}
        budget={
          <BudgetCard
            tenantId={tenant.id}
            budget={budget}
            action={(await allowedNow(actor, "budget.manage", tenant.id)) ? setBudgetAction.bind(null, tenant.slug) : undefined}
          />
        }
      />
    </>
  );
}
