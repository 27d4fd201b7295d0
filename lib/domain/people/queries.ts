// The staff page's list of everyone: searched, filtered and paged in the database by keyset on (display name, id),
// never OFFSET, each filter on an index of its own (migration people_and_tokens), so a page costs the same at a
// million people as at ten.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { MemberRole, StaffRole } from "@/lib/db/generated/enums";
import { escapeLike } from "@/lib/db/like";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import type { PeopleListParams } from "./list-params";

export const PEOPLE_PAGE_SIZE = 50;
/** How many of a person's tenants the list names (it counts them all). */
export const TENANTS_NAMED = 3;
/** Longer search text is cut to this: no name, login or e-mail is longer. */
const MAX_SEARCH_LENGTH = 254;

// The indexes' own expressions: the display name (lib/domain/members/queries.ts, displayName) folded for
// ordering, and the text a search looks in.
const SORT_KEY = Prisma.sql`lower(coalesce(u.name, u.github_login, u.email, ''))`;
const SEARCH_TEXT = Prisma.sql`lower(coalesce(u.name, '') || ' ' || coalesce(u.github_login, '') || ' ' || coalesce(u.email, ''))`;

/** A page's position: the people strictly after, or strictly before, (sort key, id). Opaque in the URL. */
interface PeopleCursor {
  direction: "after" | "before";
  key: string;
  id: string;
}

// PostgreSQL's text holds no NUL, so no sort key has one: a cursor carrying one was made up (and would fail the query)
const cursorSchema = z.tuple([z.enum(["a", "b"]), z.string().max(1_000).refine((key) => !key.includes("\0")), z.uuid()]);

export const encodePeopleCursor = ({ direction, key, id }: PeopleCursor) =>
  Buffer.from(JSON.stringify([direction === "after" ? "a" : "b", key, id])).toString("base64url");

/** The cursor in `token`, or null for none or anything malformed (which reads as the first page). */
export function decodePeopleCursor(token: string | null | undefined): PeopleCursor | null {
  if (!token || token.length > 2_000) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) return null;
  const [direction, key, id] = parsed.data;
  return { direction: direction === "a" ? "after" : "before", key, id };
}

export interface PersonListItem {
  id: string;
  /** the display name as ordered, which cursors carry */
  sortKey: string;
  name: string | null;
  githubLogin: string | null;
  email: string | null;
  avatarUrl: string | null;
  staffRole: StaffRole | null;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  tenantCount: number;
  /** the first few by name */
  tenants: { slug: string; name: string; role: MemberRole }[];
}

/** The conditions of the staff role and account filters (the search is applied apart: see pageIds). */
function filterSql({ staff, status }: Pick<PeopleListParams, "staff" | "status">): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (staff === "staff") conditions.push(Prisma.sql`u.staff_role IS NOT NULL`);
  else if (staff) conditions.push(Prisma.sql`u.staff_role = ${staff}::staff_role`);
  if (status === "disabled") conditions.push(Prisma.sql`u.disabled_at IS NOT NULL`);
  if (status === "enabled") conditions.push(Prisma.sql`u.disabled_at IS NULL`);
  return Prisma.join(conditions, " AND ");
}

/** Where a page starts, and the order it is read in. */
function positionSql(cursor: PeopleCursor | null) {
  if (!cursor) return { after: Prisma.sql`TRUE`, order: Prisma.sql`key, id` };
  return cursor.direction === "before"
    ? { after: Prisma.sql`(${SORT_KEY}, u.id) < (${cursor.key}, ${cursor.id}::uuid)`, order: Prisma.sql`key DESC, id DESC` }
    : { after: Prisma.sql`(${SORT_KEY}, u.id) > (${cursor.key}, ${cursor.id}::uuid)`, order: Prisma.sql`key, id` };
}

/**
 * How many people a search reads in order from the page's position before it asks the trigram index instead. A
 * text most people match (".com") is found within a few rows of reading in order; one few match, or one that
 * clusters in the order (a first name: every "zoe" sorts last), is found faster by taking every match from the
 * trigram index and sorting those.
 */
const SEARCH_READS_IN_ORDER = 5_000;

/** The ids and sort keys of a page and one more, in the order read. */
async function pageIds(params: PeopleListParams, cursor: PeopleCursor | null): Promise<{ id: string; key: string }[]> {
  const filters = filterSql(params);
  const { after, order } = positionSql(cursor);
  const limit = PEOPLE_PAGE_SIZE + 1;
  const search = params.q.trim().slice(0, MAX_SEARCH_LENGTH).toLowerCase();
  if (!search) {
    return db.$queryRaw`SELECT u.id, ${SORT_KEY} AS key FROM users u WHERE ${filters} AND ${after} ORDER BY ${order} LIMIT ${limit}`;
  }
  const pattern = `%${escapeLike(search)}%`;
  const inOrder = await db.$queryRaw<{ id: string; key: string }[]>`
    SELECT id, key FROM (
      SELECT u.id, ${SORT_KEY} AS key, ${SEARCH_TEXT} AS text FROM users u
      WHERE ${filters} AND ${after} ORDER BY ${order} LIMIT ${SEARCH_READS_IN_ORDER}
    ) read WHERE text LIKE ${pattern} ORDER BY ${order} LIMIT ${limit}`;
  if (inOrder.length === limit) return inOrder;
  // MATERIALIZED keeps the planner from reading in order again: the matches come from the trigram index
  return db.$queryRaw`
    WITH found AS MATERIALIZED (
      SELECT u.id, ${SORT_KEY} AS key FROM users u WHERE ${filters} AND ${after} AND ${SEARCH_TEXT} LIKE ${pattern}
    )
    SELECT id, key FROM found ORDER BY ${order} LIMIT ${limit}`;
}

/** The people `ids` name, with what the list shows of each, in the order of `ids`. */
async function peopleByIds(ids: string[]): Promise<PersonListItem[]> {
  const rows = await db.$queryRaw<PersonListItem[]>`
    SELECT u.id, ${SORT_KEY} AS "sortKey", u.name, u.github_login AS "githubLogin", u.email, u.avatar_url AS "avatarUrl",
           u.staff_role::text AS "staffRole", u.last_sign_in_at AS "lastSignInAt", u.disabled_at AS "disabledAt",
           (SELECT count(*)::int FROM memberships m WHERE m.user_id = u.id) AS "tenantCount",
           coalesce((
             SELECT json_agg(json_build_object('slug', f.slug, 'name', f.name, 'role', f.role) ORDER BY f.name, f.slug)
             FROM (
               SELECT t.slug, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
               WHERE m.user_id = u.id ORDER BY t.name, t.slug LIMIT ${TENANTS_NAMED}
             ) f
           ), '[]'::json) AS tenants
    FROM users u WHERE u.id = ANY(${ids}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

export interface PeoplePage {
  people: PersonListItem[];
  /** the page before this one (cursor null: the first page), or null when this is the first page */
  previous: { cursor: string | null } | null;
  /** the page after this one, or null when this is the last */
  next: { cursor: string } | null;
}

const cursorAt = (direction: PeopleCursor["direction"], row: PersonListItem) => encodePeopleCursor({ direction, key: row.sortKey, id: row.id });

/**
 * One page of everyone matching the search and filters, by display name, at `params.cursor` (none: the first).
 * Null when the principal may not read people.
 */
export async function listPeople(principal: Principal, params: PeopleListParams): Promise<PeoplePage | null> {
  if (!can(principal, "person.read", null)) return null;
  const cursor = decodePeopleCursor(params.cursor);
  const ids = await pageIds(params, cursor);
  if (cursor?.direction === "before") {
    // fewer than a page before the cursor: those are the first people, so show the first page
    if (ids.length <= PEOPLE_PAGE_SIZE) return listPeople(principal, { ...params, cursor: null });
    const page = await peopleByIds(ids.slice(0, PEOPLE_PAGE_SIZE).reverse().map((row) => row.id));
    return { people: page, previous: { cursor: cursorAt("before", page[0]) }, next: { cursor: cursorAt("after", page.at(-1)!) } };
  }
  const page = await peopleByIds(ids.slice(0, PEOPLE_PAGE_SIZE).map((row) => row.id));
  return {
    people: page,
    previous: cursor ? { cursor: page.length ? cursorAt("before", page[0]) : null } : null,
    next: ids.length > PEOPLE_PAGE_SIZE ? { cursor: cursorAt("after", page.at(-1)!) } : null,
  };
}
