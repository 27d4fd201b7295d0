import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { requireConsoleActor } from "@/lib/auth/actor";
import { loadAuditListParams } from "@/lib/domain/audit/params";
import { resolveAuditScope } from "@/lib/domain/audit/queries";
import { verifyIntegrityAction } from "../../../audit/actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Audit log · ${(await params).slug}` };
}

export default async function TenantAuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await requireConsoleActor();
  const resolved = await resolveAuditScope(actor, { slug });
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!resolved?.tenant) notFound();
  const { tenant } = resolved;
  return (
    <>
      <div className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/t/${tenant.slug}`} className="hover:underline">{tenant.name}</Link>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Everything that changed in {tenant.name}, who did it and from where, newest first. Refused attempts are recorded as failures.
        </p>
      </div>
      <AuditLog
        actor={actor}
        resolved={resolved}
        params={{ ...loadAuditListParams(await searchParams), tenant: null }}
        path={`/t/${tenant.slug}/audit`}
        slug={tenant.slug}
        verifyAction={verifyIntegrityAction}
      />
    </>
  );
}
