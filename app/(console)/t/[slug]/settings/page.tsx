import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TenantDetailsSection } from "@/components/tenants/details-section";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { updateTenantDetailsAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Settings · ${(await params).slug}` };
}

export default async function TenantSettingsPage({ params }: Props) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Settings" description={`The commercial details of ${tenant.name}: its plan, contract and customer ids.`} />
      <TenantDetailsSection slug={tenant.slug} save={updateTenantDetailsAction.bind(null, slug)} />
    </>
  );
}
