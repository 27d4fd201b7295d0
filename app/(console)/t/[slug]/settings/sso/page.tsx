import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { IdpSection } from "@/components/idp/idp-section";
import { requireTenantPage } from "@/lib/auth/tenant-page";
import { markIdpVerifiedAction, removeIdpConfigAction, saveOidcConfigAction, saveSamlConfigAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Single sign-on · ${(await params).slug}` };
}

export default async function TenantSsoPage({ params }: Props) {
  const { slug } = await params;
  const { tenant } = await requireTenantPage(slug);
  return (
    <>
      <PageHeader title="Single sign-on" description={`How the people of ${tenant.name} sign in through its own identity provider.`} />
      <IdpSection
        tenantId={tenant.id}
        actions={{
          saveOidc: saveOidcConfigAction.bind(null, slug),
          saveSaml: saveSamlConfigAction.bind(null, slug),
          markVerified: markIdpVerifiedAction.bind(null, slug),
          remove: removeIdpConfigAction.bind(null, slug),
        }}
      />
    </>
  );
}
