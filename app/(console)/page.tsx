import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { OverviewTable } from "@/components/tenants/overview-table";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listTenantOverview } from "@/lib/domain/tenants/queries";

export default async function OverviewPage() {
  const actor = await requireConsoleActor();
  const { tenants, total } = await listTenantOverview(actor);
  return (
    <>
      <PageHeader title="Overview" />
      <OverviewTable tenants={tenants} />
      {total > tenants.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The first {tenants.length} of {total.toLocaleString("en-US")} tenants by name.{" "}
          {can(actor, "tenant.list_all", null) && <Link href="/tenants" className="underline">Search and filter them all in Tenants</Link>}
        </p>
      )}
    </>
  );
}
