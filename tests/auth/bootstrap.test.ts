// The first platform admin of a deployment, from GATEHOUSE_BOOTSTRAP_ADMINS, on a database of this file's own: the
// bootstrap acts only while the platform has no enabled admin, which the shared test database always has.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { githubPerson, newGithubId, ORIGIN, signInWithGithub, type GithubUser } from "./sign-in-flow";
import { bootstrapAdminLogins, bootstrapAdminsNotice } from "../../lib/auth/bootstrap";
import { dropDatabase } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";
import { createPrismaClient, type PrismaClient } from "../../lib/db/prisma";
import { scratchDatabase, uniqueSlug } from "../support/database";

// as scripts/console-server.ts hands Next the TCP peer (lib/auth/source-ip.ts)
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-gatehouse-peer": "198.51.100.7", "user-agent": "vitest-browser" }),
}));
process.env.GATEHOUSE_PEER_HEADER = "x-gatehouse-peer";

let url: string;
let db: PrismaClient;
beforeAll(async () => {
  url = await scratchDatabase();
  await new Migrator(url).up();
  // the services' client (lib/db/client.ts) is made on first use, which comes after this
  process.env.DATABASE_URL = url;
  db = createPrismaClient(url);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(url);
});
// every test starts from a platform with nobody in it (the audit log is append-only, and events are found by user)
beforeEach(async () => {
  await db.user.deleteMany();
  vi.unstubAllEnvs();
});

// no e-mail, and a capital in the login to show that the bootstrap list ignores case
const person = () => githubPerson({ email: null }, "Boot");
const staffRoleOf = async (github: GithubUser) => (await db.user.findUnique({ where: { githubId: BigInt(github.id) } }))?.staffRole;

describe("GATEHOUSE_BOOTSTRAP_ADMINS", () => {
  it("lets a listed login in while there is no admin and makes them admin, audited with the login, its GitHub id and the bootstrap", async () => {
    const first = person();
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", ` someone-else , ${first.login.toUpperCase()}`); // GitHub logins ignore case

    const { allowed, userId } = await signInWithGithub(first);

    expect(allowed).toBe(true);
    expect(await staffRoleOf(first)).toBe("admin");
    const events = await db.auditLog.findMany({ where: { actorId: userId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.created", "user.account_linked", "session.created", "user.staff_role_changed"]);
    const promoted = events[3];
    expect(promoted).toMatchObject({
      tenantId: null, targetType: "user", targetId: userId, isFailure: false, sourceIp: ORIGIN.sourceIp, userAgent: ORIGIN.userAgent,
    });
    expect(promoted.metadata).toEqual({
      via: "bootstrap", githubLogin: first.login, githubId: String(first.id), before: { staffRole: null }, after: { staffRole: "admin" },
    });
  });

  it("does nothing once an enabled admin exists: a listed login is refused like anyone else", async () => {
    const [admin, late] = [person(), person()];
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", `${admin.login},${late.login}`);
    await signInWithGithub(admin);

    expect((await signInWithGithub(late)).allowed).toBe("/no-access?reason=no_verified_email");
    expect(await staffRoleOf(late)).toBeUndefined();
  });

  it("counts no demo identity outside the local demo: a seeded Ada Admin (negative GitHub id) does not stop it", async () => {
    const ada = { githubId: -100_005n, githubLogin: "ada-admin", name: "Ada Admin", staffRole: "admin" as const };
    await db.user.create({ data: ada });
    const first = person();
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", first.login);

    await signInWithGithub(first);
    expect(await staffRoleOf(first)).toBe("admin");

    // in the local demo she is an admin like any other, and the bootstrap has nothing to do
    await db.user.deleteMany({ where: { githubId: BigInt(first.id) } });
    vi.stubEnv("GATEHOUSE_LOCAL_DEMO", "1");
    await signInWithGithub(first);
    expect(await staffRoleOf(first)).toBeUndefined();
  });

  it("counts only enabled admins: with the only admin disabled, a listed login becomes admin", async () => {
    await db.user.create({ data: { githubId: BigInt(newGithubId()), githubLogin: uniqueSlug("gone"), staffRole: "admin", disabledAt: new Date() } });
    const next = person();
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", next.login);

    await signInWithGithub(next);

    expect(await staffRoleOf(next)).toBe("admin");
  });

  it("lets nobody unlisted in, and is off when unset", async () => {
    const [listed, unlisted] = [person(), person()];
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", listed.login);
    expect((await signInWithGithub(unlisted)).allowed).toBe("/no-access?reason=no_verified_email");
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", "");
    expect((await signInWithGithub(listed)).allowed).toBe("/no-access?reason=no_verified_email");
    expect(await db.user.count({ where: { staffRole: "admin" } })).toBe(0);
  });

  it("makes one admin of two listed people signing in at once", async () => {
    const pair = [person(), person()];
    vi.stubEnv("GATEHOUSE_BOOTSTRAP_ADMINS", pair.map((p) => p.login).join(","));
    // Both are let in, then meet at the promotion's lock, held here until both wait for it: a real race, every time.
    const holder = createPrismaClient(url);
    await holder.$executeRaw`SELECT pg_advisory_lock(hashtext('gatehouse.bootstrap_admin'))`;
    const signingIn = Promise.all(pair.map((github) => signInWithGithub(github)));
    await vi.waitUntil(async () => {
      const [{ waiting }] = await holder.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND objid::bigint = hashtext('gatehouse.bootstrap_admin')::bigint & 4294967295`;
      return waiting === 2;
    }, { timeout: 20_000, interval: 50 });
    await holder.$executeRaw`SELECT pg_advisory_unlock(hashtext('gatehouse.bootstrap_admin'))`;
    await holder.$disconnect();
    const outcomes = await signingIn;

    expect(outcomes.map((o) => o.allowed)).toEqual([true, true]);
    expect((await Promise.all(pair.map(staffRoleOf))).sort()).toEqual(["admin", null]);
    const userIds = outcomes.map(({ userId }) => userId!);
    expect(await db.auditLog.count({ where: { action: "user.staff_role_changed", targetId: { in: userIds } } })).toBe(1);
  });
});

describe("bootstrapAdminLogins", () => {
  it("reads comma-separated GitHub logins, lowercased, and names every entry that is no login", () => {
    expect(bootstrapAdminLogins({ GATEHOUSE_BOOTSTRAP_ADMINS: " Octo-Cat,hubot ,, " })).toEqual({ logins: ["octo-cat", "hubot"], malformed: [] });
    expect(bootstrapAdminLogins({ GATEHOUSE_BOOTSTRAP_ADMINS: "ok,@at,-lead,trail-,dou--ble,x".concat("y".repeat(39)) }))
      .toEqual({ logins: ["ok"], malformed: ["@at", "-lead", "trail-", "dou--ble", `x${"y".repeat(39)}`] });
    expect(bootstrapAdminLogins({})).toEqual({ logins: [], malformed: [] });
  });
});

describe("what the server says at start", () => {
  it("stops on a malformed value, says who may bootstrap, says when the variable can go, and warns of no admin", async () => {
    expect(await bootstrapAdminsNotice({ GATEHOUSE_BOOTSTRAP_ADMINS: "octocat,not a login" })).toMatchObject({ level: "error", message: expect.stringContaining('"not a login"') });
    expect(await bootstrapAdminsNotice({})).toMatchObject({ level: "warn", message: expect.stringContaining("GATEHOUSE_BOOTSTRAP_ADMINS") });
    expect(await bootstrapAdminsNotice({ GATEHOUSE_BOOTSTRAP_ADMINS: "Octocat,hubot" }))
      .toEqual({ level: "info", message: "no platform admin yet: the first of octocat, hubot to sign in becomes one (GATEHOUSE_BOOTSTRAP_ADMINS)." });

    await db.user.create({ data: { githubId: BigInt(newGithubId()), githubLogin: uniqueSlug("admin"), staffRole: "admin" } });
    expect(await bootstrapAdminsNotice({ GATEHOUSE_BOOTSTRAP_ADMINS: "octocat" }))
      .toEqual({ level: "info", message: "GATEHOUSE_BOOTSTRAP_ADMINS does nothing now that the platform has an admin: it can be removed." });
    expect(await bootstrapAdminsNotice({})).toBeNull();
  });
});
