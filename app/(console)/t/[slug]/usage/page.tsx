import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createSearchParamsCache } from "nuqs/server";
import { BudgetCard } from "@/components/usage/budget-card";
import { UsageRangeBar } from "@/components/usage/range-bar";
import { GroupBySelect } from "@/components/usage/usage-controls";
import { UsageDashboard } from "@/components/usage/usage-dashboard";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { getTenantForReader } from "@/lib/domain/tenants/queries";
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
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant || !can(actor, "usage.read", tenant.id)) notFound();
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
      <div className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/t/${tenant.slug}`} className="hover:underline">{tenant.name}</Link>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Usage</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          What {tenant.name}&apos;s gateway traffic cost, how much of it there was and how fast it was answered. Times are in UTC.
        </p>
      </div>
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
