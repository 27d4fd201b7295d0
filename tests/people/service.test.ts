// Platform admins manage people: staff roles, disabling and enabling, through the mutation pipeline, on real
// PostgreSQL. The last-admin rule needs a platform of its own: tests/people/last-admin.test.ts.
import "../auth/auth-env";
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { changeStaffRole, disablePerson, enablePerson } from "../../lib/domain/people/service";
import { actorOfSession } from "../../lib/auth/actor";
import { sessionTokenHash } from "../../lib/auth/adapter";
import type { Actor } from "../../lib/auth/principal";
import { actorFor, tenantFor } from "../support/actors";
import { testPrisma } from "../support/database";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

const ORIGIN = { sourceIp: "203.0.113.9", userAgent: "vitest" };
const eventsAbout = (userId: string) => auditOf(db, { targetId: userId });

/** A session of `person` as the browser holds it (the raw cookie token) and as the database does. */
async function openSession(person: Actor) {
  const token = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken: sessionTokenHash(token), userId: person.id!, expires: new Date(Date.now() + 3_600_000) } });
  return token;
}

describe("changeStaffRole", () => {
  it("gives, changes and takes away a staff role, each audited as a platform event with before and after", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const person = await actorFor(db);

    for (const [staffRole, stored] of [["sales", "sales"], ["support", "support"], ["none", null]] as const) {
      expect(await changeStaffRole(admin, { userId: person.id, staffRole })).toEqual({ ok: true, data: { userId: person.id, staffRole: stored } });
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id! } })).staffRole).toBe(stored);
    }
    const events = await eventsAbout(person.id!);
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["user.staff_role_changed", { before: { staffRole: null }, after: { staffRole: "sales" } }],
      ["user.staff_role_changed", { before: { staffRole: "sales" }, after: { staffRole: "support" } }],
      ["user.staff_role_changed", { before: { staffRole: "support" }, after: { staffRole: null } }],
    ]);
    expect(events[0]).toMatchObject({ tenantId: null, actorId: admin.id, targetType: "user", targetName: person.name, isFailure: false, sourceIp: admin.sourceIp });
  });

  it("refuses the role a person already has, an unknown person and a made-up role, changing nothing", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const person = await actorFor(db, { staffRole: "sales" });

    expect(await changeStaffRole(admin, { userId: person.id, staffRole: "sales" })).toEqual({ ok: false, kind: "conflict", message: `${person.name} is already sales staff.` });
    expect(await changeStaffRole(admin, { userId: (await actorFor(db)).id, staffRole: "none" })).toMatchObject({ ok: false, kind: "conflict", message: expect.stringContaining("has no staff role") });
    expect(await changeStaffRole(admin, { userId: crypto.randomUUID(), staffRole: "admin" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await changeStaffRole(admin, { userId: person.id, staffRole: "owner" })).toMatchObject({
      ok: false, kind: "validation", fieldErrors: { staffRole: ["Choose admin, sales, support or no staff role."] },
    });
    expect(await changeStaffRole(admin, { userId: "not-a-uuid", staffRole: "admin" })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { userId: ["That is not a person's id."] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id! } })).staffRole).toBe("sales");
    expect(await eventsAbout(person.id!)).toEqual([]);
  });

  it("is for admins only: sales, support and a tenant's owner are refused, and the attempt is recorded", async () => {
    const tenant = await tenantFor(db);
    const person = await actorFor(db);
    for (const actor of [await actorFor(db, { staffRole: "sales" }), await actorFor(db, { staffRole: "support" }), await actorFor(db, { roles: { [tenant.id]: "owner" } })]) {
      expect(await changeStaffRole(actor, { userId: person.id, staffRole: "admin" })).toMatchObject({ ok: false, kind: "forbidden" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id! } })).staffRole).toBeNull();
    const refusals = await eventsAbout(person.id!);
    expect(refusals).toHaveLength(3);
    expect(refusals.every((e) => e.isFailure && e.action === "user.staff_role_changed" && e.tenantId === null)).toBe(true);
  });
});

describe("disablePerson", () => {
  it("ends every session of the person in the same transaction, audited, and leaves everyone else's", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const tenant = await tenantFor(db);
    const person = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const bystander = await actorFor(db);
    await Promise.all([openSession(person), openSession(person), openSession(bystander)]);

    const result = await disablePerson(admin, { userId: person.id });

    expect(result).toMatchObject({ ok: true, data: { userId: person.id, sessionsEnded: 2 } });
    const user = await db.user.findUniqueOrThrow({ where: { id: person.id! }, include: { memberships: true } });
    expect(user.disabledAt).toBeInstanceOf(Date);
    expect(user.memberships).toHaveLength(1); // what they belong to stays, for when they are enabled again
    expect(await db.session.count({ where: { userId: person.id! } })).toBe(0);
    expect(await db.session.count({ where: { userId: bystander.id! } })).toBe(1);
    const [event] = await eventsAbout(person.id!);
    expect(event).toMatchObject({ action: "user.disabled", tenantId: null, actorId: admin.id, targetType: "user", isFailure: false });
    expect(event.metadata).toMatchObject({ sessionsEnded: 2, before: { disabledAt: null }, after: { disabledAt: user.disabledAt!.toISOString() } });
  });

  it("refuses an admin disabling themselves, a person already disabled and an unknown one; sales may not", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const other = await actorFor(db, { staffRole: "admin" });
    expect(await disablePerson(admin, { userId: admin.id })).toEqual({ ok: false, kind: "conflict", message: "You cannot disable your own account: another admin can." });
    expect(await disablePerson(admin, { userId: other.id })).toMatchObject({ ok: true });
    expect(await disablePerson(admin, { userId: other.id })).toEqual({ ok: false, kind: "conflict", message: `${other.name} is already disabled.` });
    expect(await disablePerson(admin, { userId: crypto.randomUUID() })).toMatchObject({ ok: false, kind: "not_found" });
    const person = await actorFor(db);
    expect(await disablePerson(await actorFor(db, { staffRole: "sales" }), { userId: person.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id! } })).disabledAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id! } })).disabledAt).toBeNull();
  });
});

describe("a disabled person's open session", () => {
  it("is refused on its next request, through the real session lookup; enabled again, a new sign-in works", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const person = await actorFor(db, { staffRole: "support" });
    const token = await openSession(person);
    expect(await actorOfSession(token, ORIGIN)).toMatchObject({ id: person.id, staffRole: "support" });

    expect(await disablePerson(admin, { userId: person.id })).toMatchObject({ ok: true });
    expect(await actorOfSession(token, ORIGIN)).toBeNull();

    expect(await enablePerson(admin, { userId: person.id })).toMatchObject({ ok: true });
    expect(await actorOfSession(token, ORIGIN)).toBeNull(); // the session it had ended for good
    expect(await actorOfSession(await openSession(person), ORIGIN)).toMatchObject({ id: person.id });
  });

  it("is refused even when it outlived the disabling (opened while it happened)", async () => {
    const person = await actorFor(db);
    const token = await openSession(person);
    await db.user.update({ where: { id: person.id! }, data: { disabledAt: new Date() } });

    expect(await actorOfSession(token, ORIGIN)).toBeNull();
  });
});

describe("enablePerson", () => {
  it("lets a disabled person sign in again, audited, and refuses one who is not disabled", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const person = await actorFor(db);
    expect(await enablePerson(admin, { userId: person.id })).toEqual({ ok: false, kind: "conflict", message: `${person.name} is not disabled.` });
    await disablePerson(admin, { userId: person.id });

    expect(await enablePerson(admin, { userId: person.id })).toEqual({ ok: true, data: { userId: person.id, disabledAt: null, sessionsEnded: 0 } });

    expect((await db.user.findUniqueOrThrow({ where: { id: person.id! } })).disabledAt).toBeNull();
    expect((await eventsAbout(person.id!)).map((e) => e.action)).toEqual(["user.disabled", "user.enabled"]);
    expect(await enablePerson(await actorFor(db, { staffRole: "support" }), { userId: person.id })).toMatchObject({ ok: false, kind: "forbidden" });
  });
});
