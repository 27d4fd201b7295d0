import { notFound } from "next/navigation";
import { requireConsoleActor } from "@/lib/auth/actor";
import { getTenantForReader } from "@/lib/domain/tenants/queries";

// Every page of a frozen or archived tenant says so up front, so its members learn why a change is refused
// before they type one; the services refuse it all the same.
export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const actor = await requireConsoleActor();
  const tenant = await getTenantForReader(actor, (await params).slug);
  // not found and not yours look the same, so slugs of other tenants cannot be probed
  if (!tenant) notFound();
  const readOnly = tenant.status === "frozen" || tenant.status === "archived";
  return (
    <>
      {readOnly && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {tenant.status === "frozen"
            ? `${tenant.name} is frozen: its members can read and export everything here, but change nothing until it is reactivated.`
            : `${tenant.name} is archived: only its audit log is kept, and its members can change nothing.`}
        </p>
      )}
      {children}
    </>
  );
}
