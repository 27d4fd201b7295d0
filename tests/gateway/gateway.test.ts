// The gateway's verification API over real HTTP against the real database: answers, cache, invalidation
// across instances, last_used_at write-behind and the edges of the request (refusals: refusals.test.ts).
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyKeyEvent } from "@/lib/domain/keys/events";
import { generateKey } from "@/lib/domain/keys/format";
import { createApiKey, rollApiKey } from "@/lib/domain/keys/service";
import { archiveTenant, changeTenantStatus } from "@/lib/domain/tenants/lifecycle";
import { LISTENER_APPLICATION_NAME } from "@/lib/gateway/invalidation";
import type { Gateway } from "@/lib/gateway/server";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";
import { withClient } from "../../lib/db/embedded";
import { testDatabaseUrl } from "../support/database";
import { call, closeAll, db, eventually, keyFor, mistyped, sameLookup, startGateway, TOKEN, verify } from "./support";

let url: string;
let gateway: Gateway;

beforeAll(async () => {
  ({ gateway, url } = await startGateway());
});

afterAll(closeAll);

describe("POST /api/v1/keys/verify", () => {
  it("answers a valid key with its tenant, scopes, project, product and expiry", async () => {
    const tenant = await tenantFor(db);
    const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Web", slug: "web" } });
    const expiresAt = new Date(Date.now() + 86_400_000);
    const { key, row } = await keyFor(tenant.id, { projectId: project.id, product: "gateway", expiresAt });

    const reply = await verify(url, key);

    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.body).toEqual({
      valid: true, keyId: row.id, tenant: { id: tenant.id, slug: tenant.slug, status: "active" },
      scopes: ["proxy", "usage:write"], projectId: project.id, product: "gateway", expiresAt: expiresAt.toISOString(),
    });
  });

  it("answers revoked, expired, not_found, and revoked before expired", async () => {
    const tenant = await tenantFor(db);
    const revoked = await keyFor(tenant.id, { revokedAt: new Date() });
    const expired = await keyFor(tenant.id, { expiresAt: new Date(Date.now() - 1000) });
    const both = await keyFor(tenant.id, { revokedAt: new Date(), expiresAt: new Date(Date.now() - 1000) });

    expect((await verify(url, revoked.key)).body).toEqual({ valid: false, code: "revoked" });
    expect((await verify(url, expired.key)).body).toEqual({ valid: false, code: "expired" });
    expect((await verify(url, both.key)).body).toEqual({ valid: false, code: "revoked" });
    expect((await verify(url, generateKey().key)).body).toEqual({ valid: false, code: "not_found" });
  });

  it("tells a revoked key from a key in force that has the same lookup prefix", async () => {
    const tenant = await tenantFor(db);
    const active = await keyFor(tenant.id);
    const revokedKey = sameLookup(active.key);
    const revoked = await db.apiKey.create({ data: { tenantId: tenant.id, name: "old", prefix: active.row.prefix, hash: await hash(revokedKey), revokedAt: new Date() } });

    expect((await verify(url, revokedKey)).body).toEqual({ valid: false, code: "revoked" });
    expect((await verify(url, active.key)).body).toMatchObject({ valid: true, keyId: active.row.id });
    expect((await verify(url, sameLookup(active.key))).body).toEqual({ valid: false, code: "not_found" });
    expect(revoked.prefix).toBe(active.row.prefix);
  });

  it("answers a key rolled with grace 1h and its successor, and expired once the grace is over, checking the clock on cached entries", async () => {
    const tenant = await tenantFor(db);
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const old = await issued(createApiKey(owner, { tenantId: tenant.id, name: "Production", scopes: ["proxy"] }));
    expect((await verify(url, old.key)).body).toMatchObject({ valid: true, keyId: old.id, expiresAt: null }); // cached

    const successor = await issued(rollApiKey(owner, { tenantId: tenant.id, keyId: old.id, grace: "1h" }));
    const { expiresAt: graceEnds } = await db.apiKey.findUniqueOrThrow({ where: { id: old.id } });
    expect(graceEnds!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(await eventually(async () => (await verify(url, old.key)).body.expiresAt === graceEnds!.toISOString())).toBeLessThan(1000);
    expect((await verify(url, successor.key)).body).toMatchObject({ valid: true, keyId: successor.id, scopes: ["proxy"], expiresAt: null });

    // the grace period running out, sooner: its end moved by SQL (with the NOTIFY a moved expiry sends) to just ahead
    const soon = new Date(Date.now() + 1000);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE api_keys SET expires_at = ${soon} WHERE id = ${old.id}::uuid`;
      await notifyKeyEvent(tx, { keyId: old.id });
    });
    await eventually(async () => (await verify(url, old.key)).body.expiresAt === soon.toISOString());
    const argon2 = gateway.stats.argon2Verifications;
    await new Promise((ok) => setTimeout(ok, Math.max(0, soon.getTime() - Date.now() + 50)));

    expect((await verify(url, old.key)).body).toEqual({ valid: false, code: "expired" });
    expect((await verify(url, successor.key)).body).toMatchObject({ valid: true });
    expect(gateway.stats.argon2Verifications).toBe(argon2); // answered from the cache, against the clock
  });

  it("answers a key rolled with grace none revoked within a second, and its successor valid", async () => {
    const tenant = await tenantFor(db);
    const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const old = await issued(createApiKey(owner, { tenantId: tenant.id, name: "Production", scopes: ["proxy", "usage:write"] }));
    expect((await verify(url, old.key)).body).toMatchObject({ valid: true }); // cached

    const successor = await issued(rollApiKey(owner, { tenantId: tenant.id, keyId: old.id, grace: "none" }));

    expect(await eventually(async () => (await verify(url, old.key)).body.code === "revoked")).toBeLessThan(1000);
    expect((await verify(url, successor.key)).body).toMatchObject({ valid: true, keyId: successor.id, scopes: ["proxy", "usage:write"] });
  });

  it("answers tenant_frozen and tenant_archived, after revoked and expired", async () => {
    const frozen = await tenantFor(db, { status: "frozen" });
    const archived = await tenantFor(db, { status: "archived" });
    const inFrozen = await keyFor(frozen.id);
    const expiredInFrozen = await keyFor(frozen.id, { expiresAt: new Date(Date.now() - 1000) });
    const inArchived = await keyFor(archived.id);
    const revokedInArchived = await keyFor(archived.id, { revokedAt: new Date() });

    expect((await verify(url, inFrozen.key)).body).toEqual({ valid: false, code: "tenant_frozen" });
    expect((await verify(url, expiredInFrozen.key)).body).toEqual({ valid: false, code: "expired" });
    expect((await verify(url, inArchived.key)).body).toEqual({ valid: false, code: "tenant_archived" });
    expect((await verify(url, revokedInArchived.key)).body).toEqual({ valid: false, code: "revoked" });
  });

  it("answers valid for demo and trial tenants", async () => {
    for (const status of ["demo", "trial"] as const) {
      const tenant = await tenantFor(db, status === "demo" ? { status, kind: "demo" } : { status, trialEndsAt: new Date(Date.now() + 86_400_000) });
      const { key } = await keyFor(tenant.id);
      expect((await verify(url, key)).body).toMatchObject({ valid: true, tenant: { status } });
    }
  });

  it("answers a mistyped key malformed without any database work or cache lookup", async () => {
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const before = { ...gateway.stats };

    for (const bad of [mistyped(key), key.slice(0, -1), `${key}x`, "", "sk-live-123"]) {
      expect((await verify(url, bad)).body).toEqual({ valid: false, code: "malformed" });
    }
    expect((await call(url, { body: JSON.stringify({ key: 42 }) })).body).toEqual({ valid: false, code: "malformed" });
    expect(gateway.stats).toEqual(before);
  });

  it("answers malformed from a server whose database cannot be reached, and 503 for what needs it", async () => {
    const { url: offline } = await startGateway({ databaseUrl: "postgresql://gatehouse:nothing@127.0.0.1:9/none" });
    const { key } = generateKey();

    expect(await verify(offline, mistyped(key))).toMatchObject({ status: 200, body: { valid: false, code: "malformed" } });
    expect(await verify(offline, key)).toMatchObject({ status: 503, body: { error: "unavailable" } });
  });

  it("refuses a missing or wrong service token with 401", async () => {
    const body = JSON.stringify({ key: generateKey().key });
    for (const token of [null, "", "wrong", TOKEN.slice(0, -1) + "x", TOKEN + "x"]) {
      expect(await call(url, { body, token })).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    }
    const basic = await call(url, { body, token: null, headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(await call(url, { body, token: null, headers: { authorization: `bearer ${TOKEN}` } })).toMatchObject({ status: 200 });
  });

  it("refuses bodies that are too large, not JSON, or without a key", async () => {
    const large = await call(url, { body: JSON.stringify({ key: generateKey().key, padding: "x".repeat(5000) }) });
    expect(large).toMatchObject({ status: 413, body: { error: "body_too_large" } });
    const huge = await call(url, { body: JSON.stringify({ key: "x".repeat(2_000_000) }) });
    expect(huge).toMatchObject({ status: 413, body: { error: "body_too_large" } });
    expect(await call(url, { body: "key=gth_" })).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    expect(await call(url, { body: "" })).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    for (const body of ["{}", "null", "[1]", '"gth_"', JSON.stringify({ token: "gth_" })]) {
      expect(await call(url, { body })).toMatchObject({ status: 400, body: { error: "missing_key" } });
    }
    for (const clientAddress of [42, "", "x".repeat(65)]) {
      const body = JSON.stringify({ key: generateKey().key, clientAddress });
      expect(await call(url, { body })).toMatchObject({ status: 400, body: { error: "invalid_client_address" } });
    }
    expect(await call(url, { body: JSON.stringify({ key: generateKey().key, clientAddress: "x".repeat(64) }) })).toMatchObject({ status: 200 });
    // the connection is still usable after each refusal
    expect((await call(url, { body: JSON.stringify({ key: generateKey().key }) })).body).toEqual({ valid: false, code: "not_found" });
  });

  it("accepts a body of exactly 4 KB", async () => {
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const prefix = `{"key":"${key}","padding":"`;
    const body = prefix + "x".repeat(4096 - prefix.length - 2) + '"}';
    expect(Buffer.byteLength(body)).toBe(4096);
    expect(await call(url, { body })).toMatchObject({ status: 200, body: { valid: true } });
  });
});

describe("the verification cache", () => {
  it("answers a second verification from memory, without argon2", async () => {
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const start = { ...gateway.stats };

    const first = await verify(url, key);
    expect(gateway.stats.argon2Verifications - start.argon2Verifications).toBe(1);
    expect(gateway.stats.dbQueries - start.dbQueries).toBe(1);
    const second = await verify(url, key);

    expect(second.body).toEqual(first.body);
    expect(gateway.stats.argon2Verifications - start.argon2Verifications).toBe(1);
    expect(gateway.stats.dbQueries - start.dbQueries).toBe(1);
    expect(gateway.stats.cacheHits - start.cacheHits).toBe(1);
  });

  it("verifies a burst of concurrent first requests for one key with one argon2 run", async () => {
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const start = gateway.stats.argon2Verifications;

    const replies = await Promise.all(Array.from({ length: 20 }, () => verify(url, key)));

    expect(replies.every((reply) => reply.body.valid === true)).toBe(true);
    expect(gateway.stats.argon2Verifications - start).toBe(1);
  });

  it("remembers a key that does not exist for a while", async () => {
    const { key } = generateKey();
    const start = gateway.stats.dbQueries;
    await verify(url, key);
    await verify(url, key);
    expect(gateway.stats.dbQueries - start).toBe(1);
  });

  it("expires entries after the TTL", async () => {
    const { gateway: shortLived, url: short } = await startGateway({ cacheTtlMs: 200 });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    await verify(short, key);
    await verify(short, key);
    expect(shortLived.stats.argon2Verifications).toBe(1);
    await new Promise((ok) => setTimeout(ok, 250));
    await verify(short, key);
    expect(shortLived.stats.argon2Verifications).toBe(2);
  });

  it("revocation reaches a warm cache in a second instance within a second", async () => {
    const { gateway: other, url: otherUrl } = await startGateway();
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    for (const base of [url, otherUrl, url, otherUrl]) expect((await verify(base, key)).body).toMatchObject({ valid: true });
    expect(other.stats.cacheHits).toBeGreaterThanOrEqual(1); // warm

    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await notifyKeyEvent(tx, { keyId: row.id });
    });

    const revoked = async (base: string) => (await verify(base, key)).body.code === "revoked";
    const elapsed = await eventually(async () => (await revoked(url)) && (await revoked(otherUrl)));
    expect(elapsed).toBeLessThan(1000);
  });

  it("freezing the tenant reaches warm caches in both instances within a second, and reactivating it too", async () => {
    const { url: otherUrl } = await startGateway();
    const tenant = await tenantFor(db);
    const keys = [await keyFor(tenant.id), await keyFor(tenant.id)];
    for (const base of [url, otherUrl]) for (const { key } of keys) await verify(base, key);

    const setStatus = (status: "frozen" | "active") => db.$transaction(async (tx) => {
      await tx.tenant.update({ where: { id: tenant.id }, data: { status } });
      await notifyKeyEvent(tx, { tenantId: tenant.id });
    });
    const all = async (check: (body: Record<string, unknown>) => boolean) => {
      for (const base of [url, otherUrl]) for (const { key } of keys) if (!check((await verify(base, key)).body)) return false;
      return true;
    };

    await setStatus("frozen");
    expect(await eventually(() => all((body) => body.code === "tenant_frozen"))).toBeLessThan(1000);
    await setStatus("active");
    expect(await eventually(() => all((body) => body.valid === true))).toBeLessThan(1000);
  });

  it("freezing and archiving through the lifecycle services reach a warm cache within a second", async () => {
    const sales = await actorFor(db, { staffRole: "sales" });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    for (let i = 0; i < 2; i++) expect((await verify(url, key)).body).toMatchObject({ valid: true }); // cached
    const answered = (code: string) => async () => (await verify(url, key)).body.code === code;

    expect(await changeTenantStatus(sales, { tenantId: tenant.id, to: "frozen", reason: "invoices unpaid" })).toMatchObject({ ok: true });
    expect(await eventually(answered("tenant_frozen"))).toBeLessThan(1000);

    const archived = await archiveTenant(sales, { tenantId: tenant.id, confirmSlug: tenant.slug, reason: "contract ended" });
    expect(archived).toMatchObject({ ok: true });
    // archiving deletes the tenant's keys with the rest of its data: the cached tenant_frozen gives way to not_found
    expect(await eventually(answered("not_found"))).toBeLessThan(1000);
  });

  it("empties the cache when the key events connection is lost, and listens again after", async () => {
    const { gateway: lonely, url: lonelyUrl } = await startGateway();
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    await verify(lonelyUrl, key);
    await verify(lonelyUrl, key);
    expect(lonely.stats.argon2Verifications).toBe(1);

    // every gateway's listening connection: each must come back on its own
    await withClient(testDatabaseUrl(), (client) => client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [LISTENER_APPLICATION_NAME],
    ));
    await eventually(async () => {
      await verify(lonelyUrl, key);
      return lonely.stats.argon2Verifications >= 2; // the cache was emptied
    });
    // once it listens again, a revocation bites at once (and a cached entry would otherwise be served for a minute)
    await eventually(async () => {
      const before = lonely.stats.cacheHits;
      await verify(lonelyUrl, key);
      return lonely.stats.cacheHits > before;
    }, 5000);
    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await notifyKeyEvent(tx, { keyId: row.id });
    });
    expect(await eventually(async () => (await verify(lonelyUrl, key)).body.code === "revoked")).toBeLessThan(1000);
  });
});

describe("last_used_at", () => {
  it("is written once, behind, for many verifications of one key", async () => {
    const { gateway: writer, url: writerUrl } = await startGateway({ lastUsedFlushMs: 60_000 });
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    const started = Date.now();

    for (let i = 0; i < 25; i++) await verify(writerUrl, key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toBeNull();
    await writer.flushLastUsed();

    const used = (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(used!.getTime()).toBeGreaterThanOrEqual(started - 5);
    expect(writer.stats).toMatchObject({ lastUsedFlushes: 1, lastUsedRowsWritten: 1 });

    // used again within the minute: nothing to write
    for (let i = 0; i < 5; i++) await verify(writerUrl, key);
    await writer.flushLastUsed();
    expect(writer.stats).toMatchObject({ lastUsedFlushes: 2, lastUsedRowsWritten: 1 });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(used);
  });

  it("is written by the timer and on close, not for failures", async () => {
    const { gateway: timed, url: timedUrl } = await startGateway({ lastUsedFlushMs: 100 });
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    const revoked = await keyFor(tenant.id, { revokedAt: new Date() });
    await verify(timedUrl, key);
    await verify(timedUrl, revoked.key);
    await eventually(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt !== null);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: revoked.row.id } })).lastUsedAt).toBeNull();

    const { gateway: closing, url: closingUrl } = await startGateway({ lastUsedFlushMs: 60_000 });
    const other = await keyFor(tenant.id);
    await verify(closingUrl, other.key);
    await closing.close();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: other.row.id } })).lastUsedAt).not.toBeNull();
    void timed;
  });
});

describe("other routes", () => {
  it("serves health and the OpenAPI document without a token, and 404 JSON for anything else", async () => {
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const openapi = await fetch(`${url}/api/v1/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = await openapi.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.paths["/api/v1/keys/verify"].post.responses["200"]).toBeDefined();

    for (const [method, path] of [["GET", "/api/v1/keys/verify"], ["POST", "/api/v1/health"], ["GET", "/api/v2/health"], ["GET", "/"]]) {
      const response = await fetch(`${url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found" });
    }
  });
});
