import { notFound } from "next/navigation";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { currentActor } from "@/lib/auth/actor";
import { roleIn } from "@/lib/auth/permissions";
import { getTenantForReader } from "@/lib/domain/tenants/queries";

export default async function TenantPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = (await currentActor())!;
  const tenant = await getTenantForReader(actor, slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant) notFound();
  const role = roleIn(actor, tenant.id);
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{tenant.name}</h1>
        <TenantStatusBadge status={tenant.status} />
        {role && <Badge>your role: {role}</Badge>}
      </div>
      <Table caption="Members" showCaption head={<><Th>Name</Th><Th>Role</Th><Th>Last sign-in</Th></>}>
        {tenant.memberships.length === 0 && <EmptyRow columns={3}>No members to show.</EmptyRow>}
        {tenant.memberships.map((m) => (
          <Tr key={m.id}>
            <Td>{m.user.name ?? m.user.githubLogin} <span className="text-xs text-zinc-600 dark:text-zinc-400">{m.user.email}</span></Td>
            <Td>{m.role}</Td>
            <Td className="tabular-nums">{m.user.lastSignInAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}</Td>
          </Tr>
        ))}
      </Table>
    </>
  );
}
