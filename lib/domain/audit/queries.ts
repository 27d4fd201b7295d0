// Reading the audit log: a tenant's events (its members, staff), or every event (staff). Every read goes through
// `auditWhere`, the one place that scopes by tenant and applies the filters; pages are keyset-paginated on
// (created_at, id), never OFFSET, so a page deep in a million events costs what the first one does.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { escapeLike } from "@/lib/db/like";
import type { ActorType } from "@/lib/db/generated/enums";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { decodeCursor, encodeCursor, type AuditCursor } from "./cursor";
import { PLATFORM_TENANT_FILTER, type AuditOutcome } from "./params";
import { readerColumns, type ReaderColumns } from "./reader-view";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

/** Whose events: one tenant's, the platform's own (no tenant), or all of them. */
export type AuditScope = { kind: "tenant"; tenantId: string } | { kind: "platform" } | { kind: "all" };

export interface AuditFilters {
  actor?: string | null;
  action?: string | null;
  target?: string | null;
  outcome?: AuditOutcome | null;
  from?: Date | null;
  to?: Date | null;
  q?: string | null;
}

/** A scope the principal may read, with what names it in a file name and a heading. */
export interface ResolvedScope {
  scope: AuditScope;
  /** the tenant's slug, "platform" or "all-tenants" */
  label: string;
  tenant: { id: string; slug: string; name: string } | null;
}

/**
 * The scope of a tenant's audit page (`slug`), or of the staff page with its tenant filter (a slug,
 * "platform", or none for all). Null when there is no such tenant or the principal may not read the scope.
 */
export async function resolveAuditScope(principal: Principal, { slug, tenantFilter }: { slug?: string | null; tenantFilter?: string | null }): Promise<ResolvedScope | null> {
  if (!slug) {
    if (!can(principal, "audit.read_platform", null)) return null;
    if (!tenantFilter) return { scope: { kind: "all" }, label: "all-tenants", tenant: null };
    if (tenantFilter === PLATFORM_TENANT_FILTER) return { scope: { kind: "platform" }, label: "platform", tenant: null };
  }
  const tenant = await db.tenant.findUnique({ where: { slug: (slug || tenantFilter)! }, select: { id: true, slug: true, name: true } });
  if (!tenant || !can(principal, "audit.read", tenant.id)) return null;
  return { scope: { kind: "tenant", tenantId: tenant.id }, label: tenant.slug, tenant };
}

/** The condition that keeps `scope`, or null when the principal may not read it. */
function scopeCondition(principal: Principal, scope: AuditScope): Prisma.Sql | null {
  switch (scope.kind) {
    case "tenant":
      return can(principal, "audit.read", scope.tenantId) ? Prisma.sql`a.tenant_id = ${scope.tenantId}::uuid` : null;
    case "platform":
      return can(principal, "audit.read_platform", null) ? Prisma.sql`a.tenant_id IS NULL AND a.chain = 'platform'` : null;
    case "all":
      return can(principal, "audit.read_platform", null) ? Prisma.sql`TRUE` : null;
  }
}

/** An action filter: `api_key.*` or `api_key` is an area (every action under it), anything else exact. */
function actionCondition(action: string): Prisma.Sql {
  const area = action.endsWith(".*") ? action.slice(0, -2) : action.includes(".") ? null : action;
  if (area === null) return Prisma.sql`a.action = ${action}`;
  // the usual area, one word, is served by the index on (tenant_id, split_part(action, '.', 1), …)
  if (!area.includes(".")) return Prisma.sql`split_part(a.action, '.', 1) = ${area}`;
  return Prisma.sql`a.action LIKE ${`${escapeLike(area)}.%`}`;
}

/**
 * The actor filter matches an actor id when the scope has events by that id, else an actor name (a service
 * or the system has a name and maybe no id). Deciding first keeps each page on one index.
 */
async function actorCondition(scope: Prisma.Sql, actor: string): Promise<Prisma.Sql> {
  const byId = await db.$queryRaw<unknown[]>`SELECT 1 FROM audit_log a WHERE ${scope} AND a.actor_id = ${actor} LIMIT 1`;
  return byId.length ? Prisma.sql`a.actor_id = ${actor}` : Prisma.sql`a.actor_name = ${actor}`;
}

/**
 * The WHERE conditions of `scope` and `filters` for `principal`, or null when the principal may not read the
 * scope. Pages, the export and the benchmark all read through this.
 */
export async function auditWhere(principal: Principal, scope: AuditScope, filters: AuditFilters): Promise<Prisma.Sql | null> {
  const scoped = scopeCondition(principal, scope);
  if (!scoped) return null;
  const conditions = [scoped];
  const text = (value: string | null | undefined) => value?.trim() || null;
  const actor = text(filters.actor);
  if (actor) conditions.push(await actorCondition(scoped, actor));
  const action = text(filters.action);
  if (action) conditions.push(actionCondition(action));
  const target = text(filters.target);
  if (target) conditions.push(Prisma.sql`a.target_type = ${target}`);
  if (filters.outcome) conditions.push(filters.outcome === "failure" ? Prisma.sql`a.is_failure` : Prisma.sql`NOT a.is_failure`);
  if (filters.from) conditions.push(Prisma.sql`a.created_at >= ${filters.from.toISOString()}::timestamptz`);
  // `to` is a whole day: up to the start of the next, as a Date (the ISO text of the day after 9999-12-31,
  // +010000-01-01…, is one PostgreSQL cannot read)
  if (filters.to) conditions.push(Prisma.sql`a.created_at < ${new Date(filters.to.getTime() + DAY_MS)}::timestamptz`);
  const q = text(filters.q);
  if (q) conditions.push(Prisma.sql`a.target_name ILIKE ${`%${escapeLike(q)}%`}`);
  return Prisma.join(conditions, " AND ");
}

/** created_at exactly as stored (microseconds, UTC): what cursors and the detail view carry. */
export const STORED_AT = Prisma.sql`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The condition that starts a page after `cursor`, in its direction. */
export function keysetCondition(cursor: AuditCursor): Prisma.Sql {
  return cursor.direction === "older"
    ? Prisma.sql`(a.created_at, a.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)`
    : Prisma.sql`(a.created_at, a.id) > (${cursor.at}::timestamptz, ${cursor.id}::bigint)`;
}

/** One row of the list. */
export interface AuditListEvent {
  id: string;
  at: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorType: ActorType;
  action: string;
  targetId: string | null;
  targetType: string | null;
  targetName: string | null;
  sourceIp: string | null;
  /** the source IP (and, in the details, the user agent) is withheld from this reader: the actor was staff */
  networkWithheld: boolean;
  isFailure: boolean;
  /** null for a tenant's reader where it is staff's internal note (`internalNote`) */
  description: string | null;
  /** the description (and metadata.reason) is staff's internal note: shown to staff only */
  internalNote: boolean;
  tenantSlug: string | null;
  tenantName: string | null;
}

const listColumns = (reader: ReaderColumns) => Prisma.sql`
  a.id::text AS "id", ${STORED_AT} AS "at", a.created_at AS "createdAt", a.actor_id AS "actorId", a.actor_name AS "actorName",
  a.actor_type::text AS "actorType", a.action, a.target_id AS "targetId", a.target_type AS "targetType",
  a.target_name AS "targetName", ${reader.sourceIp} AS "sourceIp", ${reader.networkWithheld} AS "networkWithheld",
  a.is_failure AS "isFailure", ${reader.description} AS "description", ${reader.internalNote} AS "internalNote",
  t.slug AS "tenantSlug", t.name AS "tenantName"`;

function selectPage(principal: Principal, where: Prisma.Sql, cursor: AuditCursor | null, limit: number) {
  const order = cursor?.direction === "newer" ? Prisma.sql`a.created_at ASC, a.id ASC` : Prisma.sql`a.created_at DESC, a.id DESC`;
  return db.$queryRaw<AuditListEvent[]>`
    SELECT ${listColumns(readerColumns(principal))}
    FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
    WHERE ${where} AND ${cursor ? keysetCondition(cursor) : Prisma.sql`TRUE`}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

const cursorAt = (direction: AuditCursor["direction"], event: AuditListEvent) => encodeCursor({ direction, at: event.at, id: event.id });

export interface AuditPage {
  /** newest first */
  events: AuditListEvent[];
  /** the page before this one (cursor null: the first page), or null when this is the first page */
  newer: { cursor: string | null } | null;
  /** the page after this one, or null when there is nothing older */
  older: { cursor: string } | null;
  /** how many events match the filters, counted up to a cap: `more` when there are more than `count` */
  matching: { count: number; more: boolean };
}

/** Counting stops here: the count reads at most this many rows plus one, so a page costs as little past it. */
export const AUDIT_COUNT_CAP = 1_000;

/**
 * One page of `scope`'s events matching `filters`, newest first, at `cursorToken` (none: the newest), with
 * their count up to `countCap`. Stable while events arrive: a page is defined by its position, so new events
 * only ever add to the first page. Null when the principal may not read the scope.
 */
export async function listAuditEvents(
  principal: Principal, scope: AuditScope, filters: AuditFilters, cursorToken?: string | null, countCap = AUDIT_COUNT_CAP,
): Promise<AuditPage | null> {
  const where = await auditWhere(principal, scope, filters);
  if (!where) return null;
  const [page, matching] = await Promise.all([pageAt(principal, where, decodeCursor(cursorToken)), countUpTo(where, countCap)]);
  return { ...page, matching };
}

async function pageAt(principal: Principal, where: Prisma.Sql, cursor: AuditCursor | null): Promise<Omit<AuditPage, "matching">> {
  if (cursor?.direction === "newer") {
    const rows = await selectPage(principal, where, cursor, AUDIT_PAGE_SIZE + 1);
    // fewer than a page newer than the cursor: those are the newest, so show the first page
    if (rows.length > AUDIT_PAGE_SIZE) {
      const events = rows.slice(0, AUDIT_PAGE_SIZE).reverse();
      return { events, newer: { cursor: cursorAt("newer", events[0]) }, older: { cursor: cursorAt("older", events.at(-1)!) } };
    }
    return pageAt(principal, where, null);
  }
  const rows = await selectPage(principal, where, cursor, AUDIT_PAGE_SIZE + 1);
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events,
    newer: cursor ? { cursor: events.length ? cursorAt("newer", events[0]) : null } : null,
    older: rows.length > AUDIT_PAGE_SIZE ? { cursor: cursorAt("older", events.at(-1)!) } : null,
  };
}

async function countUpTo(where: Prisma.Sql, cap: number): Promise<AuditPage["matching"]> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (SELECT 1 FROM audit_log a WHERE ${where} LIMIT ${cap + 1}) matching`;
  return count > cap ? { count: cap, more: true } : { count, more: false };
}

/** The tenant's latest events for its overview, newest first, as its audit page shows them; null when not allowed. */
export async function listRecentAuditEvents(principal: Principal, tenantId: string, take = 10): Promise<AuditListEvent[] | null> {
  const where = scopeCondition(principal, { kind: "tenant", tenantId });
  return where && selectPage(principal, where, null, take);
}

/** Everything about one event, for its detail view. */
export interface AuditEventDetail extends AuditListEvent {
  tenantId: string | null;
  projectId: string | null;
  product: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown>;
  chain: string;
  seq: string;
  hash: string;
  prevHash: string | null;
}

/** The event `id` when it is in `scope` and the principal may read that scope, else null. */
export async function getAuditEvent(principal: Principal, scope: AuditScope, id: string | null | undefined): Promise<AuditEventDetail | null> {
  if (!id || !/^\d{1,19}$/.test(id)) return null;
  const where = scopeCondition(principal, scope);
  if (!where) return null;
  const reader = readerColumns(principal);
  const rows = await db.$queryRaw<AuditEventDetail[]>`
    SELECT ${listColumns(reader)}, a.tenant_id::text AS "tenantId", a.project_id::text AS "projectId", a.product,
      ${reader.userAgent} AS "userAgent", ${reader.metadata} AS "metadata", a.chain, a.seq::text AS "seq", encode(a.hash, 'hex') AS "hash",
      encode(a.prev_hash, 'hex') AS "prevHash"
    FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
    WHERE ${where} AND a.id = ${id}::bigint`;
  return rows[0] ?? null;
}

/**
 * Suggestions for the filters: the actions, areas, target types and actors of the scope's latest events
 * (a bounded read: a scan of the whole log for DISTINCT would grow with it). Empty when not allowed.
 */
export async function auditFilterSuggestions(principal: Principal, scope: AuditScope) {
  const where = scopeCondition(principal, scope);
  if (!where) return { actions: [], targetTypes: [], actors: [] };
  const rows = await db.$queryRaw<{ action: string; targetType: string | null; actorName: string | null }[]>`
    SELECT DISTINCT action, target_type AS "targetType", actor_name AS "actorName" FROM (
      SELECT a.action, a.target_type, a.actor_name FROM audit_log a WHERE ${where}
      ORDER BY a.created_at DESC, a.id DESC LIMIT 2000) recent`;
  const sorted = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  const actions = sorted(rows.map((r) => r.action));
  return {
    actions: [...sorted(actions.map((a) => `${a.split(".")[0]}.*`)), ...actions],
    targetTypes: sorted(rows.map((r) => r.targetType)),
    actors: sorted(rows.map((r) => r.actorName)),
  };
}

/** The tenants for the staff page's tenant filter (by name), or [] for anyone else. */
export function listAuditTenants(principal: Principal) {
  if (!can(principal, "audit.read_platform", null)) return Promise.resolve([]);
  return db.tenant.findMany({ orderBy: { name: "asc" }, take: 500, select: { slug: true, name: true } });
}
