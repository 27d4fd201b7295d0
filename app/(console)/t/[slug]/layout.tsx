import { NavMenu } from "@/components/shell/nav-menu";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { tenantNavigation } from "@/lib/navigation";

// Every page of a tenant has its navigation beside it, and every page of a frozen or archived tenant says so up
// front, so its members learn why a change is refused before they type one; the services refuse it all the same.
export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { actor, tenant } = await requireTenantPage((await params).slug);
  const readOnly = tenant.status === "frozen" || tenant.status === "archived";
  return (
    <div className="grid gap-6 lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
      <div className="space-y-2 lg:sticky lg:top-6 lg:self-start">
        <p className="truncate px-3 text-sm font-semibold" title={tenant.name}>{tenant.name}</p>
        <NavMenu label="Tenant pages" links={tenantNavigation(actor, tenant)} orientation="vertical" />
      </div>
      <div className="min-w-0 space-y-6">
        {readOnly && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            {tenant.status === "frozen"
              ? `${tenant.name} is frozen: its members can read and export everything here, but change nothing until it is reactivated.`
              : `${tenant.name} is archived: only its audit log is kept, and its members can change nothing.`}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
