import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KeysSection } from "@/components/keys/keys-section";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadKeyListParams } from "@/lib/domain/keys/list-params";
import { getTenantForReader } from "@/lib/domain/tenants/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `API keys · ${(await params).slug}` };
}

export default async function KeysPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { status, q, page } = loadKeyListParams(await searchParams);
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant || !can(actor, "api_key.read", tenant.id)) notFound();
  return (
    <>
      <div className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/t/${tenant.slug}`} className="hover:underline">{tenant.name}</Link>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Gateway clients of {tenant.name} authenticate with these keys. A key is shown once, when it is created or rolled.
        </p>
      </div>
      <KeysSection
        tenantId={tenant.id}
        slug={tenant.slug}
        status={status ?? undefined}
        q={q ?? undefined}
        page={page}
      />
    </>
  );
}
