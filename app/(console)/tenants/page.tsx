import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createSearchParamsCache } from "nuqs/server";
import { Pagination } from "@/components/ui/pagination";
import { TenantFilters } from "@/components/tenants/tenant-filters";
import { TenantTable } from "@/components/tenants/tenant-table";
import { CreateTenantDialog } from "@/components/tenants/create-tenant-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listTenants } from "@/lib/domain/tenants/queries";
import { serializeTenantListParams, tenantListParsers } from "@/lib/domain/tenants/list-params";
import { displayName } from "@/lib/domain/members/queries";
import { createTenantAction } from "./actions";

export const metadata: Metadata = { title: "Tenants" };

const searchParamsCache = createSearchParamsCache(tenantListParsers);

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireConsoleActor();
  const params = searchParamsCache.parse(await searchParams);
  const list = await listTenants(actor, params);
  if (!list) notFound(); // staff only; not found rather than forbidden, like any other page not yours
  return (
    <>
      <PageHeader title="Tenants" actions={can(actor, "tenant.create", null) && <CreateTenantDialog action={createTenantAction} />} />
      <TenantFilters statusCounts={list.statusCounts} salesOwners={list.salesOwners} me={actor.id} />
      {list.ownerProblem && <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{list.ownerProblem}</p>}
      <TenantTable
        rows={list.rows.map((t) => ({
          id: t.id, slug: t.slug, name: t.name, status: t.status, kind: t.kind, plan: t.plan,
          trialEndsAt: t.trialEndsAt?.toISOString() ?? null, salesOwner: t.salesOwner && displayName(t.salesOwner), erpCustomerId: t.erpCustomerId,
          createdAt: t.createdAt.toISOString(), members: t._count.memberships, activeKeys: t._count.apiKeys,
        }))}
      />
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={(page) => `/tenants${serializeTenantListParams({ ...params, page })}`} />
    </>
  );
}
