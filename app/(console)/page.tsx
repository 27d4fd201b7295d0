import Link from "next/link";
import { Card } from "@/components/ui/card";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { currentActor } from "@/lib/auth/actor";
import { listTenantOverview } from "@/lib/domain/tenants/queries";

export default async function OverviewPage() {
  const actor = (await currentActor())!; // the layout has redirected anyone signed out
  const tenants = await listTenantOverview(actor);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Tenants</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Tenant</th>
              <th scope="col" className="px-4 py-2 font-medium">Status</th>
              <th scope="col" className="px-4 py-2 font-medium">Plan</th>
              <th scope="col" className="px-4 py-2 font-medium">Trial ends</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Members</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Active keys</th>
            </tr>
          </thead>
          <tbody>
            {tenants.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-8 text-center text-zinc-600 dark:text-zinc-400">No tenants to show.</td>
              </tr>
            )}
            {tenants.map((tenant) => (
              <tr key={tenant.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2">
                  <Link href={`/t/${tenant.slug}`} className="font-medium hover:underline">{tenant.name}</Link>{" "}
                  <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{tenant.slug}</span>
                </td>
                <td className="px-4 py-2"><TenantStatusBadge status={tenant.status} /></td>
                <td className="px-4 py-2 capitalize">{tenant.plan}</td>
                <td className="px-4 py-2 tabular-nums">{tenant.trialEndsAt?.toISOString().slice(0, 10) ?? "—"}</td>
                <td className="px-4 py-2 text-right tabular-nums">{tenant._count.memberships}</td>
                <td className="px-4 py-2 text-right tabular-nums">{tenant._count.apiKeys}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
