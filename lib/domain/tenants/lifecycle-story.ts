// What the lifecycle section says happened to a tenant, from its row alone: a trial's end only while it is one or
// once it really passed, a trial frozen early as such, and an active customer's contract rather than its old trial.
import type { TenantStatus } from "@/lib/db/generated/enums";
import { formatDay, formatMinute } from "@/lib/format-time";

export interface LifecycleFacts {
  status: TenantStatus;
  /** when the current status began (tenants.status_changed_at) */
  statusChangedAt: Date;
  trialEndsAt: Date | null;
  contractStart: Date | null;
  contractEnd: Date | null;
}

const contract = ({ contractStart, contractEnd }: LifecycleFacts) =>
  contractStart && `Contract from ${formatDay(contractStart)} ${contractEnd ? `to ${formatDay(contractEnd)}` : "until cancelled"}`;

/** One sentence of what happened to the tenant, at `now`; null when there is nothing beside its status to say. */
export function lifecycleStory(tenant: LifecycleFacts, now: Date): string | null {
  const { status, statusChangedAt, trialEndsAt } = tenant;
  switch (status) {
    case "trial":
      if (!trialEndsAt) return null;
      // past its end but not frozen yet: the job freezes it on its next run
      return trialEndsAt > now ? `Trial ends ${formatMinute(trialEndsAt)}` : `Trial ended on ${formatDay(trialEndsAt)}`;
    case "active":
      return contract(tenant) ?? "No contract on record yet: set its dates in the tenant's details.";
    case "frozen":
      // frozen while its trial still ran: by staff, before the end it would have had
      if (trialEndsAt && statusChangedAt < trialEndsAt) return `Frozen on ${formatDay(statusChangedAt)} before its trial end of ${formatDay(trialEndsAt)}`;
      // a customer's contract says more than a trial it once had
      return contract(tenant) ?? (trialEndsAt && `Trial ended on ${formatDay(trialEndsAt)}`);
    case "demo":
    case "archived":
      return null;
  }
}
