import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantKind, TenantPlan, TenantStatus } from "@/lib/db/generated/enums";
import { can } from "@/lib/auth/permissions";
import type { Actor, Principal } from "@/lib/auth/principal";
import { pageWithin } from "@/lib/domain/bounds";
import { apiKeyStatusWhere } from "@/lib/domain/keys/queries";
import { TENANT_PAGE_SIZE, type TenantSort } from "./list-params";
import { listSalesOwners } from "./sales-owners";

/** A principal and who they are: the tenant list's "me". */
type Reader = Principal & Pick<Actor, "id">;

/** The tenants `principal` may read: every tenant for staff, their memberships' tenants for anyone else. */
function visibleTenants(principal: Principal): Prisma.TenantWhereInput {
  if (can(principal, "tenant.list_all", null)) return {};
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

/** At most this many tenants on the overview; staff find the rest in the tenant list. */
export const OVERVIEW_LIMIT = 200;

/**
 * The overview's table: the first visible tenants by name with member and active-key counts (the keys page's
 * "active": neither expiring nor expired nor revoked), and how many in all.
 */
export async function listTenantOverview(principal: Principal) {
  const where = visibleTenants(principal);
  const [tenants, total] = await Promise.all([
    db.tenant.findMany({
      where,
      orderBy: { name: "asc" },
      take: OVERVIEW_LIMIT,
      select: {
        id: true, slug: true, name: true, status: true, kind: true, plan: true, trialEndsAt: true,
        _count: { select: { memberships: true, apiKeys: { where: apiKeyStatusWhere("active", new Date()) } } },
      },
    }),
    db.tenant.count({ where }),
  ]);
  return { tenants, total };
}

/** One tenant, or null when it does not exist or the principal may not read it. Memoized per request. */
export const getTenantForReader = cache(async (principal: Principal, slug: string) => {
  // with whom to contact about the account: its sales owner (the frozen banner names them)
  const tenant = await db.tenant.findUnique({ where: { slug }, include: { salesOwner: { select: { id: true, name: true, githubLogin: true, email: true } } } });
  return tenant && can(principal, "tenant.read", tenant.id) ? tenant : null;
});

/** How the list sorts by each column; blanks (no trial end, no sales owner) last whichever way; id breaks ties stably. */
function orderBy(sort: TenantSort, dir: "asc" | "desc"): Prisma.TenantOrderByWithRelationInput[] {
  const first: Prisma.TenantOrderByWithRelationInput =
    sort === "salesOwner" ? { salesOwner: { name: { sort: dir, nulls: "last" } } }
    : sort === "trialEndsAt" ? { trialEndsAt: { sort: dir, nulls: "last" } }
    : { [sort]: dir };
  return [first, { id: "asc" }];
}

/** The filter's owner: "me" is the reader; anything but a sales owner's id is a problem the page says, never a query error. */
function ownerFilter(principal: Reader, owner: string | null, salesOwners: { id: string }[]) {
  if (!owner) return { ownerId: null, ownerProblem: null };
  const ownerId = owner === "me" ? principal.id : owner;
  if (ownerId && salesOwners.some((o) => o.id === ownerId)) return { ownerId, ownerProblem: null };
  return { ownerId: null, ownerProblem: `The link's sales owner (“${owner.slice(0, 60)}”) is no one on the sales or admin staff: showing every owner's tenants.` };
}

export type TenantListParams = {
  q: string;
  status: TenantStatus[];
  kind: TenantKind | null;
  plan: TenantPlan | null;
  owner: string | null;
  trialWithin: number | null;
  sort: TenantSort;
  dir: "asc" | "desc";
  page: number;
};

/**
 * The staff tenant list: filtered, searched, sorted and paginated in the database. Status counts apply every
 * filter but the status one, so they say what each status chip would show. Null for non-staff.
 */
export async function listTenants(principal: Reader, params: TenantListParams) {
  if (!can(principal, "tenant.list_all", null)) return null;
  const q = params.q.trim();
  const salesOwners = await listSalesOwners();
  const { ownerId, ownerProblem } = ownerFilter(principal, params.owner, salesOwners);
  const filters: Prisma.TenantWhereInput[] = [
    q ? { OR: [
      { name: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } },
      // Prisma's case-insensitive equals is an ILIKE: the id's own _ and % must match only themselves
      { erpCustomerId: { equals: escapeLike(q), mode: "insensitive" } }, { stripeCustomerId: { equals: q } },
    ] } : {},
    params.kind ? { kind: params.kind } : {},
    params.plan ? { plan: params.plan } : {},
    ownerId ? { salesOwnerId: ownerId } : {},
    // no lower bound on purpose: trials already past their end, not yet frozen by the job, are the most urgent
    params.trialWithin !== null
      ? { status: "trial", trialEndsAt: { lte: new Date(Date.now() + Math.max(0, params.trialWithin) * 86_400_000) } }
      : {},
  ];
  const where: Prisma.TenantWhereInput = { AND: [...filters, params.status.length ? { status: { in: params.status } } : {}] };
  const readPage = (page: number) => db.tenant.findMany({
    where,
    orderBy: orderBy(params.sort, params.dir),
    skip: (page - 1) * TENANT_PAGE_SIZE,
    take: TENANT_PAGE_SIZE,
    select: {
      id: true, slug: true, name: true, status: true, kind: true, plan: true, trialEndsAt: true, salesOwner: { select: { name: true, githubLogin: true, email: true } },
      erpCustomerId: true, stripeCustomerId: true, createdAt: true,
      _count: { select: { memberships: true, apiKeys: { where: apiKeyStatusWhere("active", new Date()) } } },
    },
  });
  const [{ rows, total, page, pageCount }, byStatus] = await Promise.all([
    pageWithin(Math.max(1, params.page), TENANT_PAGE_SIZE, readPage, db.tenant.count({ where })),
    db.tenant.groupBy({ by: ["status"], where: { AND: filters }, _count: { _all: true } }),
  ]);
  return {
    rows,
    total,
    page,
    pageCount,
    statusCounts: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<Record<TenantStatus, number>>,
    // the reader first, when they may own accounts
    salesOwners: [...salesOwners.filter((o) => o.id === principal.id), ...salesOwners.filter((o) => o.id !== principal.id)],
    ownerProblem,
  };
}
