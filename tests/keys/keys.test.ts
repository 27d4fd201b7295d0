// API keys through their service, on real PostgreSQL: what creating one stores (a hash, never the key) and audits.
// Revoking and rolling, who may manage keys and the NOTIFY to the gateway's caches have files of their own.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { createApiKey, revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { generateKey, parseKey } from "../../lib/domain/keys/format";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";
import { asText, createKey, DAY, db, keyRow, keysOf, rawKey, secretOf, tenantWith } from "./key-support";
import { auditOf } from "../support/audit";

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

afterEach(() => {
  forcedPrefixes.length = 0;
});
afterAll(() => db.$disconnect());

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

    const events = await auditOf(db, { targetId: result.id });
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
    expect((await auditOf(db, { targetId: second.id })).map((e) => e.action)).toEqual(["api_key.created"]);

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

describe("a key's name among the tenant's keys in force", () => {
  it("is refused on name when a live key has it, whatever its case, inside the transaction", async () => {
    const { tenant, actor } = await tenantWith();
    await createKey(actor, tenant.id, { name: "Production" });
    const again = await createApiKey(actor, { tenantId: tenant.id, name: " production ", scopes: ["proxy"] });
    expect(again).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { name: [expect.stringContaining("already named Production")] } });
    expect((await keysOf(tenant.id)).map((k) => k.name)).toEqual(["Production"]);
    expect(await createApiKey(actor, { tenantId: tenant.id, name: "Prod_ction", scopes: ["proxy"] })).toMatchObject({ ok: true }); // _ is no wildcard
  });

  it("two creates of one name at once give one key", async () => {
    const { tenant, actor } = await tenantWith();
    const results = await Promise.all([1, 2].map(() => createApiKey(actor, { tenantId: tenant.id, name: "Twin", scopes: ["proxy"] })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await keysOf(tenant.id)).filter((k) => k.name === "Twin")).toHaveLength(1);
  });

  it("is free again once that key is revoked or expired, and a roll's successor keeps it", async () => {
    const { tenant, actor } = await tenantWith();
    const revoked = await createKey(actor, tenant.id, { name: "Revoked one" });
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await rawKey(tenant.id, { name: "Expired one", expiresAt: new Date(Date.now() - DAY) });
    expect(await createApiKey(actor, { tenantId: tenant.id, name: "Revoked one", scopes: ["proxy"] })).toMatchObject({ ok: true });
    expect(await createApiKey(actor, { tenantId: tenant.id, name: "Expired one", scopes: ["proxy"] })).toMatchObject({ ok: true });

    const rolled = await createKey(actor, tenant.id, { name: "Rolled" });
    expect(await rollApiKey(actor, { tenantId: tenant.id, keyId: rolled.id, grace: "24h" })).toMatchObject({ ok: true });
    expect((await keysOf(tenant.id)).filter((k) => k.name === "Rolled")).toHaveLength(2);
  });
});
