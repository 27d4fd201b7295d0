import Link from "next/link";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { PageHeader } from "@/components/ui/page-header";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listTenantOverview } from "@/lib/domain/tenants/queries";

export default async function OverviewPage() {
  const actor = await requireConsoleActor();
  const { tenants, total } = await listTenantOverview(actor);
  return (
    <>
      <PageHeader title="Overview" />
      <Table
        caption="Tenants"
        head={<>
          <Th>Tenant</Th><Th>Status</Th><Th>Plan</Th><Th>Trial ends</Th>
          <Th className="text-right">Members</Th><Th className="text-right">Active keys</Th>
        </>}
      >
        {tenants.length === 0 && <EmptyRow columns={6}>No tenants to show.</EmptyRow>}
        {tenants.map((tenant) => (
          <Tr key={tenant.id}>
            <Td>
              <Link href={`/t/${tenant.slug}`} className="font-medium hover:underline">{tenant.name}</Link>{" "}
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{tenant.slug}</span>
            </Td>
            <Td><TenantStatusBadge status={tenant.status} /></Td>
            <Td className="capitalize">{tenant.plan}</Td>
            <Td className="tabular-nums">{tenant.trialEndsAt?.toISOString().slice(0, 10) ?? "—"}</Td>
            <Td className="text-right tabular-nums">{tenant._count.memberships}</Td>
            <Td className="text-right tabular-nums">{tenant._count.apiKeys}</Td>
          </Tr>
        ))}
      </Table>
      {total > tenants.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The first {tenants.length} of {total.toLocaleString("en-US")} tenants by name.{" "}
          {can(actor, "tenant.list_all", null) && <Link href="/tenants" className="underline">Search and filter them all in Tenants</Link>}
        </p>
      )}
    </>
  );
}
