import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { KeysSection } from "@/components/keys/keys-section";
import { bindSlug, requireTenantPage } from "@/lib/auth/tenant-page";
import { loadKeyListParams } from "@/lib/domain/keys/list-params";
import { createApiKeyAction, revokeApiKeyAction, rollApiKeyAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API keys · ${(await params).slug}` };
}

export default async function KeysPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { status, q, page } = loadKeyListParams(await searchParams);
  const { tenant } = await requireTenantPage(slug, "api_key.read");
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Gateway clients of ${tenant.name} authenticate with these keys. A key is shown once, when it is created or rolled.`}
      />
      <KeysSection
        tenantId={tenant.id}
        slug={tenant.slug}
        status={status ?? undefined}
        q={q ?? undefined}
        page={page}
        actions={bindSlug(slug, { create: createApiKeyAction, revoke: revokeApiKeyAction, roll: rollApiKeyAction })}
      />
    </>
  );
}
