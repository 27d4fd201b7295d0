// A tenant's lifecycle: where it stands, since when, what happened (lifecycleStory), and for sales and admin staff the
// moves the lifecycle table allows from here. Everyone else who may read the tenant sees it read-only.
import { Card } from "@/components/ui/card";
import { formatDay, formatMinute } from "@/lib/format-time";
import { TenantStatusBadge } from "@/components/tenants/status-badge";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { TenantStatus } from "@/lib/db/generated/enums";
import { allowedTransitions, getTenantLifecycle } from "@/lib/domain/tenants/lifecycle";
import { ARCHIVE_AFTER_FROZEN_DAYS } from "@/lib/domain/tenants/jobs";
import { lifecycleStory } from "@/lib/domain/tenants/lifecycle-story";
import { LifecycleControl, type LifecycleActions } from "./lifecycle-control";

const DAY_MS = 86_400_000;

function whatItMeans(status: TenantStatus, statusChangedAt: Date): string {
  switch (status) {
    case "demo": return "A demo tenant stays a demo until it is archived.";
    case "trial": return "When the trial ends, the tenant is frozen automatically unless it was activated or the trial extended.";
    case "active": return "A customer in good standing: its people can use and change it.";
    case "frozen": {
      const archiveOn = new Date(statusChangedAt.getTime() + ARCHIVE_AFTER_FROZEN_DAYS * DAY_MS);
      return `Read-only for its members, and its API keys are refused. Unless activated, it is archived automatically after ${formatMinute(archiveOn)} (${ARCHIVE_AFTER_FROZEN_DAYS} days frozen).`;
    }
    case "archived": return "Archived is final: its keys, providers, settings and usage were removed. Its members and audit log remain.";
  }
}

export async function LifecycleSection({ tenantId, actions }: { tenantId: string; actions: LifecycleActions }) {
  const actor = (await currentActor())!;
  const tenant = await getTenantLifecycle(actor, tenantId);
  if (!tenant) return null;
  const allowed = allowedTransitions(tenant);
  const mayChange = can(actor, "tenant.change_lifecycle", tenantId);
  const story = lifecycleStory(tenant, new Date());

  return (
    <section aria-labelledby="lifecycle-heading" className="space-y-3">
      <h2 id="lifecycle-heading" className="text-lg font-semibold">Lifecycle</h2>
      <Card className="space-y-4">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
            <dd className="mt-1"><TenantStatusBadge status={tenant.status} /></dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Since</dt>
            <dd className="mt-1 tabular-nums">{formatMinute(tenant.statusChangedAt)}</dd>
          </div>
          {story && (
            <div>
              <dt className="text-zinc-600 dark:text-zinc-400">Timeline</dt>
              <dd className="mt-1 tabular-nums">{story}</dd>
            </div>
          )}
        </dl>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{whatItMeans(tenant.status, tenant.statusChangedAt)}</p>
        {mayChange && allowed.length > 0 && (
          <LifecycleControl
            tenant={{
              id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, plan: tenant.plan,
              trialEndsAt: tenant.trialEndsAt?.toISOString() ?? null,
              contractStart: tenant.contractStart && formatDay(tenant.contractStart), contractEnd: tenant.contractEnd && formatDay(tenant.contractEnd),
            }}
            allowed={allowed}
            actions={actions}
          />
        )}
        {!mayChange && allowed.length > 0 && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Sales or admin staff change a tenant&apos;s lifecycle.</p>
        )}
      </Card>
    </section>
  );
}
