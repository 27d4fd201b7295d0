import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
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
      <PageHeader
        title="Audit log"
        description={`Everything that changed in ${tenant.name}, who did it and from where, newest first. Refused attempts are recorded as failures.`}
      />
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
