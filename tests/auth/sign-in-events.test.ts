// What signing in records and keeps, driven through NextAuth's options (callbacks, adapter, events) on real
// PostgreSQL: user created, account linked, signed in, signed out, and each refusal, with where it came from;
// and no OAuth token anywhere.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { GITHUB_TOKEN, githubPerson, newGithubId, ORIGIN, signInWithGithub, signOut, type GithubUser } from "./sign-in-flow";
import { sessionTokenHash } from "../../lib/auth/adapter";
import { testPrisma } from "../support/database";
import { tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";

// as scripts/console-server.ts hands Next the TCP peer (lib/auth/source-ip.ts)
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-gatehouse-peer": "198.51.100.7", "user-agent": "vitest-browser" }),
}));
process.env.GATEHOUSE_PEER_HEADER = "x-gatehouse-peer";

const db = testPrisma();
afterAll(() => db.$disconnect());
afterEach(() => vi.unstubAllEnvs());


/** Every audit event about the GitHub account `githubId` or by or about its user, oldest first. */
async function eventsOf(githubId: number) {
  const user = await db.user.findUnique({ where: { githubId: BigInt(githubId) } });
  return auditOf(db, { OR: [{ metadata: { path: ["githubId"], equals: String(githubId) } }, ...(user ? [{ actorId: user.id }, { targetId: user.id }] : [])] });
}

async function invite(email: string) {
  const tenant = await tenantFor(db);
  await db.invitation.create({
    data: { tenantId: tenant.id, email, role: "member", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 60_000) },
  });
  return tenant;
}

describe("a first sign-in", () => {
  it("records user created, account linked and signed in, from the request's address, and keeps no OAuth token", async () => {
    const github = githubPerson();
    const tenant = await invite(github.email!);

    const { allowed, sessionToken, userId } = await signInWithGithub(github);

    expect(allowed).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! } });
    expect(user).toMatchObject({ githubId: BigInt(github.id), githubLogin: github.login, email: github.email, staffRole: null });
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(sessionToken!) } });
    expect(user.lastSignInAt).toEqual(session.createdAt);
    expect(session).toMatchObject({ ipAddress: ORIGIN.sourceIp, userAgent: ORIGIN.userAgent });

    const events = await eventsOf(github.id);
    expect(events.map((e) => e.action)).toEqual(["user.created", "user.account_linked", "session.created", "invitation.accepted"]);
    for (const event of events) {
      expect(event).toMatchObject({ actorType: "user", actorId: user.id, actorName: github.name, isFailure: false, sourceIp: ORIGIN.sourceIp, userAgent: ORIGIN.userAgent });
    }
    const [created, linked, signedIn, accepted] = events;
    expect(created).toMatchObject({ tenantId: null, targetType: "user", targetId: user.id, targetName: github.name });
    expect(created.metadata).toMatchObject({ after: { githubId: String(github.id), githubLogin: github.login, email: github.email } });
    expect(linked).toMatchObject({ tenantId: null, targetType: "user", targetId: user.id });
    expect(linked.metadata).toMatchObject({ provider: "github", providerAccountId: String(github.id), scope: "read:user,user:email" });
    expect(signedIn).toMatchObject({ tenantId: null, targetType: "session", targetId: session.id });
    expect(accepted).toMatchObject({ tenantId: tenant.id, targetType: "invitation" });

    // GitHub's token served the sign-in and is kept nowhere: not in accounts (no column could hold it), nor in an event
    const [account] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM accounts WHERE user_id = ${user.id}::uuid`;
    expect(Object.keys(account).sort()).toEqual(["id", "provider", "provider_account_id", "scope", "type", "updated_at", "user_id"]);
    const stored = JSON.stringify([account, events], (_key, value) => (typeof value === "bigint" ? String(value) : value));
    expect(stored).not.toContain(GITHUB_TOKEN);
    expect(stored).not.toContain(sessionToken!);
  });

  it("of a person created ahead of it (staff, demo data) finds them by GitHub id: signed in, nothing created or linked", async () => {
    const github = githubPerson();
    const staff = await db.user.create({ data: { githubId: BigInt(github.id), githubLogin: github.login, name: github.name, staffRole: "support" } });

    expect((await signInWithGithub(github)).userId).toBe(staff.id);

    expect((await eventsOf(github.id)).map((e) => e.action)).toEqual(["session.created"]);
    expect(await db.account.count({ where: { userId: staff.id } })).toBe(0);
  });
});

describe("a later sign-in and signing out", () => {
  it("records signed in for each session and signed out for the one ended; an expired session's clean-up is no event", async () => {
    const github = githubPerson();
    await invite(github.email!);
    const first = await signInWithGithub(github);
    const second = await signInWithGithub(github);
    const [firstSession, secondSession] = await Promise.all([first, second].map(({ sessionToken }) =>
      db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(sessionToken!) } })));

    expect(await signOut(first.sessionToken!)).toMatchObject({ userId: first.userId, sessionToken: first.sessionToken });
    await db.session.update({ where: { id: secondSession.id }, data: { expires: new Date(Date.now() - 1000) } });
    await signOut(second.sessionToken!); // NextAuth's session route deletes an expired session so

    expect(await db.session.count({ where: { userId: first.userId! } })).toBe(0);
    const events = (await eventsOf(github.id)).filter((e) => e.action === "session.created" || e.action === "session.ended");
    expect(events.map((e) => [e.action, e.targetId])).toEqual([
      ["session.created", firstSession.id], ["session.created", secondSession.id], ["session.ended", firstSession.id],
    ]);
    expect(events[2]).toMatchObject({ actorId: first.userId, isFailure: false, sourceIp: ORIGIN.sourceIp, userAgent: ORIGIN.userAgent });
  });
});

describe("a refused sign-in", () => {
  /** `github` signs in and is refused: sent to `page`, nothing created, one failure event with `reason`. */
  async function expectRefused(github: GithubUser, page: string, reason: string, userId: string | null = null) {
    const usersBefore = await db.user.count({ where: { githubId: BigInt(github.id) } });
    const { allowed } = await signInWithGithub(github);

    expect(allowed).toBe(page);
    expect(await db.user.count({ where: { githubId: BigInt(github.id) } })).toBe(usersBefore);
    const events = await eventsOf(github.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.sign_in_refused", isFailure: true, tenantId: null, actorType: "user", actorId: userId,
      targetType: "user", targetId: userId, description: `sign-in refused: ${reason}`,
      sourceIp: ORIGIN.sourceIp, userAgent: ORIGIN.userAgent,
    });
    expect(events[0].metadata).toEqual({ reason, githubId: String(github.id), githubLogin: github.login, verifiedEmail: github.email });
    if (userId) expect(await db.session.count({ where: { userId } })).toBe(0);
  }

  it("for a person who is nobody's member and has no invitation: not_a_member, to the no-access page", async () => {
    const github = githubPerson();
    await expectRefused(github, "/no-access", "not_a_member");
  });

  it("for a person GitHub names no verified e-mail for: no_verified_email, told so", async () => {
    const github = githubPerson({ email: null });
    await expectRefused(github, "/no-access?reason=no_verified_email", "no_verified_email");
  });

  it("for a disabled person, even staff with memberships: disabled, on the sign-in page", async () => {
    const github = githubPerson();
    const tenant = await tenantFor(db);
    const user = await db.user.create({
      data: { githubId: BigInt(github.id), githubLogin: github.login, name: github.name, email: github.email, staffRole: "admin", disabledAt: new Date() },
    });
    await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
    await expectRefused(github, "/sign-in?error=AccountDisabled", "disabled", user.id);
  });

  it("with a GitHub id ≤ 0 outside the local demo: demo_identity, however well the person is known", async () => {
    vi.stubEnv("GATEHOUSE_LOCAL_DEMO", "");
    for (const id of [0, -newGithubId()]) {
      const github = githubPerson({ id });
      const user = await db.user.create({ data: { githubId: BigInt(id), githubLogin: github.login, name: github.name, staffRole: "admin" } });
      await expectRefused(github, "/sign-in?error=DemoIdentity", "demo_identity", user.id);
    }
  });

  it("is not what a demo identity gets in the local demo: signed in", async () => {
    vi.stubEnv("GATEHOUSE_LOCAL_DEMO", "1");
    const github = githubPerson({ id: -newGithubId() });
    await db.user.create({ data: { githubId: BigInt(github.id), githubLogin: github.login, name: github.name, staffRole: "sales" } });

    expect((await signInWithGithub(github)).allowed).toBe(true);
    expect((await eventsOf(github.id)).map((e) => e.action)).toEqual(["session.created"]);
  });
});
