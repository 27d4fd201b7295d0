import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { LifecycleSection } from "@/components/tenants/lifecycle-section";
import { ActivitySection } from "@/components/tenants/activity-section";
import { roleIn } from "@/lib/auth/permissions";
import { bindSlug, requireTenantPage, type TenantPageProps } from "@/lib/auth/tenant-page";
import { archiveTenantAction, changeTenantStatusAction, extendTrialAction } from "./actions";

export async function generateMetadata({ params }: TenantPageProps): Promise<Metadata> {
  return { title: (await params).slug };
}

/** A tenant at a glance: where it stands, your role in it, its lifecycle and what happened lately. */
export default async function TenantOverviewPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { actor, tenant } = await requireTenantPage(slug);
  const role = roleIn(actor, tenant.id);
  return (
    <>
      <PageHeader
        title={tenant.name}
        badges={<>
          <TenantStatusBadge status={tenant.status} />
          <span className="font-mono text-sm text-zinc-600 dark:text-zinc-400">{tenant.slug}</span>
          {role && <Badge>your role: {role}</Badge>}
        </>}
      />
      <LifecycleSection
        tenantId={tenant.id}
        actions={bindSlug(slug, { changeStatus: changeTenantStatusAction, extendTrial: extendTrialAction, archive: archiveTenantAction })}
      />
      <ActivitySection tenantId={tenant.id} />
    </>
  );
}
