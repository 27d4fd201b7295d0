import { PageHeader } from "@/components/ui/page-header";
import { IdpSection } from "@/components/idp/idp-section";
import { bindSlug, requireTenantPage, tenantPageTitle, type TenantPageProps } from "@/lib/auth/tenant-page";
import { markIdpVerifiedAction, removeIdpConfigAction, saveOidcConfigAction, saveSamlConfigAction } from "./actions";

export const generateMetadata = tenantPageTitle("Single sign-on");

export default async function TenantSsoPage({ params }: TenantPageProps) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Single sign-on" description={`How the people of ${tenant.name} sign in through its own identity provider.`} />
      <IdpSection
        tenantId={tenant.id}
        actions={bindSlug(slug, {
          saveOidc: saveOidcConfigAction, saveSaml: saveSamlConfigAction, markVerified: markIdpVerifiedAction, remove: removeIdpConfigAction,
        })}
      />
    </>
  );
}
