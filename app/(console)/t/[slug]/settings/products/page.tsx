import { PageHeader } from "@/components/ui/page-header";
import { ProductsSection } from "@/components/products/products-section";
import { requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { setEntitlementAction } from "./actions";

export const generateMetadata = tenantPageTitle("Products");

export default async function TenantProductsPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Products" description={`What ${tenant.name} is entitled to use through the gateway, and how each product is configured.`} />
      <ProductsSection tenantId={tenant.id} save={setEntitlementAction.bind(null, slug)} />
    </>
  );
}
