// The gateway refuses before it works: failure limits per end client and per source address, checked before
// the cache, the database or argon2 are asked; a bounded argon2 queue that sheds with 503; unknown keys that
// cannot evict live ones from the cache; and the trusted proxy that says which address a request came from.
import { afterAll, describe, expect, it } from "vitest";
import { generateKey } from "@/lib/domain/keys/format";
import { ConcurrencyLimit } from "@/lib/gateway/concurrency";
import { tenantFor } from "../support/actors";
import { call, closeAll, db, keyFor, mistyped, sameLookup, startGateway, verify } from "./support";

afterAll(closeAll);

const forClient = (url: string, clientAddress: string, key: string) => call(url, { body: JSON.stringify({ key, clientAddress }) });

describe("failure rate limiting", () => {
  it("answers 429 with Retry-After past 30 invalid keys a minute from one end client, and only to that client", async () => {
    const { url: limited } = await startGateway({ failuresPerMinute: 30 });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const malformed = mistyped(key);

    for (let i = 0; i < 30; i++) expect((await forClient(limited, "203.0.113.7", malformed)).status).toBe(200);
    const refused = await forClient(limited, "203.0.113.7", malformed);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(2);
    expect((await forClient(limited, "203.0.113.7", generateKey().key)).status).toBe(429); // an unknown key counts too
    // refused before its key is looked at: the client has been guessing, and a valid key waits its turn too
    expect((await forClient(limited, "203.0.113.7", key)).status).toBe(429);

    // the same caller, for another end client, for none, and with a valid key, still gets its answers
    expect(await forClient(limited, "203.0.113.8", malformed)).toMatchObject({ status: 200, body: { valid: false, code: "malformed" } });
    for (let i = 0; i < 40; i++) expect((await verify(limited, malformed)).status).toBe(200);
    expect(await forClient(limited, "203.0.113.8", key)).toMatchObject({ status: 200, body: { valid: true } });
    expect(await verify(limited, key)).toMatchObject({ status: 200, body: { valid: true } });
  });

  it("answers verify over the limit 429 with no cache lookup, no database query and no argon2 call", async () => {
    const { gateway, url } = await startGateway({ failuresPerMinute: 3 });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    // keys anyone can mint from a visible lookup id: each one a query and an argon2 run to refuse
    for (let i = 0; i < 3; i++) expect(await forClient(url, "198.51.100.20", sameLookup(key))).toMatchObject({ status: 200, body: { code: "not_found" } });
    expect(gateway.stats.argon2Verifications).toBe(3);
    const before = { ...gateway.stats };

    for (const candidate of [sameLookup(key), generateKey().key, key, mistyped(key)]) {
      const refused = await forClient(url, "198.51.100.20", candidate);
      expect(refused).toMatchObject({ status: 429, body: { error: "rate_limited" } });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(gateway.stats).toEqual(before);
  });

  it("limits requests without the service token per source address, before any work", async () => {
    const { gateway, url: direct } = await startGateway({ failuresPerMinute: 3 });
    const body = JSON.stringify({ key: generateKey().key });
    const guess = (ip: string) => call(direct, { body, token: "wrong", headers: { "x-forwarded-for": `198.51.100.7, ${ip}` } });

    // no proxy is trusted by default: every guess comes from this test's own address, whatever the header says
    for (let i = 0; i < 3; i++) expect((await guess(`203.0.113.${i}`)).status).toBe(401);
    const refused = await guess("203.0.113.99");
    expect(refused).toMatchObject({ status: 429, body: { error: "rate_limited" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const usage = await fetch(`${direct}/api/v1/usage`, { method: "POST", headers: { authorization: "Bearer wrong" }, body: "{}" });
    expect(usage.status).toBe(429); // the usage route's 401s share the address's bucket
    expect(gateway.stats).toMatchObject({ cacheHits: 0, cacheMisses: 0, dbQueries: 0, argon2Verifications: 0 });
    // the caller with the token, from that same address, still gets its answers
    expect(await call(direct, { body })).toMatchObject({ status: 200, body: { valid: false, code: "not_found" } });
  });

  it("takes the source address from the trusted proxy's entry, in the header configured", async () => {
    const { url: oneHop } = await startGateway({ failuresPerMinute: 3, trustedProxy: { hops: 1, header: "x-forwarded-for" } });
    const { url: realIp } = await startGateway({ failuresPerMinute: 3, trustedProxy: { hops: 1, header: "x-real-ip" } });
    const body = JSON.stringify({ key: generateKey().key });
    const guess = (url: string, headers: Record<string, string>) => call(url, { body, token: "wrong", headers });

    // the entries before the proxy's own are the client's say: changing them changes nothing
    for (let i = 0; i < 3; i++) expect((await guess(oneHop, { "x-forwarded-for": `198.51.100.${i}, 203.0.113.1` })).status).toBe(401);
    expect((await guess(oneHop, { "x-forwarded-for": "198.51.100.9, 203.0.113.1" })).status).toBe(429);
    expect((await guess(oneHop, { "x-forwarded-for": "203.0.113.2" })).status).toBe(401);

    for (let i = 0; i < 3; i++) expect((await guess(realIp, { "x-real-ip": "203.0.113.1", "x-forwarded-for": `198.51.100.${i}` })).status).toBe(401);
    expect((await guess(realIp, { "x-real-ip": "203.0.113.1" })).status).toBe(429);
    expect((await guess(realIp, { "x-real-ip": "203.0.113.2" })).status).toBe(401);
  });
});

describe("argon2 concurrency", () => {
  it("sheds a cache miss with 503 and Retry-After while argon2's queue is full, and answers cached keys meanwhile", async () => {
    // one verification at a time, none waiting; the test holds the one turn itself
    const argon2Limit = new ConcurrencyLimit(1, 0);
    const { gateway, url } = await startGateway({ argon2Limit });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    expect((await verify(url, key)).body).toMatchObject({ valid: true }); // cached
    let release = () => {};
    const held = argon2Limit.run(() => new Promise<void>((done) => (release = done)));

    const shed = await verify(url, sameLookup(key));
    expect(shed).toMatchObject({ status: 503, body: { error: "unavailable" } });
    expect(shed.headers.get("retry-after")).toBe("1");
    expect(gateway.stats.shed).toBe(1);
    expect(await verify(url, key)).toMatchObject({ status: 200, body: { valid: true } });
    expect(await verify(url, generateKey().key)).toMatchObject({ status: 200, body: { code: "not_found" } }); // no row: no argon2

    release();
    await held;
    expect(await verify(url, sameLookup(key))).toMatchObject({ status: 200, body: { code: "not_found" } });
    expect(gateway.stats.shed).toBe(1);
  });
});

describe("the OpenAPI document", () => {
  it("describes the shed 503 with Retry-After, and the limits as per instance", async () => {
    const { url } = await startGateway();
    const document = await (await fetch(`${url}/api/v1/openapi.json`)).json();
    const responses = document.paths["/api/v1/keys/verify"].post.responses;
    expect(responses["503"].headers["Retry-After"]).toBeDefined();
    expect(responses["503"].description).toMatch(/waiting/);
    expect(responses["429"].description).toMatch(/per instance/);
    expect(document.paths["/api/v1/usage"].post.responses["429"].description).toMatch(/per instance/);
  });
});

describe("the verification cache under a flood of unknown keys", () => {
  it("keeps the keys it found: unknown ones are remembered apart", async () => {
    const { gateway, url } = await startGateway({ cacheMaxEntries: 20, negativeCacheMaxEntries: 5 });
    const tenant = await tenantFor(db);
    const live = [await keyFor(tenant.id), await keyFor(tenant.id)];
    for (const { key } of live) expect((await verify(url, key)).body).toMatchObject({ valid: true });

    const flood = Array.from({ length: 100 }, () => generateKey().key);
    for (const unknown of flood) expect((await verify(url, unknown)).body).toEqual({ valid: false, code: "not_found" });
    const before = { ...gateway.stats };
    for (const { key } of live) expect((await verify(url, key)).body).toMatchObject({ valid: true });

    expect(gateway.stats.cacheHits - before.cacheHits).toBe(2);
    expect(gateway.stats.argon2Verifications).toBe(before.argon2Verifications);
    expect(gateway.stats.dbQueries).toBe(before.dbQueries);
    // and the unknown ones are still remembered, up to their own bound
    await verify(url, flood.at(-1)!);
    expect(gateway.stats.dbQueries).toBe(before.dbQueries);
  });
});
