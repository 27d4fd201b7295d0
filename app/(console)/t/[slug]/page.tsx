import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
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
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-2 text-left font-medium">Members</caption>
          <thead className="border-y border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Role</th>
              <th scope="col" className="px-4 py-2 font-medium">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {tenant.memberships.map((m) => (
              <tr key={m.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2">{m.user.name ?? m.user.githubLogin} <span className="text-xs text-zinc-600 dark:text-zinc-400">{m.user.email}</span></td>
                <td className="px-4 py-2">{m.role}</td>
                <td className="px-4 py-2 tabular-nums">{m.user.lastSignInAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
