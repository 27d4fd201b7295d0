// Inviting people into a tenant, resending and revoking invitations, on real PostgreSQL.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { inviteMember, resendInvitation, revokeInvitation } from "../../lib/domain/members/service";
import { listInvitations } from "../../lib/domain/members/queries";
import { acceptPendingInvitations } from "../../lib/auth/sign-in";
import { db as appDb } from "../../lib/db/client";
import { actorFor, tenantFor, tenantWithOwner } from "../support/actors";
import { testPrisma, uniqueSlug } from "../support/database";
import { auditOf } from "../support/audit";
import { DAY_MS } from "../support/time";

// Every 32-byte random value handed out, so the raw invitation token can be looked for in the database.
const issued = vi.hoisted(() => [] as Buffer[]);
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const randomBytes = (size: number) => {
    const bytes = actual.randomBytes(size);
    if (size === 32) issued.push(bytes);
    return bytes;
  };
  return { ...actual, randomBytes, default: { ...actual, randomBytes } };
});

const db = testPrisma();
afterAll(() => db.$disconnect());

const newEmail = () => `${uniqueSlug("invitee")}@example.test`;

/** Opens `connections` connections of the services' pool, so simultaneous calls really overlap. */
const warmPool = (connections: number) => Promise.all(Array.from({ length: connections }, () => appDb.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.05)`));

describe("inviteMember", () => {
  it("stores the invitation with only a hash of its token and writes one audit event", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const email = newEmail();
    issued.length = 0;
    const started = Date.now();

    const result = await inviteMember(owner, { tenantId: tenant.id, email: `  ${email.toUpperCase()} `, role: "viewer" });

    expect(result).toMatchObject({ ok: true, data: { email, role: "viewer" } });
    const rows = await db.invitation.findMany({ where: { tenantId: tenant.id } });
    expect(rows).toHaveLength(1);
    const [invitation] = rows;
    expect(invitation).toMatchObject({ email, role: "viewer", invitedById: owner.id, acceptedAt: null, revokedAt: null });
    expect(invitation.expiresAt.getTime()).toBeGreaterThanOrEqual(started + 7 * DAY_MS - 1000);
    expect(invitation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS + 1000);

    // the token is 32 random bytes; the row keeps its sha256, and the raw token is nowhere
    expect(issued).toHaveLength(1);
    const token = issued[0].toString("base64url");
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitation.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const events = await auditOf(db, { tenantId: tenant.id });
    const stored = JSON.stringify([invitation, events, result], (_key, value) => (typeof value === "bigint" ? String(value) : value));
    for (const form of [token, issued[0].toString("hex"), issued[0].toString("base64")]) expect(stored).not.toContain(form);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "invitation.created", actorId: owner.id, isFailure: false,
      targetType: "invitation", targetId: invitation.id, targetName: email,
    });
    expect(events[0].metadata).toMatchObject({ after: { email, role: "viewer" } });
    expect(JSON.stringify(events[0].metadata)).not.toContain(invitation.tokenHash);
  });

  it("refuses a second pending invitation for the same email and changes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const email = newEmail();
    expect(await inviteMember(owner, { tenantId: tenant.id, email, role: "member" })).toMatchObject({ ok: true });

    const again = await inviteMember(owner, { tenantId: tenant.id, email: email.toUpperCase(), role: "owner" });

    expect(again).toEqual({ ok: false, kind: "conflict", message: `${email} already has a pending invitation (resend it instead).` });
    expect(await db.invitation.findMany({ where: { tenantId: tenant.id } })).toMatchObject([{ email, role: "member" }]);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(1);
  });

  it("answers simultaneous invitations of one email with one invitation, the others the same conflict", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const email = newEmail();
    await warmPool(8);

    const results = await Promise.all(Array.from({ length: 8 }, () => inviteMember(owner, { tenantId: tenant.id, email, role: "member" })));

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toEqual({ ok: false, kind: "conflict", message: `${email} already has a pending invitation (resend it instead).` });
    }
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(1);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const member = await actorFor(db, { roles: { [tenant.id]: "member" } });
    const { email } = await db.user.findUniqueOrThrow({ where: { id: member.id! } });

    const result = await inviteMember(owner, { tenantId: tenant.id, email: email!.toUpperCase(), role: "owner" });

    expect(result).toEqual({ ok: false, kind: "conflict", message: `${email} is already a member of this tenant.` });
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("compares a member's address exactly, case-folded: `_` in an address matches only itself, both ways", async () => {
    const domain = `${uniqueSlug("d")}.example`;
    /** A tenant whose only member has the address `email`, and its owner. */
    async function tenantWithMember(email: string) {
      const { tenant, owner } = await tenantWithOwner(db);
      const person = await db.user.create({ data: { email, name: email } });
      await db.membership.create({ data: { tenantId: tenant.id, userId: person.id, role: "member" } });
      return { tenantId: tenant.id, owner };
    }
    const withAxb = await tenantWithMember(`axb@${domain}`);
    const withAUnderscoreB = await tenantWithMember(`A_B@${domain.toUpperCase()}`); // as an older row may hold it

    expect(await inviteMember(withAxb.owner, { tenantId: withAxb.tenantId, email: `a_b@${domain}`, role: "member" })).toMatchObject({ ok: true });
    expect(await inviteMember(withAUnderscoreB.owner, { tenantId: withAUnderscoreB.tenantId, email: `axb@${domain}`, role: "member" })).toMatchObject({ ok: true });
    for (const [{ owner, tenantId }, email] of [[withAxb, `AXB@${domain}`], [withAUnderscoreB, `a_b@${domain}`]] as const) {
      expect(await inviteMember(owner, { tenantId, email, role: "viewer" }))
        .toEqual({ ok: false, kind: "conflict", message: `${email.toLowerCase()} is already a member of this tenant.` });
    }
    // `%` is no wildcard either: the address schema refuses it before any comparison
    expect(await inviteMember(withAxb.owner, { tenantId: withAxb.tenantId, email: `a%b@${domain}`, role: "member" })).toMatchObject({ ok: false, kind: "validation" });

    expect((await db.invitation.findMany({ where: { tenantId: withAxb.tenantId } })).map((i) => i.email)).toEqual([`a_b@${domain}`]);
    expect((await db.invitation.findMany({ where: { tenantId: withAUnderscoreB.tenantId } })).map((i) => i.email)).toEqual([`axb@${domain}`]);
  });

  it("answers a malformed email or role with field errors and writes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db);

    const badEmail = await inviteMember(owner, { tenantId: tenant.id, email: "not an email", role: "member" });
    const badRole = await inviteMember(owner, { tenantId: tenant.id, email: newEmail(), role: "boss" });

    expect(badEmail).toMatchObject({ ok: false, kind: "validation", fieldErrors: { email: ["Enter an email address like name@example.com."] } });
    expect(badRole).toMatchObject({ ok: false, kind: "validation", fieldErrors: { role: ["Choose owner, member or viewer."] } });
    expect(Object.keys((badEmail as { fieldErrors: object }).fieldErrors)).toEqual(["email"]);
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it.each(["member", "viewer"] as const)("forbids a %s: one failure audit row, no invitation", async (role) => {
    const tenant = await tenantFor(db);
    const actor = await actorFor(db, { roles: { [tenant.id]: role } });

    const result = await inviteMember(actor, { tenantId: tenant.id, email: newEmail(), role: "member" });

    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.invitation.count({ where: { tenantId: tenant.id } })).toBe(0);
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "invitation.created", actorId: actor.id, isFailure: true });
  });

  it("lets admin staff invite, but not sales staff", async () => {
    const tenant = await tenantFor(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    const sales = await actorFor(db, { staffRole: "sales" });

    expect(await inviteMember(admin, { tenantId: tenant.id, email: newEmail(), role: "owner" })).toMatchObject({ ok: true });
    expect(await inviteMember(sales, { tenantId: tenant.id, email: newEmail(), role: "owner" })).toMatchObject({ ok: false, kind: "forbidden" });

    expect(await db.invitation.findMany({ where: { tenantId: tenant.id } })).toMatchObject([{ invitedById: admin.id }]);
    expect((await auditOf(db, { tenantId: tenant.id })).map((e) => [e.actorId, e.action, e.isFailure])).toEqual([
      [admin.id, "invitation.created", false],
      [sales.id, "invitation.created", true],
    ]);
  });

  it("is accepted by signing in with the invited email, with the invited role", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const email = newEmail();
    await inviteMember(owner, { tenantId: tenant.id, email, role: "viewer" });
    const invitee = await db.user.create({ data: { email: email.toUpperCase(), name: "Invitee" } });

    await acceptPendingInvitations(invitee.id, email.toUpperCase(), { sourceIp: "192.0.2.1", userAgent: "vitest" });

    expect(await db.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.id, userId: invitee.id } } })).toMatchObject({ role: "viewer" });
    expect(await listInvitations(owner, tenant.id)).toEqual([]);
  });
});

describe("listInvitations", () => {
  it("lists pending invitations with who invited and whether they expired; nothing for outsiders", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const [fresh, stale, revoked] = [newEmail(), newEmail(), newEmail()];
    for (const email of [fresh, stale, revoked]) await inviteMember(owner, { tenantId: tenant.id, email, role: "member" });
    await db.invitation.updateMany({ where: { tenantId: tenant.id, email: stale }, data: { expiresAt: new Date(Date.now() - DAY_MS) } });
    await db.invitation.updateMany({ where: { tenantId: tenant.id, email: revoked }, data: { revokedAt: new Date() } });
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const outsider = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });

    const listed = await listInvitations(viewer, tenant.id);

    expect(listed.map((i) => [i.email, i.expired, i.invitedBy]).sort()).toEqual([[fresh, false, owner.name], [stale, true, owner.name]].sort());
    expect(await listInvitations(outsider, tenant.id)).toEqual([]);
  });
});

describe("resendInvitation and revokeInvitation", () => {
  async function invited() {
    const { tenant, owner } = await tenantWithOwner(db);
    const email = newEmail();
    const result = await inviteMember(owner, { tenantId: tenant.id, email, role: "member" });
    if (!result.ok) throw new Error(result.message);
    return { tenant, owner, email, invitationId: result.data.id };
  }

  it("resend gives an expired invitation a new token hash and 7 more days, audited", async () => {
    const { tenant, owner, invitationId } = await invited();
    const lapsed = new Date(Date.now() - DAY_MS);
    const before = await db.invitation.update({ where: { id: invitationId }, data: { expiresAt: lapsed } });

    const result = await resendInvitation(owner, { tenantId: tenant.id, invitationId });

    expect(result).toMatchObject({ ok: true });
    const after = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(after.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY_MS - 60_000);
    const events = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "invitation.resent" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, targetId: invitationId, isFailure: false });
    expect(events[0].metadata).toEqual({ before: { expiresAt: lapsed.toISOString() }, after: { expiresAt: after.expiresAt.toISOString() } });
  });

  it("revoke marks the invitation revoked, audited, after which the email may be invited again", async () => {
    const { tenant, owner, email, invitationId } = await invited();

    expect(await revokeInvitation(owner, { tenantId: tenant.id, invitationId })).toMatchObject({ ok: true });

    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "invitation.revoked" } })).toMatchObject([
      { actorId: owner.id, targetId: invitationId, targetName: email, isFailure: false },
    ]);
    expect(await listInvitations(owner, tenant.id)).toEqual([]);
    expect(await inviteMember(owner, { tenantId: tenant.id, email, role: "viewer" })).toMatchObject({ ok: true });
  });

  it("refuses revoked and accepted invitations: not_found, nothing changed", async () => {
    const { tenant, owner, invitationId } = await invited();
    await revokeInvitation(owner, { tenantId: tenant.id, invitationId });
    const accepted = await invited();
    await db.invitation.update({ where: { id: accepted.invitationId }, data: { acceptedAt: new Date() } });
    const before = await db.invitation.findMany({ where: { id: { in: [invitationId, accepted.invitationId] } }, orderBy: { id: "asc" } });

    for (const [t, o, id] of [[tenant.id, owner, invitationId], [accepted.tenant.id, accepted.owner, accepted.invitationId]] as const) {
      expect(await resendInvitation(o, { tenantId: t, invitationId: id })).toMatchObject({ ok: false, kind: "not_found" });
      expect(await revokeInvitation(o, { tenantId: t, invitationId: id })).toMatchObject({ ok: false, kind: "not_found" });
    }
    expect(await db.invitation.findMany({ where: { id: { in: [invitationId, accepted.invitationId] } }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses an invitation of another tenant: not_found, nothing changed", async () => {
    const theirs = await invited();
    const mine = await tenantWithOwner(db);
    const before = await db.invitation.findUniqueOrThrow({ where: { id: theirs.invitationId } });

    const resent = await resendInvitation(mine.owner, { tenantId: mine.tenant.id, invitationId: theirs.invitationId });
    const revoked = await revokeInvitation(mine.owner, { tenantId: mine.tenant.id, invitationId: theirs.invitationId });

    expect(resent).toMatchObject({ ok: false, kind: "not_found" });
    expect(revoked).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: theirs.invitationId } })).toEqual(before);
    // only the two refusals, recorded as failures
    expect((await auditOf(db, { tenantId: mine.tenant.id })).map((e) => e.isFailure)).toEqual([true, true]);
  });

  it("forbids a member to resend or revoke", async () => {
    const { tenant, invitationId } = await invited();
    const member = await actorFor(db, { roles: { [tenant.id]: "member" } });
    const before = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });

    expect(await resendInvitation(member, { tenantId: tenant.id, invitationId })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await revokeInvitation(member, { tenantId: tenant.id, invitationId })).toMatchObject({ ok: false, kind: "forbidden" });

    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toEqual(before);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id, actorId: member.id, isFailure: true } })).toBe(2);
  });
});
