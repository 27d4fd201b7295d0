import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ProductsSection } from "@/components/products/products-section";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { setEntitlementAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Products · ${(await params).slug}` };
}

export default async function TenantProductsPage({ params }: Props) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Products" description={`What ${tenant.name} is entitled to use through the gateway, and how each product is configured.`} />
      <ProductsSection tenantId={tenant.id} save={setEntitlementAction.bind(null, slug)} />
    </>
  );
}
