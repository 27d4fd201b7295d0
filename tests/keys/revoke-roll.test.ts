// Revoking and rolling API keys through their service, on real PostgreSQL: what changes, what is audited, and
// what a second revoke or roll of the same key gets.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { parseKey } from "../../lib/domain/keys/format";
import { actorFor } from "../support/actors";
import { issued } from "../support/keys";
import { asText, createKey, DAY, db, HOUR, keyRow, keysOf, rawKey, secretOf, tenantWith } from "./key-support";
import { auditOf } from "../support/audit";

afterAll(() => db.$disconnect());

describe("revoking a key", () => {
  it("sets revoked_at with one audit event, then answers a second revoke with a conflict", async () => {
    const { tenant, actor } = await tenantWith("member");
    const key = await createKey(actor, tenant.id);

    const result = await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id });
    expect(result).toMatchObject({ ok: true });
    const row = await keyRow(key.id);
    expect(row.revokedAt).toBeInstanceOf(Date);
    const events = await auditOf(db, { targetId: key.id });
    expect(events.map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
    expect(events[1]).toMatchObject({
      tenantId: tenant.id, actorId: actor.id, targetType: "api_key", targetName: "Production", isFailure: false,
      metadata: { prefix: key.prefix, before: { revokedAt: null }, after: { revokedAt: row.revokedAt!.toISOString() } },
    });

    const again = await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id });
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    expect(!again.ok && again.message).toContain("already revoked");
    expect((await keyRow(key.id)).revokedAt).toEqual(row.revokedAt);
    expect(await auditOf(db, { targetId: key.id })).toHaveLength(2);
  });

  it("treats another tenant's key as not found, even for the owner of the tenant named", async () => {
    const mine = await tenantWith("owner");
    const theirs = await tenantWith("owner");
    const key = await createKey(theirs.actor, theirs.tenant.id);

    expect(await revokeApiKey(mine.actor, { tenantId: mine.tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await rollApiKey(mine.actor, { tenantId: mine.tenant.id, keyId: key.id, grace: "none" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await revokeApiKey(mine.actor, { tenantId: mine.tenant.id, keyId: randomUUID() })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await keyRow(key.id)).toMatchObject({ revokedAt: null, rolledToId: null });
    expect(await keysOf(mine.tenant.id)).toEqual([]);
    // its creation, then the two calls naming it, refused and recorded as failures
    expect((await auditOf(db, { targetId: key.id })).map((e) => e.isFailure)).toEqual([false, true, true]);
  });

  it("refuses a key id that is not an id: validation on keyId", async () => {
    const { tenant, actor } = await tenantWith("owner");
    expect(await revokeApiKey(actor, { tenantId: tenant.id, keyId: "gth_abc" })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { keyId: expect.any(Array) } });
  });
});

describe("rolling a key", () => {
  it("with a 1 hour grace: a successor with the same settings, the old key expiring in an hour and pointing to it", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Bot", slug: "bot" } });
    const expiresAt = new Date(Date.now() + 60 * DAY);
    const old = await createKey(actor, tenant.id, { name: "Production", scopes: ["proxy", "flags:read"], projectId: project.id, product: "guardrails", expiresAt: expiresAt.toISOString() });
    const roller = await actorFor(db, { roles: { [tenant.id]: "member" } });

    const before = Date.now();
    const successor = await issued(rollApiKey(roller, { tenantId: tenant.id, keyId: old.id, grace: "1h" }));

    expect(parseKey(successor.key)).toEqual({ prefix: successor.prefix });
    expect(successor.prefix).not.toBe(old.prefix);
    const next = await keyRow(successor.id);
    expect(next).toMatchObject({
      tenantId: tenant.id, name: "Production", scopes: ["proxy", "flags:read"], projectId: project.id, product: "guardrails",
      expiresAt, createdById: roller.id, revokedAt: null, rolledToId: null, prefix: successor.prefix,
    });
    expect(await verify(next.hash, successor.key)).toBe(true);
    expect(await verify(next.hash, old.key)).toBe(false);

    const rolled = await keyRow(old.id);
    expect(rolled).toMatchObject({ rolledToId: successor.id, revokedAt: null });
    expect(rolled.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + HOUR);
    expect(rolled.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + HOUR);

    const events = await auditOf(db, { targetId: old.id });
    expect(events.map((e) => e.action)).toEqual(["api_key.created", "api_key.rolled"]);
    expect(events[1]).toMatchObject({
      tenantId: tenant.id, actorId: roller.id, targetType: "api_key", targetName: "Production", projectId: project.id,
      metadata: {
        successorId: successor.id, successorPrefix: successor.prefix, grace: "1h", oldKeyExpiresAt: rolled.expiresAt!.toISOString(),
        before: { expiresAt: expiresAt.toISOString(), revokedAt: null, rolledToId: null },
        after: { expiresAt: rolled.expiresAt!.toISOString(), revokedAt: null, rolledToId: successor.id },
      },
    });
    expect(asText(events)).not.toContain(secretOf(successor.key));
    expect(await auditOf(db, { targetId: successor.id })).toEqual([]);

    const again = await rollApiKey(roller, { tenantId: tenant.id, keyId: old.id, grace: "1h" });
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    expect(await keysOf(tenant.id)).toHaveLength(2);
  });

  it("with no grace: revokes the old key now, still pointing to its successor", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const old = await createKey(actor, tenant.id);
    const successor = await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: old.id, grace: "none" }));
    const rolled = await keyRow(old.id);
    expect(rolled).toMatchObject({ rolledToId: successor.id, expiresAt: null });
    expect(rolled.revokedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await keyRow(successor.id)).toMatchObject({ revokedAt: null, expiresAt: null });
    expect((await auditOf(db, { targetId: old.id }))[1].metadata).toMatchObject({ grace: "none", oldKeyRevokedAt: rolled.revokedAt!.toISOString() });
  });

  it("never lets the grace period outlast the old key's own expiry", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const expiresAt = new Date(Date.now() + 2 * HOUR);
    const old = await createKey(actor, tenant.id, { expiresAt: expiresAt.toISOString() });
    await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: old.id, grace: "7d" }));
    expect((await keyRow(old.id)).expiresAt).toEqual(expiresAt);
  });

  it("refuses to roll a revoked or an expired key: conflict, no successor", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const revoked = await createKey(actor, tenant.id, { name: "Revoked" });
    await revokeApiKey(actor, { tenantId: tenant.id, keyId: revoked.id });
    const expired = await rawKey(tenant.id, { name: "Expired", expiresAt: new Date(Date.now() - HOUR) });

    for (const keyId of [revoked.id, expired.id]) {
      expect(await rollApiKey(actor, { tenantId: tenant.id, keyId, grace: "24h" })).toMatchObject({ ok: false, kind: "conflict" });
    }
    expect(await keysOf(tenant.id)).toHaveLength(2);
    expect(await keyRow(expired.id)).toMatchObject({ rolledToId: null, revokedAt: null });
  });

  it("refuses a grace period outside none, 1h, 24h and 7d: validation on grace", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const old = await createKey(actor, tenant.id);
    expect(await rollApiKey(actor, { tenantId: tenant.id, keyId: old.id, grace: "30d" })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { grace: expect.any(Array) } });
    expect(await keyRow(old.id)).toMatchObject({ rolledToId: null, expiresAt: null });
  });
});
