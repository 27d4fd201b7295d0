// Listing members, changing their roles and removing them, on real PostgreSQL; a tenant never loses its last owner.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { changeMemberRole, removeMember } from "../../lib/domain/members/service";
import { listMembers } from "../../lib/domain/members/queries";
import { db as appDb } from "../../lib/db/client";
import type { Actor } from "../../lib/auth/principal";
import type { MemberRole } from "../../lib/db/generated/enums";
import { actorFor, tenantFor } from "../support/actors";
import { testPrisma } from "../support/database";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

const membershipOf = (actor: Actor, tenantId: string) =>
  db.membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId, userId: actor.id! } } });

/** A tenant with one person per role given, as actors with their membership ids. */
async function tenantWith(...roles: MemberRole[]) {
  const tenant = await tenantFor(db);
  const people = [];
  for (const role of roles) {
    const actor = await actorFor(db, { roles: { [tenant.id]: role } });
    people.push({ actor, membershipId: (await membershipOf(actor, tenant.id)).id });
  }
  return { tenant, people };
}

const rolesIn = async (tenantId: string) =>
  (await db.membership.findMany({ where: { tenantId }, orderBy: { id: "asc" } })).map((m) => [m.id, m.role]);

describe("listMembers", () => {
  it("lists owners first, then everyone by name, with last sign-in; nothing for outsiders", async () => {
    const tenant = await tenantFor(db);
    const person = async (name: string, role: MemberRole, lastSignInAt: Date | null = null) => {
      const user = await db.user.create({ data: { name, githubLogin: `${name.toLowerCase()}-${randomBytes(3).toString("hex")}`, lastSignInAt } });
      await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
    };
    const signedIn = new Date("2026-11-01T10:00:00Z");
    await person("carol", "member");
    await person("Zed", "owner", signedIn);
    await person("alice", "viewer");
    await person("Bob", "owner");
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const outsider = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });

    const members = await listMembers(viewer, tenant.id);

    expect(members.map((m) => [m.name, m.role])).toEqual([
      ["Bob", "owner"], ["Zed", "owner"], ["alice", "viewer"], ["carol", "member"], [viewer.name, "viewer"],
    ]);
    expect(members.find((m) => m.name === "Zed")?.lastSignInAt).toEqual(signedIn);
    expect(members.find((m) => m.name === "Bob")?.lastSignInAt).toBeNull();
    expect(await listMembers(outsider, tenant.id)).toEqual([]);
  });

  it("marks the only owner as the last one, and no owner once a second one joins", async () => {
    const { tenant, people: [owner, member] } = await tenantWith("owner", "member");
    const lastOwners = async () => new Map((await listMembers(owner.actor, tenant.id)).map((m) => [m.id, m.lastOwner] as const));

    expect(await lastOwners()).toEqual(new Map([[owner.membershipId, true], [member.membershipId, false]]));

    await db.membership.update({ where: { id: member.membershipId }, data: { role: "owner" } });
    expect(await lastOwners()).toEqual(new Map([[owner.membershipId, false], [member.membershipId, false]]));
  });
});

describe("changeMemberRole", () => {
  it("changes the role and writes one audit event with before and after", async () => {
    const { tenant, people: [owner, member] } = await tenantWith("owner", "member");

    const result = await changeMemberRole(owner.actor, { tenantId: tenant.id, membershipId: member.membershipId, role: "viewer" });

    expect(result).toEqual({ ok: true, data: { id: member.membershipId, role: "viewer" } });
    expect((await membershipOf(member.actor, tenant.id)).role).toBe("viewer");
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "membership.role_changed", actorId: owner.actor.id, isFailure: false,
      targetType: "membership", targetId: member.membershipId, targetName: member.actor.name,
    });
    expect(events[0].metadata).toEqual({ before: { role: "member" }, after: { role: "viewer" } });
  });

  it("answers an unknown role with a field error and changes nothing", async () => {
    const { tenant, people: [owner, member] } = await tenantWith("owner", "member");
    const before = await rolesIn(tenant.id);

    const result = await changeMemberRole(owner.actor, { tenantId: tenant.id, membershipId: member.membershipId, role: "superuser" });

    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { role: ["Choose owner, member or viewer."] } });
    expect(await rolesIn(tenant.id)).toEqual(before);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it.each(["member", "viewer"] as const)("forbids a %s, records one failure and changes nothing", async (role) => {
    const { tenant, people: [, actor, other] } = await tenantWith("owner", role, "viewer");
    const before = await rolesIn(tenant.id);

    const changed = await changeMemberRole(actor.actor, { tenantId: tenant.id, membershipId: other.membershipId, role: "owner" });

    expect(changed).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rolesIn(tenant.id)).toEqual(before);
    expect(await auditOf(db, { tenantId: tenant.id })).toMatchObject([{ action: "membership.role_changed", actorId: actor.actor.id, isFailure: true }]);
  });

  it("never demotes the last owner: conflict, nothing changed", async () => {
    const { tenant, people: [owner] } = await tenantWith("owner", "member");
    const admin = await actorFor(db, { staffRole: "admin" });
    const before = await rolesIn(tenant.id);

    for (const actor of [owner.actor, admin]) {
      const result = await changeMemberRole(actor, { tenantId: tenant.id, membershipId: owner.membershipId, role: "member" });
      expect(result).toMatchObject({ ok: false, kind: "conflict", message: expect.stringContaining("last owner") });
    }
    expect(await rolesIn(tenant.id)).toEqual(before);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("lets one of two owners demote the other", async () => {
    const { tenant, people: [first, second] } = await tenantWith("owner", "owner");

    const result = await changeMemberRole(first.actor, { tenantId: tenant.id, membershipId: second.membershipId, role: "member" });

    expect(result).toMatchObject({ ok: true });
    expect((await membershipOf(second.actor, tenant.id)).role).toBe("member");
    expect((await membershipOf(first.actor, tenant.id)).role).toBe("owner");
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    // Several rounds, each on its own tenant, with the pool's connections open so the two really overlap.
    for (let round = 0; round < 5; round++) {
      const { tenant, people: [a, b] } = await tenantWith("owner", "owner");
      await Promise.all(Array.from({ length: 4 }, () => appDb.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.02)`));

      const results = await Promise.all([
        changeMemberRole(a.actor, { tenantId: tenant.id, membershipId: b.membershipId, role: "member" }),
        changeMemberRole(b.actor, { tenantId: tenant.id, membershipId: a.membershipId, role: "viewer" }),
      ]);

      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ kind: "conflict", message: expect.stringContaining("last owner") });
      expect(await db.membership.count({ where: { tenantId: tenant.id, role: "owner" } })).toBe(1);
      expect(await db.auditLog.count({ where: { tenantId: tenant.id, action: "membership.role_changed" } })).toBe(1);
    }
  });

  it("refuses to promote someone to the role they already have", async () => {
    const { tenant, people: [owner, member] } = await tenantWith("owner", "member");

    const result = await changeMemberRole(owner.actor, { tenantId: tenant.id, membershipId: member.membershipId, role: "member" });

    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });
});

describe("removeMember", () => {
  it("removes the membership, keeps the person's sessions, and writes one audit event", async () => {
    const { tenant, people: [owner, member] } = await tenantWith("owner", "member");
    await db.session.create({ data: { userId: member.actor.id!, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + 3_600_000) } });

    const result = await removeMember(owner.actor, { tenantId: tenant.id, membershipId: member.membershipId });

    expect(result).toEqual({ ok: true, data: { id: member.membershipId } });
    expect(await db.membership.findUnique({ where: { id: member.membershipId } })).toBeNull();
    expect(await db.session.count({ where: { userId: member.actor.id! } })).toBe(1);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "membership.removed", actorId: owner.actor.id, isFailure: false,
      targetType: "membership", targetId: member.membershipId, targetName: member.actor.name,
    });
    expect(events[0].metadata).toEqual({ before: { role: "member", userId: member.actor.id } });
  });

  it("never removes the last owner, not even themselves: conflict, nothing changed", async () => {
    const { tenant, people: [owner] } = await tenantWith("owner", "viewer");
    const before = await rolesIn(tenant.id);

    const result = await removeMember(owner.actor, { tenantId: tenant.id, membershipId: owner.membershipId });

    expect(result).toMatchObject({ ok: false, kind: "conflict", message: expect.stringContaining("last owner") });
    expect(await rolesIn(tenant.id)).toEqual(before);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("lets admin staff remove an owner while another owner remains, but not sales staff", async () => {
    const { tenant, people: [, second] } = await tenantWith("owner", "owner");
    const sales = await actorFor(db, { staffRole: "sales" });
    const admin = await actorFor(db, { staffRole: "admin" });

    expect(await removeMember(sales, { tenantId: tenant.id, membershipId: second.membershipId })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.membership.findUnique({ where: { id: second.membershipId } })).not.toBeNull();
    expect(await removeMember(admin, { tenantId: tenant.id, membershipId: second.membershipId })).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { tenantId: tenant.id, role: "owner" } })).toBe(1);
  });
});

describe("a membership of another tenant", () => {
  it("is not_found for role changes and removal, and nothing changes", async () => {
    const mine = await tenantWith("owner");
    const theirs = await tenantWith("owner", "owner", "member");
    const admin = await actorFor(db, { staffRole: "admin" });
    const before = await rolesIn(theirs.tenant.id);

    for (const actor of [mine.people[0].actor, admin]) {
      for (const { membershipId } of theirs.people) {
        expect(await changeMemberRole(actor, { tenantId: mine.tenant.id, membershipId, role: "viewer" })).toMatchObject({ ok: false, kind: "not_found" });
        expect(await removeMember(actor, { tenantId: mine.tenant.id, membershipId })).toMatchObject({ ok: false, kind: "not_found" });
      }
    }
    expect(await rolesIn(theirs.tenant.id)).toEqual(before);
    expect(await auditOf(db, { tenantId: theirs.tenant.id })).toHaveLength(0);
    // only the refusals (2 actors × 3 memberships × 2 calls), recorded as failures on the tenant they named
    expect((await auditOf(db, { tenantId: mine.tenant.id })).map((e) => e.isFailure)).toEqual(Array(12).fill(true));
  });
});
