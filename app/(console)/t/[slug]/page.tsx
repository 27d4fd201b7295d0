import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { TenantDetailsSection } from "@/components/tenants/details-section";
import { LifecycleSection } from "@/components/tenants/lifecycle-section";
import { ActivitySection } from "@/components/tenants/activity-section";
import { IdpSection } from "@/components/idp/idp-section";
import { ProjectsSection } from "@/components/projects/projects-section";
import { MembersSection } from "@/components/members/members-section";
import { ProductsSection } from "@/components/products/products-section";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can, roleIn } from "@/lib/auth/permissions";
import { getTenantForReader } from "@/lib/domain/tenants/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).slug };
}

export default async function TenantPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant) notFound();
  const role = roleIn(actor, tenant.id);
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{tenant.name}</h1>
        <TenantStatusBadge status={tenant.status} />
        <span className="font-mono text-sm text-zinc-600 dark:text-zinc-400">{tenant.slug}</span>
        {role && <Badge>your role: {role}</Badge>}
      </div>
      <nav aria-label="Tenant pages" className="flex gap-4 text-sm">
        {can(actor, "api_key.read", tenant.id) && (
          <Link href={`/t/${tenant.slug}/keys`} className="font-medium underline underline-offset-4">API keys</Link>
        )}
        {can(actor, "usage.read", tenant.id) && (
          <Link href={`/t/${tenant.slug}/usage`} className="font-medium underline underline-offset-4">Usage</Link>
        )}
        {can(actor, "audit.read", tenant.id) && (
          <Link href={`/t/${tenant.slug}/audit`} className="font-medium underline underline-offset-4">Audit log</Link>
        )}
      </nav>
      <LifecycleSection tenantId={tenant.id} slug={tenant.slug} />
      <TenantDetailsSection slug={tenant.slug} />
      <MembersSection tenantId={tenant.id} slug={tenant.slug} />
      <ProjectsSection tenantId={tenant.id} slug={tenant.slug} />
      <ProductsSection tenantId={tenant.id} slug={tenant.slug} />
      <IdpSection tenantId={tenant.id} slug={tenant.slug} />
      <ActivitySection tenantId={tenant.id} />
    </>
  );
}
