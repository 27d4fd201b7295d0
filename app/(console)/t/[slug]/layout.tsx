import { NavMenu } from "@/components/shell/nav-menu";
import { TenantStandingBanner } from "@/components/tenants/tenant-standing-banner";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { displayName } from "@/lib/domain/members/queries";
import { tenantNavigation } from "@/lib/navigation";

// Every page of a tenant has its navigation beside it, and every page of a frozen or archived tenant says so up
// front (TenantStandingBanner).
export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { actor, tenant } = await requireTenantPage((await params).slug);
  const owner = tenant.salesOwner;
  const contact = owner ? { name: displayName(owner), email: owner.email } : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
      <div className="space-y-2 lg:sticky lg:top-6 lg:self-start">
        <p className="truncate px-3 text-sm font-semibold" title={tenant.name}>{tenant.name}</p>
        <NavMenu label="Tenant pages" links={tenantNavigation(actor, tenant)} orientation="vertical" />
      </div>
      <div className="min-w-0 space-y-6">
        <TenantStandingBanner tenant={tenant} contact={contact} />
        {children}
      </div>
    </div>
  );
}
