// The gateway's verification cache over real HTTP: answers from memory, one lookup per burst, the TTL, and
// invalidation across instances by the configuration events channel (lib/db/config-events.ts).
import { describe, expect, it } from "vitest";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { generateKey } from "@/lib/domain/keys/format";
import { archiveTenant, changeTenantStatus } from "@/lib/domain/tenants/lifecycle";
import { LISTENER_APPLICATION_NAME } from "@/lib/gateway/invalidation";
import type { Gateway } from "@/lib/gateway/server";
import { actorFor, tenantFor } from "../support/actors";
import { withClient } from "../../lib/db/embedded";
import { testDatabaseUrl } from "../support/database";
import { db, eventually, gatewayForFile, keyFor, startGateway, verify } from "./support";

let url: string;
let gateway: Gateway;
gatewayForFile((started) => ({ gateway, url } = started));

describe("the verification cache", () => {
  it("remembers a key that does not exist for a while", async () => {
    const { key } = generateKey();
    const start = gateway.stats.dbQueries;
    await verify(url, key);
    await verify(url, key);
    expect(gateway.stats.dbQueries - start).toBe(1);
  });

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
      await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: row.id });
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
      await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: null });
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
      await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: row.id });
    });
    expect(await eventually(async () => (await verify(lonelyUrl, key)).body.code === "revoked")).toBeLessThan(1000);
  });
});
