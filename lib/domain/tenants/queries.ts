import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { can, type Principal } from "@/lib/auth/permissions";

/** The tenants `principal` may read: every tenant for staff, their memberships' tenants for anyone else. */
function visibleTenants(principal: Principal): Prisma.TenantWhereInput {
  if (principal.staffRole && can(principal, "tenant.read", null)) return {};
  return { id: { in: principal.memberships.map((m) => m.tenantId) } };
}

/** For the tenant switcher: the first 50 tenants the principal may read whose name or slug contains `query`. */
export function listSwitchableTenants(principal: Principal, query = "") {
  const matching: Prisma.TenantWhereInput = query
    ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { slug: { contains: query.toLowerCase() } }] }
    : {};
  return db.tenant.findMany({
    where: { AND: [visibleTenants(principal), matching] },
    orderBy: { name: "asc" },
    take: 50,
    select: { slug: true, name: true },
  });
}

/** The overview's table: visible tenants with member and active-key counts. */
export function listTenantOverview(principal: Principal) {
  return db.tenant.findMany({
    where: visibleTenants(principal),
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true, slug: true, name: true, status: true, kind: true, plan: true, trialEndsAt: true,
      _count: { select: { memberships: true, apiKeys: { where: { revokedAt: null } } } },
    },
  });
}

/** One tenant with its members, or null when it does not exist or the principal may not read it. */
export async function getTenantForReader(principal: Principal, slug: string) {
  const tenant = await db.tenant.findUnique({
    where: { slug },
    include: { memberships: { include: { user: { select: { name: true, githubLogin: true, email: true, lastSignInAt: true } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!tenant || !can(principal, "tenant.read", tenant.id)) return null;
  return { ...tenant, memberships: can(principal, "member.read", tenant.id) ? tenant.memberships : [] };
}
