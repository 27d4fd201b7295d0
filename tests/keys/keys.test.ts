// API keys through their service, on real PostgreSQL: what is stored (a hash, never the key), what is audited,
// who may act, and the NOTIFY that tells the gateway's caches to drop a key.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { randomBytes, randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { createApiKey, revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { generateKey, parseKey } from "../../lib/domain/keys/format";
import { CONFIG_EVENTS_CHANNEL } from "../../lib/db/config-events";
import type { Actor } from "../../lib/auth/principal";
import type { MemberRole } from "../../lib/db/generated/enums";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";

// Key generation passes through, unless a test queues lookup prefixes to force a collision with a key in force.
const forcedPrefixes: string[] = [];
vi.mock("../../lib/domain/keys/format", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/domain/keys/format")>();
  return {
    ...actual,
    generateKey: vi.fn(() => {
      const generated = actual.generateKey();
      const prefix = forcedPrefixes.shift();
      return prefix ? { key: generated.key.replace(generated.prefix, prefix), prefix } : generated;
    }),
  };
});

const db = testPrisma();
afterAll(() => db.$disconnect());
afterEach(() => {
  forcedPrefixes.length = 0;
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function tenantWith(role: MemberRole = "owner", data: Parameters<typeof tenantFor>[1] = {}) {
  const tenant = await tenantFor(db, data);
  const actor = await actorFor(db, { roles: { [tenant.id]: role } });
  return { tenant, actor };
}

const createKey = (actor: Actor, tenantId: string, input: Record<string, unknown> = {}) =>
  issued(createApiKey(actor, { tenantId, name: "Production", scopes: ["proxy"], ...input }));

/** A key row written directly (for states the service will not produce, like an expiry in the past). */
const rawKey = (tenantId: string, data: { name: string; expiresAt?: Date }) =>
  db.apiKey.create({ data: { tenantId, prefix: randomBytes(4).toString("hex"), hash: "$argon2id$v=19$test", scopes: ["proxy"], ...data } });

const keyRow = (id: string) => db.apiKey.findUniqueOrThrow({ where: { id } });
const auditOf = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });
const failuresOf = (actor: Actor) => db.auditLog.findMany({ where: { actorId: actor.id, isFailure: true }, orderBy: { id: "asc" } });
const keysOf = (tenantId: string) => db.apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

/** A row as text, to search it (audit ids are bigints). */
const asText = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** The part of a key after its lookup prefix: what must never be stored anywhere. */
const secretOf = (key: string) => key.slice("gth_".length + 8 + 1);

describe("creating a key", () => {
  it("returns the whole key once and stores only its prefix and an argon2id hash, with one audit event", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Support bot", slug: "support-bot" } });
    const expiresAt = new Date(Date.now() + 30 * DAY);

    const result = await createKey(actor, tenant.id, {
      name: "  Production ", scopes: ["usage:write", "proxy"], projectId: project.id, product: "gateway", expiresAt: expiresAt.toISOString(),
    });

    expect(parseKey(result.key)).toEqual({ prefix: result.prefix });
    const row = await keyRow(result.id);
    expect(row).toMatchObject({
      tenantId: tenant.id, name: "Production", prefix: result.prefix, scopes: ["proxy", "usage:write"],
      projectId: project.id, product: "gateway", expiresAt, createdById: actor.id, revokedAt: null, rolledToId: null,
    });
    expect(row.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(row.hash, result.key)).toBe(true);
    expect(await verify(row.hash, generateKey().key)).toBe(false);

    const events = await auditOf(result.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "api_key.created", tenantId: tenant.id, projectId: project.id, actorId: actor.id, actorType: "user",
      targetType: "api_key", targetName: "Production", isFailure: false,
      metadata: { after: { name: "Production", scopes: ["proxy", "usage:write"], prefix: result.prefix, projectId: project.id, product: "gateway", expiresAt: expiresAt.toISOString() } },
    });
    const audited = asText(events[0]);
    expect(audited).not.toContain(result.key);
    expect(audited).not.toContain(secretOf(result.key));
  });

  it("takes a form's fields: scopes as comma-separated text and empty optional fields as none", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const result = await createKey(actor, tenant.id, { scopes: "flags:read,proxy,proxy", projectId: "", product: "", expiresAt: "" });
    expect(await keyRow(result.id)).toMatchObject({ scopes: ["proxy", "flags:read"], projectId: null, product: null, expiresAt: null });
  });

  it.each([
    ["name", "empty", { name: "   " }],
    ["name", "longer than 100 characters", { name: "x".repeat(101) }],
    ["scopes", "empty", { scopes: [] }],
    ["scopes", "missing", { scopes: undefined }],
    ["scopes", "with an unknown scope", { scopes: ["proxy", "admin"] }],
    ["product", "not in the catalog", { product: "teleport" }],
    ["expiresAt", "in the past", { expiresAt: new Date(Date.now() - DAY).toISOString() }],
    ["expiresAt", "not a date", { expiresAt: "next tuesday" }],
    ["projectId", "not an id", { projectId: "support-bot" }],
  ])("refuses a %s %s: validation on that field, nothing written", async (field, _, override) => {
    const { tenant, actor } = await tenantWith("owner");
    const result = await createApiKey(actor, { tenantId: tenant.id, name: "Production", scopes: ["proxy"], ...override });
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    expect(!result.ok && result.fieldErrors?.[field]?.length).toBeTruthy();
    expect(await keysOf(tenant.id)).toEqual([]);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("names the unknown scope and the allowed ones", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const result = await createApiKey(actor, { tenantId: tenant.id, name: "K", scopes: ["proxy", "admin"] });
    expect(!result.ok && result.fieldErrors?.scopes).toEqual(['Unknown scope "admin": choose from proxy, usage:read, usage:write, flags:read.']);
  });

  it.each([
    ["another tenant's project", async () => (await db.tenantProject.create({ data: { tenantId: (await tenantFor(db)).id, name: "Theirs", slug: "theirs" } })).id],
    ["an archived project", async (tenantId: string) => (await db.tenantProject.create({ data: { tenantId, name: "Old", slug: "old", status: "archived" } })).id],
    ["a project that does not exist", async () => randomUUID()],
  ])("refuses %s: validation on projectId, nothing written", async (_, projectFor) => {
    const { tenant, actor } = await tenantWith("owner");
    const projectId = await projectFor(tenant.id);
    const result = await createApiKey(actor, { tenantId: tenant.id, name: "Production", scopes: ["proxy"], projectId });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { projectId: ["Choose one of this tenant's active projects."] } });
    expect(await keysOf(tenant.id)).toEqual([]);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("draws another key when the prefix is in force on another key, and reuses a revoked key's prefix", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const first = await createKey(actor, tenant.id, { name: "First" });

    forcedPrefixes.push(first.prefix);
    const second = await createKey(actor, tenant.id, { name: "Second" });
    expect(second.prefix).not.toBe(first.prefix);
    expect(parseKey(second.key)).toEqual({ prefix: second.prefix });
    expect(await verify((await keyRow(second.id)).hash, second.key)).toBe(true);
    expect((await auditOf(second.id)).map((e) => e.action)).toEqual(["api_key.created"]);

    expect(await revokeApiKey(actor, { tenantId: tenant.id, keyId: first.id })).toMatchObject({ ok: true });
    forcedPrefixes.push(first.prefix);
    expect((await createKey(actor, tenant.id, { name: "Third" })).prefix).toBe(first.prefix);
  });

  it("gives up with a conflict when the second key collides too, writing nothing", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const first = await createKey(actor, tenant.id, { name: "First" });
    const auditBefore = await db.auditLog.count({ where: { tenantId: tenant.id } });
    forcedPrefixes.push(first.prefix, first.prefix);
    expect(await createApiKey(actor, { tenantId: tenant.id, name: "Second", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "conflict" });
    expect((await keysOf(tenant.id)).map((k) => k.name)).toEqual(["First"]);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(auditBefore);
  });

  it("refuses a key in an archived tenant, even for an admin", async () => {
    const tenant = await tenantFor(db, { status: "archived" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await createApiKey(admin, { tenantId: tenant.id, name: "K", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await keysOf(tenant.id)).toEqual([]);
  });
});

describe("the database never holds a plaintext key", () => {
  it("has no key, nor the secret part of one, in any column of api_keys or audit_log after creates and rolls", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Bot", slug: "bot" } });
    const keys = [
      await createKey(actor, tenant.id, { name: "Production", scopes: ["proxy", "usage:write"] }),
      await createKey(actor, tenant.id, { name: "Analytics", scopes: ["usage:read"], projectId: project.id, product: "analytics" }),
      await createKey(actor, tenant.id, { name: "Flags", scopes: ["flags:read"], expiresAt: new Date(Date.now() + 9 * DAY).toISOString() }),
    ];
    keys.push(await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: keys[0].id, grace: "1h" })));
    keys.push(await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: keys[1].id, grace: "none" })));
    expect(await revokeApiKey(actor, { tenantId: tenant.id, keyId: keys[2].id })).toMatchObject({ ok: true });

    const rows = [
      ...(await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(t)::text AS row FROM api_keys t`),
      ...(await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(t)::text AS row FROM audit_log t`),
    ].map((r) => r.row);
    // the scan sees this test's rows: their prefixes are there, their keys are not
    for (const { key, prefix } of keys) {
      expect(rows.some((row) => row.includes(prefix))).toBe(true);
      for (const row of rows) {
        expect(row).not.toContain(key);
        expect(row).not.toContain(secretOf(key));
      }
    }
  });
});

describe("revoking a key", () => {
  it("sets revoked_at with one audit event, then answers a second revoke with a conflict", async () => {
    const { tenant, actor } = await tenantWith("member");
    const key = await createKey(actor, tenant.id);

    const result = await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id });
    expect(result).toMatchObject({ ok: true });
    const row = await keyRow(key.id);
    expect(row.revokedAt).toBeInstanceOf(Date);
    const events = await auditOf(key.id);
    expect(events.map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
    expect(events[1]).toMatchObject({
      tenantId: tenant.id, actorId: actor.id, targetType: "api_key", targetName: "Production", isFailure: false,
      metadata: { prefix: key.prefix, before: { revokedAt: null }, after: { revokedAt: row.revokedAt!.toISOString() } },
    });

    const again = await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id });
    expect(again).toMatchObject({ ok: false, kind: "conflict" });
    expect(!again.ok && again.message).toContain("already revoked");
    expect((await keyRow(key.id)).revokedAt).toEqual(row.revokedAt);
    expect(await auditOf(key.id)).toHaveLength(2);
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
    expect((await auditOf(key.id)).map((e) => e.isFailure)).toEqual([false, true, true]);
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

    const events = await auditOf(old.id);
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
    expect(await auditOf(successor.id)).toEqual([]);

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
    expect((await auditOf(old.id))[1].metadata).toMatchObject({ grace: "none", oldKeyRevokedAt: rolled.revokedAt!.toISOString() });
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

describe("who may manage keys", () => {
  it("refuses a viewer to create, revoke and roll: forbidden, a failure audit row each, nothing changed", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const key = await createKey(owner, tenant.id);
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });

    expect(await createApiKey(viewer, { tenantId: tenant.id, name: "Mine", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await revokeApiKey(viewer, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rollApiKey(viewer, { tenantId: tenant.id, keyId: key.id, grace: "none" })).toMatchObject({ ok: false, kind: "forbidden" });

    expect((await failuresOf(viewer)).map((e) => [e.action, e.tenantId])).toEqual([
      ["api_key.create", tenant.id], ["api_key.revoke", tenant.id], ["api_key.create", tenant.id],
    ]);
    expect((await keysOf(tenant.id)).map((k) => [k.id, k.revokedAt, k.rolledToId, k.expiresAt])).toEqual([[key.id, null, null, null]]);
  });

  it("lets a member create, roll and revoke keys", async () => {
    const { tenant, actor: member } = await tenantWith("member");
    const key = await createKey(member, tenant.id);
    const successor = await issued(rollApiKey(member, { tenantId: tenant.id, keyId: key.id, grace: "24h" }));
    expect(await revokeApiKey(member, { tenantId: tenant.id, keyId: successor.id })).toMatchObject({ ok: true });
  });

  it("lets admin staff manage any tenant's keys, and refuses sales and support staff and other tenants' owners", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const key = await createKey(owner, tenant.id);
    const admin = await actorFor(db, { staffRole: "admin" });
    const byAdmin = await createKey(admin, tenant.id, { name: "By admin" });
    expect((await keyRow(byAdmin.id)).createdById).toBe(admin.id);

    const refused = [
      await actorFor(db, { staffRole: "sales" }),
      await actorFor(db, { staffRole: "support" }),
      (await tenantWith("owner")).actor,
    ];
    for (const actor of refused) {
      expect(await createApiKey(actor, { tenantId: tenant.id, name: "Not mine", scopes: ["proxy"] })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await revokeApiKey(actor, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await rollApiKey(actor, { tenantId: tenant.id, keyId: key.id, grace: "none" })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await failuresOf(actor)).toHaveLength(3);
    }
    expect((await keysOf(tenant.id)).map((k) => [k.name, k.revokedAt, k.rolledToId])).toEqual([["Production", null, null], ["By admin", null, null]]);
  });

  it("refuses the owner of a frozen tenant, saying it is frozen", async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const key = await rawKey(tenant.id, { name: "Old" });

    const result = await createApiKey(owner, { tenantId: tenant.id, name: "New", scopes: ["proxy"] });
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(!result.ok && result.message).toContain("frozen");
    expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rollApiKey(owner, { tenantId: tenant.id, keyId: key.id, grace: "1h" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await keysOf(tenant.id)).map((k) => [k.name, k.revokedAt, k.rolledToId])).toEqual([["Old", null, null]]);
  });
});

describe("the key-change channel", () => {
  /** A separate connection LISTENing on the channel; each message is kept with what that connection sees of the key on arrival. */
  async function listening(work: (received: () => { keyId: string; revokedAt: Date | null; rolledToId: string | null }[]) => Promise<void>) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const settled: { keyId: string; revokedAt: Date | null; rolledToId: string | null }[] = [];
    client.on("notification", (message) => {
      const payload = JSON.parse(message.payload ?? "{}") as { id?: string };
      if (message.channel !== CONFIG_EVENTS_CHANNEL || !payload.id) return;
      const keyId = payload.id;
      // queued on this connection behind nothing else: it reads the key as committed when the message came
      void client
        .query<{ revoked_at: Date | null; rolled_to_id: string | null }>("SELECT revoked_at, rolled_to_id FROM api_keys WHERE id = $1", [keyId])
        .then(({ rows }) => settled.push({ keyId, revokedAt: rows[0]?.revoked_at ?? null, rolledToId: rows[0]?.rolled_to_id ?? null }));
    });
    await client.query(`LISTEN ${CONFIG_EVENTS_CHANNEL}`);
    try {
      await work(() => settled);
    } finally {
      await client.end();
    }
  }

  /** Waits until a message about `keyId` has arrived (messages arrive in commit order, so earlier ones are in too). */
  async function arrival(received: () => { keyId: string }[], keyId: string) {
    await vi.waitFor(() => expect(received().map((m) => m.keyId)).toContain(keyId), { timeout: 5_000, interval: 20 });
  }

  it("sends { keyId } when a revoke commits, and nothing when a revoke is refused", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const key = await createKey(owner, tenant.id, { name: "Revoked" });
    const sentinel = await createKey(owner, tenant.id, { name: "Sentinel" });

    await listening(async (received) => {
      const mine = () => received().filter((m) => m.keyId === key.id || m.keyId === sentinel.id);
      expect(await revokeApiKey(viewer, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: true });
      await arrival(received, key.id);
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "conflict" });
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: sentinel.id })).toMatchObject({ ok: true });
      await arrival(received, sentinel.id);

      // one message per committed revoke, none for the refused ones; each sees its revoke already committed
      expect(mine().map((m) => m.keyId)).toEqual([key.id, sentinel.id]);
      for (const message of mine()) expect(message.revokedAt).toBeInstanceOf(Date);
    });
  });

  it("sends the old key's id when a key is rolled", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const old = await createKey(actor, tenant.id);
    await listening(async (received) => {
      const successor = await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: old.id, grace: "1h" }));
      await arrival(received, old.id);
      expect(received().filter((m) => m.keyId === old.id)).toEqual([{ keyId: old.id, revokedAt: null, rolledToId: successor.id }]);
    });
  });
});
