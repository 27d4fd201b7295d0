// POST /api/v1/keys/verify over real HTTP against the real database: its answers, and the edges of the request
// (the refusals before any work: refusals.test.ts; the cache: verify-cache.test.ts).
import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { generateKey } from "@/lib/domain/keys/format";
import { createApiKey, rollApiKey } from "@/lib/domain/keys/service";
import type { Gateway } from "@/lib/gateway/server";
import { actorFor, tenantFor } from "../support/actors";
import { issued } from "../support/keys";
import { call, db, eventually, gatewayForFile, keyFor, mistyped, sameLookup, startGateway, TOKEN, verify } from "./support";

let url: string;
let gateway: Gateway;
gatewayForFile((started) => ({ gateway, url } = started));

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
      await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: old.id });
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
