import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { escapeLike } from "@/lib/db/like";
import { pageWithin } from "@/lib/domain/bounds";
import { KEY_PRODUCT_PREFIX, visiblePrefix } from "./format";

// the statuses live with the list's URL parameters, which client code reads too
import { API_KEY_STATUSES, type ApiKeyStatus } from "./list-params";
export { API_KEY_STATUSES, type ApiKeyStatus };

/** A key that stops working within this long is "expiring", a rolled key in its grace period included. */
export const EXPIRING_WITHIN_MS = 7 * 24 * 3_600_000;

/** The days of usage the list sums: today (UTC) and the 13 before it. */
export const REQUEST_WINDOW_DAYS = 14;

/** Keys on one page of the list. */
export const KEY_PAGE_SIZE = 50;

/**
 * Where a key stands at `now`. `statusSql` (the keys list) and `apiKeyStatusWhere` (the counts on the overview and
 * the staff tenant list) are the same rule for the database; the three must agree.
 */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime() + EXPIRING_WITHIN_MS) return "expiring";
  return "active";
}

function statusSql(status: ApiKeyStatus, now: Date): Prisma.Sql {
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_MS);
  switch (status) {
    case "revoked": return Prisma.sql`k.revoked_at IS NOT NULL`;
    case "expired": return Prisma.sql`k.revoked_at IS NULL AND k.expires_at <= ${now}::timestamptz`;
    case "expiring": return Prisma.sql`k.revoked_at IS NULL AND k.expires_at > ${now}::timestamptz AND k.expires_at <= ${soon}::timestamptz`;
    case "active": return Prisma.sql`k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ${soon}::timestamptz)`;
  }
}

/** The keys with `status` at `now`, as a Prisma filter for counting them beside a tenant. */
export function apiKeyStatusWhere(status: ApiKeyStatus, now: Date): Prisma.ApiKeyWhereInput {
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_MS);
  switch (status) {
    case "revoked": return { revokedAt: { not: null } };
    case "expired": return { revokedAt: null, expiresAt: { lte: now } };
    case "expiring": return { revokedAt: null, expiresAt: { gt: now, lte: soon } };
    case "active": return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: soon } }] };
  }
}

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  projectName: string | null;
  product: string | null;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rolledToId: string | null;
  rolledToName: string | null;
  rolledToPrefix: string | null;
  requests: bigint;
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>["keys"][number];

export interface ApiKeyListParams {
  status?: ApiKeyStatus;
  /** part of the name, or the start of the key as shown (`gth_<lookup>…`) or pasted whole */
  q?: string;
  page?: number;
  now?: Date;
}

/** Keys whose name contains `q`, or whose lookup id starts as the `gth_…` text in `q` does. */
function searchSql(q: string): Prisma.Sql {
  const lookup = q.startsWith(KEY_PRODUCT_PREFIX) ? q.slice(KEY_PRODUCT_PREFIX.length).split(/[_…]/)[0] : q;
  return Prisma.sql`(k.name ILIKE ${`%${escapeLike(q)}%`} OR (${lookup} <> '' AND k.prefix LIKE ${`${escapeLike(lookup)}%`}))`;
}

/**
 * One page of a tenant's keys (never their hashes), those still in force first, then the newest; with each key's
 * status, its successor when rolled, and its requests over the last 14 days from the daily rollup; and how many
 * keys match in all. Nothing when the principal may not read the tenant's keys.
 */
export async function listApiKeys(principal: Principal, tenantId: string, { status, q = "", page: asked = 1, now = new Date() }: ApiKeyListParams = {}) {
  if (!can(principal, "api_key.read", tenantId)) return { keys: [], total: 0, page: 1, pageCount: 1 };
  const search = q.trim();
  const where = Prisma.sql`k.tenant_id = ${tenantId}::uuid AND ${status ? statusSql(status, now) : Prisma.sql`true`}
    AND ${search ? searchSql(search) : Prisma.sql`true`}`;
  const readPage = (page: number) => db.$queryRaw<KeyRow[]>`
      SELECT k.id, k.name, k.prefix, k.scopes, p.name AS "projectName", k.product,
             coalesce(u.name, u.github_login, u.email) AS "createdBy",
             k.created_at AS "createdAt", k.last_used_at AS "lastUsedAt", k.expires_at AS "expiresAt", k.revoked_at AS "revokedAt",
             s.id AS "rolledToId", s.name AS "rolledToName", s.prefix AS "rolledToPrefix",
             coalesce(r.requests, 0)::bigint AS requests
      FROM api_keys k
      LEFT JOIN tenant_projects p ON p.id = k.project_id
      LEFT JOIN users u ON u.id = k.created_by_id
      LEFT JOIN api_keys s ON s.id = k.rolled_to_id
      LEFT JOIN (
        SELECT d.api_key_id, sum(d.requests) AS requests
        FROM usage_daily d
        WHERE d.tenant_id = ${tenantId}::uuid
          AND d.day >= (${now}::timestamptz AT TIME ZONE 'UTC')::date - ${REQUEST_WINDOW_DAYS - 1}::int
        GROUP BY d.api_key_id
      ) r ON r.api_key_id = k.id
      WHERE ${where}
      ORDER BY (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ${now}::timestamptz)) DESC, k.created_at DESC, k.id
      LIMIT ${KEY_PAGE_SIZE} OFFSET ${(page - 1) * KEY_PAGE_SIZE}`;
  const counted = db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM api_keys k WHERE ${where}`.then(([{ total }]) => Number(total));
  const { rows, total, page, pageCount } = await pageWithin(Math.max(1, asked), KEY_PAGE_SIZE, readPage, counted);
  const keys = rows.map(({ rolledToId, rolledToName, rolledToPrefix, requests, ...key }) => ({
    ...key,
    visiblePrefix: visiblePrefix(key.prefix),
    status: apiKeyStatus(key, now),
    rolledTo: rolledToId ? { id: rolledToId, name: rolledToName!, visiblePrefix: visiblePrefix(rolledToPrefix!) } : null,
    requests14d: Number(requests),
  }));
  return { keys, total, page, pageCount };
}
