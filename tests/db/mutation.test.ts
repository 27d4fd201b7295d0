// The mutation pipeline end to end on real PostgreSQL, through the session service (issue 3's mutations).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { RECORDED_REFUSALS_PER_MINUTE } from "../../lib/db/mutation";
import { revokeApiKey } from "../../lib/domain/keys/service";
import { createProject } from "../../lib/domain/projects/service";
import { revokeOtherSessions, revokeSession } from "../../lib/domain/sessions/service";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma, uniqueSlug } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

async function personWithSessions(count: number) {
  const user = await db.user.create({ data: { githubId: BigInt(Date.now()) * 100n + BigInt(randomBytes(1)[0]), name: "Pat" } });
  const sessions = [];
  for (let i = 0; i < count; i++) {
    sessions.push(await db.session.create({ data: { userId: user.id, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + 3_600_000) } }));
  }
  const actor: Actor = { type: "user", id: user.id, name: "Pat", staffRole: null, memberships: [], sessionId: sessions[0].id, sourceIp: "192.0.2.10", userAgent: "vitest" };
  return { user, sessions, actor };
}

describe("mutation pipeline", () => {
  it("changes the data and writes one audit event with actor, target and source in the same transaction", async () => {
    const { sessions, actor } = await personWithSessions(2);
    const result = await revokeSession(actor, { sessionId: sessions[1].id });
    expect(result).toEqual({ ok: true, data: { revoked: 1 } });
    expect(await db.session.findUnique({ where: { id: sessions[1].id } })).toBeNull();
    const events = await auditOf(db, { targetId: sessions[1].id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "session.revoked", actorId: actor.id, actorType: "user", actorName: "Pat", targetType: "session", isFailure: false, sourceIp: "192.0.2.10", userAgent: "vitest" });
  });

  it("answers bad input with field errors and changes nothing", async () => {
    const { actor } = await personWithSessions(1);
    const result = await revokeSession(actor, { sessionId: "not-a-uuid" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { sessionId: ["That is not a session id."] } });
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("cannot revoke someone else's session: not_found, nothing changed, the attempt recorded as a failure", async () => {
    const mine = await personWithSessions(1);
    const theirs = await personWithSessions(1);
    const result = await revokeSession(mine.actor, { sessionId: theirs.sessions[0].id });
    expect(result).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.session.findUnique({ where: { id: theirs.sessions[0].id } })).not.toBeNull();
    expect(await auditOf(db, { targetId: theirs.sessions[0].id })).toMatchObject([{
      action: "session.revoked", actorId: mine.actor.id, isFailure: true, tenantId: null, chain: "platform", targetType: "session",
      description: "not_found: That session is already signed out.",
    }]);
  });

  it("refuses a principal the table does not allow, records a failure event and changes nothing", async () => {
    const { sessions } = await personWithSessions(1);
    const gateway: Actor = { type: "service", id: `svc-${randomBytes(3).toString("hex")}`, name: "gateway", staffRole: null, memberships: [], sessionId: null, sourceIp: null, userAgent: null };
    const result = await revokeSession(gateway, { sessionId: sessions[0].id });
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.session.findUnique({ where: { id: sessions[0].id } })).not.toBeNull();
    const failures = await auditOf(db, { actorId: gateway.id });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ action: "session.revoked", isFailure: true, actorType: "service" });
  });

  it("keeps the current session when signing out all others", async () => {
    const { sessions, actor } = await personWithSessions(3);
    expect(await revokeOtherSessions(actor)).toEqual({ ok: true, data: { revoked: 2 } });
    expect((await db.session.findMany({ where: { userId: actor.id! } })).map((s) => s.id)).toEqual([sessions[0].id]);
  });

  it("rolls back both the change and the pipeline's own audit row when the commit fails after both were written", async () => {
    const { sessions, actor } = await personWithSessions(2);
    // refuses this one change's audit row at COMMIT, after the pipeline has written it: the step after both writes fails
    const refuseAtCommit = `refuse_at_commit_${randomBytes(4).toString("hex")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${refuseAtCommit}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'commit refused'; END $$`);
    await db.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER ${refuseAtCommit} AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.target_id = '${sessions[1].id}') EXECUTE FUNCTION ${refuseAtCommit}()`);
    try {
      await expect(revokeSession(actor, { sessionId: sessions[1].id })).rejects.toThrow("commit refused");
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${refuseAtCommit} ON audit_log`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${refuseAtCommit}()`);
    }
    expect(await db.session.findUnique({ where: { id: sessions[1].id } })).not.toBeNull();
    expect(await auditOf(db, { targetId: sessions[1].id })).toHaveLength(0);
  });
});

describe("refused calls of one actor, past the limit", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("are still refused, but add at most the limit's worth of rows to the chain of the tenant they name", async () => {
    // the limiter's clock stands still, so the whole burst falls in one instant and the count is exact
    vi.useFakeTimers({ toFake: ["Date"] });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const victim = await tenantFor(db);
    const prober = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });
    const burst = RECORDED_REFUSALS_PER_MINUTE + 15;
    for (let i = 0; i < burst; i++) {
      expect(await revokeApiKey(prober, { tenantId: victim.id, keyId: randomUUID() })).toMatchObject({ ok: false, kind: "forbidden" });
    }
    const victimChain = () => db.auditLog.count({ where: { tenantId: victim.id } });
    expect(await victimChain()).toBe(RECORDED_REFUSALS_PER_MINUTE);
    // each refusal not written is logged
    expect(warn.mock.calls.filter(([line]) => String(line).includes(prober.id!))).toHaveLength(burst - RECORDED_REFUSALS_PER_MINUTE);

    // the limit is the prober's own: another person's refusal there is recorded
    const other = await actorFor(db);
    expect(await revokeApiKey(other, { tenantId: victim.id, keyId: randomUUID() })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await victimChain()).toBe(RECORDED_REFUSALS_PER_MINUTE + 1);

    // a minute on, the prober's refusals are recorded again
    vi.setSystemTime(Date.now() + 60_000);
    await revokeApiKey(prober, { tenantId: victim.id, keyId: randomUUID() });
    expect(await victimChain()).toBe(RECORDED_REFUSALS_PER_MINUTE + 2);
  });

  it("never refuses a permitted call: an actor past the limit still makes, and records, the changes they may", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const own = await tenantFor(db);
    const owner = await actorFor(db, { roles: { [own.id]: "owner" } });
    for (let i = 0; i <= RECORDED_REFUSALS_PER_MINUTE; i++) await revokeApiKey(owner, { tenantId: randomUUID(), keyId: randomUUID() });
    const slug = uniqueSlug("p");
    expect(await createProject(owner, { tenantId: own.id, name: "Still mine", slug })).toMatchObject({ ok: true });
    expect(await auditOf(db, { tenantId: own.id, actorId: owner.id })).toMatchObject([{ action: "project.created", isFailure: false }]);
  });
});
