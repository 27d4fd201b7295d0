// The mutation pipeline end to end on real PostgreSQL, through the session service (issue 3's mutations).
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { revokeOtherSessions, revokeSession } from "../../lib/domain/sessions/service";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";

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

const auditFor = (targetId: string) => db.auditLog.findMany({ where: { targetId } });

describe("mutation pipeline", () => {
  it("changes the data and writes one audit event with actor, target and source in the same transaction", async () => {
    const { sessions, actor } = await personWithSessions(2);
    const result = await revokeSession(actor, { sessionId: sessions[1].id });
    expect(result).toEqual({ ok: true, data: { revoked: 1 } });
    expect(await db.session.findUnique({ where: { id: sessions[1].id } })).toBeNull();
    const events = await auditFor(sessions[1].id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "session.revoked", actorId: actor.id, actorType: "user", actorName: "Pat", targetType: "session", isFailure: false, sourceIp: "192.0.2.10", userAgent: "vitest" });
  });

  it("answers bad input with field errors and changes nothing", async () => {
    const { actor } = await personWithSessions(1);
    const before = await db.auditLog.count();
    const result = await revokeSession(actor, { sessionId: "not-a-uuid" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { sessionId: ["That is not a session id."] } });
    expect(await db.auditLog.count()).toBe(before);
  });

  it("cannot revoke someone else's session: not_found, nothing changed", async () => {
    const mine = await personWithSessions(1);
    const theirs = await personWithSessions(1);
    const result = await revokeSession(mine.actor, { sessionId: theirs.sessions[0].id });
    expect(result).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.session.findUnique({ where: { id: theirs.sessions[0].id } })).not.toBeNull();
    expect(await auditFor(theirs.sessions[0].id)).toHaveLength(0);
  });

  it("refuses a principal the table does not allow, records a failure event and changes nothing", async () => {
    const { sessions } = await personWithSessions(1);
    const gateway: Actor = { type: "service", id: `svc-${randomBytes(3).toString("hex")}`, name: "gateway", staffRole: null, memberships: [], sessionId: null, sourceIp: null, userAgent: null };
    const result = await revokeSession(gateway, { sessionId: sessions[0].id });
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.session.findUnique({ where: { id: sessions[0].id } })).not.toBeNull();
    const failures = await db.auditLog.findMany({ where: { actorId: gateway.id } });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ action: "session.revoke", isFailure: true, actorType: "service" });
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
    expect(await auditFor(sessions[1].id)).toHaveLength(0);
  });
});
