import Link from "next/link";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listSwitchableTenants } from "@/lib/domain/tenants/queries";
import { searchTenantsAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireConsoleActor();
  const tenants = await listSwitchableTenants(actor);
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-3">
          <Link href="/" className="font-semibold tracking-tight">Gatehouse</Link>
          <nav aria-label="Main" className="flex gap-3 text-sm">
            <Link href="/" className="hover:underline">Overview</Link>
            {can(actor, "tenant.list_all", null) && <Link href="/tenants" className="hover:underline">Tenants</Link>}
            {can(actor, "usage.read_platform", null) && <Link href="/usage" className="hover:underline">Usage</Link>}
            {can(actor, "audit.read_platform", null) && <Link href="/audit" className="hover:underline">Audit log</Link>}
            {can(actor, "person.read", null) && <Link href="/staff" className="hover:underline">People</Link>}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <TenantSwitcher tenants={tenants} search={can(actor, "tenant.list_all", null) ? searchTenantsAction : undefined} />
            <UserMenu name={actor.name} staffRole={actor.staffRole} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">{children}</main>
    </div>
  );
}
