import { Card } from "@/components/ui/card";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { listTenantOverview } from "@/lib/domain/tenants/queries";

// Reads the database on every request; never prerendered at build time.
export const dynamic = "force-dynamic";

const number = new Intl.NumberFormat("en-US");

export default async function HomePage() {
  const { tenants, totals } = await listTenantOverview();
  const figures: [string, number][] = [
    ["Tenants", totals.tenants], ["People", totals.people], ["Active API keys", totals.activeKeys],
    ["Usage events", totals.usageEvents], ["Audit events", totals.auditEvents],
  ];
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Gatehouse</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Control plane of the LLM gateway. Sign-in is on its way; until then, this is what the database holds.
        </p>
      </header>
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, value]) => (
          <Card key={label}>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
            <p className="text-xl font-semibold tabular-nums">{number.format(value)}</p>
          </Card>
        ))}
      </section>
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
                <td colSpan={6} className="px-4 py-8 text-center text-zinc-600 dark:text-zinc-400">
                  No tenants yet. Run <code className="font-mono">npm run db -- seed</code> for demo data.
                </td>
              </tr>
            )}
            {tenants.map((tenant) => (
              <tr key={tenant.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2">
                  <span className="font-medium">{tenant.name}</span>{" "}
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
    </main>
  );
}
