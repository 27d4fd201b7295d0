import { PageHeader } from "@/components/ui/page-header";
import { ProvidersSection } from "@/components/providers/providers-section";
import { bindSlug, requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { createProviderAction, removeProviderAction, setDefaultProviderAction, testProviderConnectionAction, updateProviderAction } from "./actions";

export const generateMetadata = tenantPageTitle("Providers");

export default async function TenantProvidersPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug, "provider.read");
  return (
    <>
      <PageHeader title="Providers" description={`The upstream LLM providers ${tenant.name}'s requests go to, each with its own key. Keys are encrypted; only their last four characters are shown.`} />
      <ProvidersSection
        tenantId={tenant.id}
        actions={bindSlug(slug, {
          create: createProviderAction, update: updateProviderAction, setDefault: setDefaultProviderAction,
          remove: removeProviderAction, test: testProviderConnectionAction,
        })}
      />
    </>
  );
}
