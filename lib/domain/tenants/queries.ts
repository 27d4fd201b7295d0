import "server-only";
import { db } from "@/lib/db/client";

/** Every tenant with its member and active-key counts, for the pre-sign-in overview page. */
export async function listTenantOverview() {
  const [tenants, totals] = await Promise.all([
    db.tenant.findMany({
      orderBy: { name: "asc" },
      take: 100,
      select: {
        id: true, slug: true, name: true, status: true, kind: true, plan: true, trialEndsAt: true,
        _count: { select: { memberships: true, apiKeys: { where: { revokedAt: null } } } },
      },
    }),
    db.$queryRaw<{ tenants: bigint; users: bigint; keys: bigint; events: bigint; audit: bigint }[]>`
      SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM users) AS users,
             (SELECT count(*) FROM api_keys WHERE revoked_at IS NULL) AS keys,
             (SELECT coalesce(sum(requests), 0) FROM usage_daily) AS events,
             (SELECT count(*) FROM audit_log) AS audit`,
  ]);
  const [row] = totals;
  return {
    tenants,
    totals: {
      tenants: Number(row.tenants), people: Number(row.users), activeKeys: Number(row.keys),
      usageEvents: Number(row.events), auditEvents: Number(row.audit),
    },
  };
}
