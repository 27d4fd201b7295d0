// What every page of a frozen or archived tenant says up front, so its members learn why a change is refused
// before they type one (the services refuse it all the same): a frozen one's keys are refused too, staff may have
// left a message, and the banner says whom to ask.
import type { TenantStatus } from "@/lib/db/generated/enums";
import { AccountContact, type AccountContactPerson } from "./account-contact";

export function TenantStandingBanner({ tenant, contact }: {
  tenant: { name: string; status: TenantStatus; statusMessage: string | null };
  contact: AccountContactPerson;
}) {
  if (tenant.status !== "frozen" && tenant.status !== "archived") return null;
  return (
    <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      {tenant.status === "frozen" ? (
        <>
          <p>
            {tenant.name} is frozen: its API keys are refused by the gateway, and its members can read and export
            everything here, but change nothing until it is reactivated.
          </p>
          {tenant.statusMessage && <p className="whitespace-pre-wrap"><span className="font-medium">Message from the platform team:</span> {tenant.statusMessage}</p>}
          <p>To reactivate it, contact <AccountContact contact={contact} />.</p>
        </>
      ) : (
        <p>{tenant.name} is archived: only its audit log is kept, and its members can change nothing.</p>
      )}
    </div>
  );
}
