// The platform (staff): usage per tenant across every tenant, for the staff overview and the trials card.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TenantPlan, TenantStatus } from "@/lib/db/generated/enums";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { money, rollupRows, usageWindow } from "./rollup-reads";

export interface TenantUsageRow {
  tenantId: string;
  slug: string;
  name: string;
  status: TenantStatus;
  plan: TenantPlan;
  trialEndsAt: Date | null;
  spendUsd: string;
  requests: number;
  errors: number;
}

const STAFF_PAGE_SIZE = 50;

async function usageByTenant(
  { from, to, statuses, plan, order, limit, offset, withUsageOnly }:
  { from: Date; to: Date; statuses?: TenantStatus[]; plan?: TenantPlan; order: "spend" | "requests"; limit: number; offset: number; withUsageOnly: boolean },
) {
  const window = usageWindow(from, to);
  const source = rollupRows({ ...window, unit: "day", tenantId: null, columns: Prisma.sql`tenant_id, requests, errors, cost_usd` });
  const filters = [
    statuses?.length ? Prisma.sql`t.status = ANY(${statuses}::tenant_status[])` : Prisma.sql`true`,
    plan ? Prisma.sql`t.plan = ${plan}::tenant_plan` : Prisma.sql`true`,
    withUsageOnly ? Prisma.sql`u.requests > 0` : Prisma.sql`true`,
  ];
  const orderBy = order === "spend"
    ? Prisma.sql`coalesce(m.spend, 0) DESC, coalesce(m.requests, 0) DESC, m.name, m.id`
    : Prisma.sql`coalesce(m.requests, 0) DESC, coalesce(m.spend, 0) DESC, m.name, m.id`;
  // The totals row is always there, with the page beside it (none past the end): a page past the last shows the
  // last page (`page_offset`), counted over every matching tenant.
  const rows = await db.$queryRaw<({ total: number; total_spend: string; total_requests: number; page_offset: number } & (
    | (Omit<TenantUsageRow, "status" | "plan"> & { status: TenantStatus; plan: TenantPlan })
    | { tenantId: null }
  ))[]>`
    WITH u AS (
       SELECT tenant_id, sum(requests) AS requests, sum(errors) AS errors, sum(cost_usd) AS spend FROM (${source}) r GROUP BY tenant_id
     ), matching AS (
       SELECT t.id, t.slug, t.name, t.status, t.plan, t.trial_ends_at, u.spend, u.requests, u.errors
       FROM tenants t LEFT JOIN u ON u.tenant_id = t.id
       WHERE ${Prisma.join(filters, " AND ")}
     ), totals AS (
       SELECT count(*)::int AS total, coalesce(sum(spend), 0)::text AS total_spend, coalesce(sum(requests), 0)::float8 AS total_requests,
              least(${offset}::int, greatest(count(*)::int - 1, 0) / ${limit}::int * ${limit}::int) AS page_offset
       FROM matching
     ), page AS (
       SELECT row_number() OVER (ORDER BY ${orderBy}) AS ord, m.id::text AS "tenantId", m.slug, m.name, m.status::text AS status, m.plan::text AS plan, m.trial_ends_at AS "trialEndsAt",
         coalesce(m.spend, 0)::text AS "spendUsd", coalesce(m.requests, 0)::float8 AS requests, coalesce(m.errors, 0)::float8 AS errors
       FROM matching m
       ORDER BY ord
       LIMIT ${limit}::int OFFSET (SELECT page_offset FROM totals)
     )
     SELECT totals.*, page.* FROM totals LEFT JOIN page ON true ORDER BY page.ord`;
  const [totals] = rows;
  return {
    window,
    rows: rows.flatMap((r): TenantUsageRow[] => r.tenantId === null ? [] : [{
      tenantId: r.tenantId, slug: r.slug, name: r.name, status: r.status, plan: r.plan, trialEndsAt: r.trialEndsAt,
      spendUsd: money(r.spendUsd), requests: r.requests, errors: r.errors,
    }]),
    total: totals.total,
    offset: totals.page_offset,
    totalSpendUsd: money(totals.total_spend),
    totalRequests: totals.total_requests,
  };
}

const isStaffReader = (principal: Principal) => can(principal, "usage.read_platform", null);

/**
 * Spend and requests per tenant across the platform over [from, to), most spend first, with the tenant's name,
 * slug, status and plan; filtered by status and plan; 50 a page. Totals are over every matching tenant.
 * Null for anyone but staff.
 */
export async function staffUsageOverview(
  principal: Principal,
  { from, to, status, plan, page = 1 }: { from: Date; to: Date; status?: TenantStatus | TenantStatus[]; plan?: TenantPlan; page?: number },
) {
  if (!isStaffReader(principal)) return null;
  const current = Math.max(1, Math.floor(page));
  const result = await usageByTenant({
    from, to, plan, statuses: status === undefined ? undefined : [status].flat(), order: "spend",
    limit: STAFF_PAGE_SIZE, offset: (current - 1) * STAFF_PAGE_SIZE, withUsageOnly: false,
  });
  return {
    from: result.window.from,
    to: result.window.to,
    rows: result.rows,
    total: result.total,
    page: result.offset / STAFF_PAGE_SIZE + 1,
    pageCount: Math.max(1, Math.ceil(result.total / STAFF_PAGE_SIZE)),
    totalSpendUsd: result.totalSpendUsd,
    totalRequests: result.totalRequests,
  };
}

/** Tenants on trial with the most requests over [from, to) (ties: more spend first); only those with usage. Staff only. */
export async function trialsWithMostUsage(principal: Principal, { from, to, limit = 10 }: { from: Date; to: Date; limit?: number }) {
  if (!isStaffReader(principal)) return null;
  const { rows } = await usageByTenant({
    from, to, statuses: ["trial"], order: "requests", limit: Math.min(Math.max(1, Math.floor(limit)), 100), offset: 0, withUsageOnly: true,
  });
  return rows;
}
