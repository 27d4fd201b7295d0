import Link from "next/link";
import { NavMenu } from "@/components/shell/nav-menu";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { Toaster } from "@/components/ui/toaster";
import { requireConsoleActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listSwitchableTenants } from "@/lib/domain/tenants/queries";
import { consoleNavigation } from "@/lib/navigation";
import { searchTenantsAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireConsoleActor();
  const tenants = await listSwitchableTenants(actor);
  return (
    <div className="min-h-screen">
      {/* the first thing a keyboard reaches: past the header's links, straight to the page (WCAG 2.4.1) */}
      <a
        href="#main-content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:outline-2 focus:outline-sky-600 dark:bg-zinc-900"
      >
        Skip to main content
      </a>
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-6 py-3">
          <Link href="/" className="font-semibold tracking-tight">Gatehouse</Link>
          <NavMenu label="Main" links={consoleNavigation(actor)} orientation="horizontal" />
          <div className="ml-auto flex items-center gap-3">
            <TenantSwitcher tenants={tenants} search={can(actor, "tenant.list_all", null) ? searchTenantsAction : undefined} />
            <UserMenu name={actor.name} staffRole={actor.staffRole} />
          </div>
        </div>
      </header>
      {/* focusable by the skip link only (tabIndex -1), so it takes the focus the link sends */}
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-7xl space-y-6 px-6 py-8 focus:outline-none">{children}</main>
      <Toaster />
    </div>
  );
}
