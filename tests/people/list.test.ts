// The staff page's list of everyone, on real PostgreSQL: search, filters, each person's tenants, keyset pages.
// Every test searches for a token of its own, so other files' people never show.
import { afterAll, describe, expect, it } from "vitest";
import { decodePeopleCursor, encodePeopleCursor, listPeople, PEOPLE_PAGE_SIZE } from "../../lib/domain/people/queries";
import type { PeopleListParams } from "../../lib/domain/people/list-params";
import type { StaffRole } from "../../lib/db/generated/enums";
import { actorFor, tenantFor } from "../support/actors";
import { testPrisma, uniqueSlug } from "../support/database";

const db = testPrisma();
afterAll(() => db.$disconnect());

const params = (patch: Partial<PeopleListParams>): PeopleListParams => ({ q: "", staff: null, status: null, cursor: null, ...patch });

/** People whose names carry `token`, as the staff page lists them. */
async function listed(token: string, patch: Partial<PeopleListParams> = {}) {
  const reader = await actorFor(db, { staffRole: "support" });
  return (await listPeople(reader, params({ q: token, ...patch })))!;
}
const names = (page: { people: { name: string | null }[] }) => page.people.map((p) => p.name);

function person(name: string, extra: { githubLogin?: string; email?: string; staffRole?: StaffRole; disabledAt?: Date } = {}) {
  return db.user.create({ data: { name, githubLogin: extra.githubLogin ?? uniqueSlug("login"), email: extra.email, staffRole: extra.staffRole, disabledAt: extra.disabledAt } });
}

describe("listPeople", () => {
  it("finds people by part of their name, GitHub login or e-mail, in any case, ordered by name", async () => {
    const token = uniqueSlug("find");
    await person(`Zoe ${token}`);
    await person("Adam", { githubLogin: `adam-${token}` });
    await person("Maria", { email: `maria@${token}.example` });
    await person("Nobody else");

    expect(names(await listed(token))).toEqual(["Adam", "Maria", `Zoe ${token}`]);
    expect(names(await listed(token.toUpperCase()))).toEqual(["Adam", "Maria", `Zoe ${token}`]);
    expect(names(await listed(`  ${token}.EXAMPLE `))).toEqual(["Maria"]);
  });

  it("reads `_`, `%` and `\\` in the search as themselves", async () => {
    const token = uniqueSlug("esc");
    for (const tail of ["_b", "xb", "%c", "xc", "\\d", "xd"]) await person(`${token}${tail}`);

    for (const tail of ["_b", "%c", "\\d"]) expect(names(await listed(`${token}${tail}`))).toEqual([`${token}${tail}`]);
  });

  it("filters by staff role and by disabled or not", async () => {
    const token = uniqueSlug("filter");
    await person(`A ${token}`, { staffRole: "admin" });
    await person(`B ${token}`, { staffRole: "sales", disabledAt: new Date() });
    await person(`C ${token}`);
    await person(`D ${token}`, { disabledAt: new Date() });

    expect(names(await listed(token, { staff: "staff" }))).toEqual([`A ${token}`, `B ${token}`]);
    expect(names(await listed(token, { staff: "sales" }))).toEqual([`B ${token}`]);
    expect(names(await listed(token, { status: "disabled" }))).toEqual([`B ${token}`, `D ${token}`]);
    expect(names(await listed(token, { status: "enabled" }))).toEqual([`A ${token}`, `C ${token}`]);
    expect(names(await listed(token, { staff: "support" }))).toEqual([]);
    const [a, b] = (await listed(token)).people;
    expect(a).toMatchObject({ staffRole: "admin", disabledAt: null });
    expect(b.disabledAt).toBeInstanceOf(Date);
  });

  it("says how many tenants each person is in and names the first three by name, with their role and last sign-in", async () => {
    const token = uniqueSlug("tenants");
    const tenants = await Promise.all(["Delta", "Alpha", "Charlie", "Bravo"].map((name) => tenantFor(db, { name: `${name} ${token}` })));
    const member = await person(`Member ${token}`);
    const signedInAt = new Date("2026-11-30T12:00:00Z");
    await db.user.update({ where: { id: member.id }, data: { lastSignInAt: signedInAt } });
    for (const [index, tenant] of tenants.entries()) {
      await db.membership.create({ data: { tenantId: tenant.id, userId: member.id, role: index === 1 ? "owner" : "viewer" } });
    }
    await person(`Other ${token}`);

    const [listedMember, other] = (await listed(token)).people;
    expect(listedMember).toMatchObject({ id: member.id, tenantCount: 4, lastSignInAt: signedInAt });
    expect(listedMember.tenants).toEqual([
      { slug: tenants[1].slug, name: `Alpha ${token}`, role: "owner" },
      { slug: tenants[3].slug, name: `Bravo ${token}`, role: "viewer" },
      { slug: tenants[2].slug, name: `Charlie ${token}`, role: "viewer" },
    ]);
    expect(other).toMatchObject({ tenantCount: 0, tenants: [], lastSignInAt: null });
  });

  it("pages by keyset, 50 at a time, forward and back, each person once", async () => {
    const token = uniqueSlug("page");
    await db.user.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ name: `${token} ${String(i).padStart(3, "0")}`, githubLogin: `${token}-${i}` })) });
    const all = Array.from({ length: 120 }, (_, i) => `${token} ${String(i).padStart(3, "0")}`);

    const first = await listed(token);
    const second = await listed(token, { cursor: first.next!.cursor });
    const third = await listed(token, { cursor: second.next!.cursor });
    expect([names(first), names(second), names(third)]).toEqual([all.slice(0, 50), all.slice(50, 100), all.slice(100)]);
    expect([first.previous, third.next]).toEqual([null, null]);

    expect(names(await listed(token, { cursor: third.previous!.cursor! }))).toEqual(all.slice(50, 100));
    // back from the second page is the first page, as a link without a cursor shows it
    expect(await listed(token, { cursor: second.previous!.cursor! })).toEqual(first);
    expect(PEOPLE_PAGE_SIZE).toBe(50);
  });

  it("pages a search the same whichever way round it is read: in order, or from the trigram index", async () => {
    // few people are disabled, so the first page of these 60 is found by reading in order and the second, after
    // the 50 read, from the index (fewer than a page in the rows read next)
    const token = uniqueSlug("ways");
    const all = Array.from({ length: 60 }, (_, i) => `${token} ${String(i).padStart(2, "0")}`);
    await db.user.createMany({ data: all.map((name) => ({ name, disabledAt: new Date() })) });

    const first = await listed(token, { status: "disabled" });
    const second = await listed(token, { status: "disabled", cursor: first.next!.cursor });

    expect([names(first), names(second), second.next]).toEqual([all.slice(0, 50), all.slice(50), null]);
    expect(names(await listed(token))).toEqual(all.slice(0, 50));
  });

  it("reads a malformed or forged cursor as the first page", async () => {
    const token = uniqueSlug("cursor");
    await person(`Only ${token}`);
    const first = await listed(token);
    const forged = ["nonsense", Buffer.from("[1,2,3]").toString("base64url"), Buffer.from(JSON.stringify(["a", "x", "not-a-uuid"])).toString("base64url"), "%%%", "a".repeat(5_000),
      // a sort key with NUL, which no stored name holds and PostgreSQL's text refuses
      Buffer.from(JSON.stringify(["a", "\0", "00000000-0000-4000-8000-000000000000"])).toString("base64url")];
    for (const cursor of forged) {
      expect(decodePeopleCursor(cursor)).toBeNull();
      expect(await listed(token, { cursor })).toEqual(first);
    }
    const id = crypto.randomUUID();
    expect(decodePeopleCursor(encodePeopleCursor({ direction: "before", key: "zoe", id }))).toEqual({ direction: "before", key: "zoe", id });
  });

  it("is for admin and support staff only", async () => {
    const tenant = await tenantFor(db);
    for (const staffRole of ["admin", "support"] as const) expect(await listPeople(await actorFor(db, { staffRole }), params({}))).not.toBeNull();
    for (const actor of [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { roles: { [tenant.id]: "owner" } })]) {
      expect(await listPeople(actor, params({}))).toBeNull();
    }
  });
});
