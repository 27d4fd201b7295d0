// Every mutation kind of every service leaves its audit trail: a success writes exactly its event(s) with the
// right actor, action, target and before/after; a refused call changes nothing and writes exactly one failure
// event. Table-driven: each case sets up its world, the call, who may not make it, and what the world looks like.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { removeMember } from "../../lib/domain/members/service";
import { actorFor, tenantFor } from "../support/actors";
import { CASES } from "./mutation-cases";
import { db, eventsBy } from "./mutation-support";

afterAll(() => db.$disconnect());

describe.each(Object.keys(CASES))("%s", (name) => {
  it("succeeds with exactly its audit events: actor, action, target, before and after", async () => {
    const c = await CASES[name]();
    expect(await eventsBy(c.actor)).toEqual([]);
    const result = await c.call(c.actor);
    expect(result).toMatchObject({ ok: true });
    const events = await eventsBy(c.actor);
    const expectedEvents = await c.events();
    expect(events.map((e) => e.action)).toEqual(expectedEvents.map((e) => e.action));
    expectedEvents.forEach((expected, i) => {
      const { before, after, ...columns } = expected;
      expect(events[i]).toMatchObject({
        ...columns, actorId: c.actor.id, actorName: c.actor.name, actorType: "user", isFailure: false,
        sourceIp: c.actor.sourceIp, userAgent: c.actor.userAgent,
      });
      const metadata = events[i].metadata as Record<string, unknown>;
      expect(metadata.before).toEqual(before);
      expect(metadata.after).toEqual(after);
    });
  });

  it("refused, changes nothing and leaves exactly one failure event", async () => {
    const c = await CASES[name]();
    const before = await c.state();
    const result = await c.call(c.refused);
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await c.state()).toEqual(before);
    const events = await eventsBy(c.refused);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: c.refusedEvent, tenantId: c.refusedIn, isFailure: true, actorId: c.refused.id, actorType: c.refused.type,
      targetType: c.refusedTarget?.targetType ?? null, targetId: c.refusedTarget?.targetId ?? null,
      description: "forbidden: You do not have permission to do that.",
    });
  });
});

describe("a refused call naming a tenant that does not exist", () => {
  it("answers forbidden and records its failure on the platform, with the tenant id it named and its target", async () => {
    const outsider = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });
    const [tenantId, membershipId] = [randomUUID(), randomUUID()];
    expect(await removeMember(outsider, { tenantId, membershipId })).toMatchObject({ ok: false, kind: "forbidden" });
    const events = await eventsBy(outsider);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "membership.removed", tenantId: null, chain: "platform", isFailure: true, targetType: "membership", targetId: membershipId,
      metadata: { attemptedTenantId: tenantId },
    });
  });
});
