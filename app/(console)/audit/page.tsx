import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsoleActor } from "@/lib/auth/actor";
import { loadAuditListParams } from "@/lib/domain/audit/params";
import { resolveAuditScope } from "@/lib/domain/audit/queries";
import { verifyIntegrityAction } from "./actions";

export const metadata: Metadata = { title: "Audit log" };

export default async function PlatformAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireConsoleActor();
  const params = loadAuditListParams(await searchParams);
  const resolved = await resolveAuditScope(actor, { tenantFilter: params.tenant });
  // staff only; not found rather than forbidden, like any other page not yours
  if (!resolved) notFound();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in every tenant, and the platform's own events, newest first. Refused attempts are recorded as failures."
      />
      <AuditLog actor={actor} resolved={resolved} params={params} path="/audit" verifyAction={verifyIntegrityAction} />
    </>
  );
}
