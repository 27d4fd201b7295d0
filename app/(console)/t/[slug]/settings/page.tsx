import { PageHeader } from "@/components/ui/page-header";
import { TenantDetailsSection } from "@/components/tenants/details-section";
import { requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { updateTenantDetailsAction } from "./actions";

export const generateMetadata = tenantPageTitle("Settings");

export default async function TenantSettingsPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Settings" description={`The commercial details of ${tenant.name}: its plan, contract and customer ids.`} />
      <TenantDetailsSection slug={tenant.slug} save={updateTenantDetailsAction.bind(null, slug)} />
    </>
  );
}
