// The configuration events channel: the payload { kind, tenantId, id } a service NOTIFYs, read back by the
// gateway, and a NOTIFY that is no event, on which the gateway logs and drops its cache (it may have meant a revocation).
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_EVENTS_CHANNEL, notifyConfigEvent, parseConfigEvent } from "@/lib/db/config-events";
import { tenantFor } from "../support/actors";
import { closeAll, db, eventually, keyFor, startGateway, verify } from "./support";

afterAll(closeAll);

const TENANT = "7f1c2a4e-93b0-4c8e-9a51-0d6b2f3e8c17";

describe("parseConfigEvent", () => {
  it("reads back an event of one thing and a tenant-wide one", () => {
    expect(parseConfigEvent(JSON.stringify({ kind: "api_key", tenantId: TENANT, id: "k1" }))).toEqual({ kind: "api_key", tenantId: TENANT, id: "k1" });
    expect(parseConfigEvent(JSON.stringify({ kind: "api_key", tenantId: TENANT, id: null }))).toEqual({ kind: "api_key", tenantId: TENANT, id: null });
  });

  it("answers null for anything else", () => {
    const payloads = [
      undefined, "", "not json", "null", "[]", "42", JSON.stringify({ keyId: "k1" }), JSON.stringify({ tenantId: TENANT }),
      JSON.stringify({ kind: "routing_rule", tenantId: TENANT, id: null }), JSON.stringify({ kind: "api_key", id: "k1" }),
      JSON.stringify({ kind: "api_key", tenantId: TENANT }), JSON.stringify({ kind: "api_key", tenantId: 7, id: null }),
      JSON.stringify({ kind: "api_key", tenantId: TENANT, id: 7 }), JSON.stringify({ kind: "api_key", tenantId: "", id: "" }),
    ];
    for (const payload of payloads) expect(parseConfigEvent(payload)).toBeNull();
  });
});

describe("the gateway's listener", () => {
  it("logs a NOTIFY that is no event and drops its cache, and still evicts on the next event", async () => {
    const lines: string[] = [];
    const { gateway, url } = await startGateway({ log: (line) => lines.push(line) });
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    for (let i = 0; i < 2; i++) expect((await verify(url, key)).body).toMatchObject({ valid: true }); // cached

    const malformed = ["not json", "null", JSON.stringify({ keyId: row.id }), JSON.stringify({ kind: "flag", tenantId: tenant.id, id: null })];
    for (const payload of malformed) await db.$executeRaw`SELECT pg_notify(${CONFIG_EVENTS_CHANNEL}, ${payload})`;
    await eventually(async () => lines.filter((line) => line.startsWith("dropped the cache on a configuration event")).length === malformed.length);
    const argon2 = gateway.stats.argon2Verifications;
    expect((await verify(url, key)).body).toMatchObject({ valid: true });
    expect(gateway.stats.argon2Verifications).toBe(argon2 + 1); // verified afresh: the cache was dropped
    expect((await verify(url, key)).body).toMatchObject({ valid: true });
    expect(gateway.stats.argon2Verifications).toBe(argon2 + 1); // and caching again

    await db.$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
      await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: row.id });
    });
    expect(await eventually(async () => (await verify(url, key)).body.code === "revoked")).toBeLessThan(1000);
  });
});
