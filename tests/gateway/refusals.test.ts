// The gateway refuses before it works: failure limits per end client and per source address, checked before
// the cache, the database or argon2 are asked; an end client's lookups paid for as they start; bounded queues for
// database connections and argon2 that shed with 503; unknown keys that cannot evict live ones from the cache;
// and the trusted proxy that says which address a request came from.
import { afterAll, describe, expect, it } from "vitest";
import { generateKey } from "@/lib/domain/keys/format";
import { ConcurrencyLimit } from "@/lib/gateway/concurrency";
import { tenantFor } from "../support/actors";
import { call, closeAll, db, eventually, firstReplies, forClient, holdTurn, keyFor, mistyped, sameLookup, standDateStill, startGateway, verify } from "./support";

afterAll(closeAll);

describe("failure rate limiting", () => {
  // a token refilled while a loaded machine sends the requests would let one through
  standDateStill();

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

describe("the queues a lookup waits in", () => {
  it.each([
    // past argon2's queue, an unknown lookup id (no row, so no argon2) is still answered
    { queue: "argon2", option: "argon2Limit", needsIt: sameLookup, needsItNot: () => generateKey().key, code: "not_found" },
    { queue: "a database connection", option: "lookupLimit", needsIt: () => generateKey().key, needsItNot: mistyped, code: "malformed" },
  ] as const)("sheds a cache miss that waits for $queue with 503 and Retry-After while the queue is full, and answers the rest meanwhile", async ({ option, needsIt, needsItNot, code }) => {
    // one at a time, none waiting; the test holds the one turn itself
    const limit = new ConcurrencyLimit(1, 0);
    const { gateway, url } = await startGateway({ [option]: limit });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    expect((await verify(url, key)).body).toMatchObject({ valid: true }); // cached
    const release = holdTurn(limit);

    const shed = await verify(url, needsIt(key));
    expect(shed).toMatchObject({ status: 503, body: { error: "unavailable" } });
    expect(shed.headers.get("retry-after")).toBe("1");
    expect(gateway.stats.shed).toBe(1);
    expect(await verify(url, key)).toMatchObject({ status: 200, body: { valid: true } });
    expect(await verify(url, needsItNot(key))).toMatchObject({ status: 200, body: { code } });

    await release();
    expect(await verify(url, needsIt(key))).toMatchObject({ status: 200, body: { code: "not_found" } });
    expect(gateway.stats.shed).toBe(1);
  });
});

describe("an end client's lookups, paid for as they start", () => {
  // no token comes back with time while a test counts them
  standDateStill();

  it("lets keys sent at once start no more lookups than the client has tokens left, and answers the rest 429", async () => {
    const argon2Limit = new ConcurrencyLimit(1, 100);
    const { gateway, url } = await startGateway({ failuresPerMinute: 5, argon2Limit });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const client = "198.51.100.30";
    for (let i = 0; i < 2; i++) expect(await forClient(url, client, mistyped(key))).toMatchObject({ status: 200, body: { code: "malformed" } });
    // 3 tokens left. The lookups that start find the key's row and wait for argon2, whose one turn the test holds.
    const release = holdTurn(argon2Limit);
    const sent = 20;
    const replies = Array.from({ length: sent }, () => forClient(url, client, sameLookup(key)));

    const refused = await firstReplies(replies, sent - 3);
    for (const reply of refused) {
      expect(reply).toMatchObject({ status: 429, body: { error: "rate_limited" } });
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect(gateway.stats.dbQueries).toBe(3);

    await release();
    const answered = (await Promise.all(replies)).filter((reply) => reply.status === 200);
    expect(answered.map((reply) => reply.body)).toEqual(Array(3).fill({ valid: false, code: "not_found" }));
    expect(gateway.stats).toMatchObject({ dbQueries: 3, argon2Verifications: 3 });
    // the three stayed paid for: the client has no token left
    expect((await forClient(url, client, mistyped(key))).status).toBe(429);
  });

  it("gives a valid key's token back, so that a client verifying valid keys is never limited", async () => {
    const argon2Limit = new ConcurrencyLimit(1, 100);
    const { gateway, url } = await startGateway({ failuresPerMinute: 2, argon2Limit });
    const tenant = await tenantFor(db);
    const keys = [];
    for (let i = 0; i < 4; i++) keys.push((await keyFor(tenant.id)).key);
    const client = "198.51.100.31";

    // four lookups, one after another, each paid for as it started and paid back
    for (const key of keys) expect(await forClient(url, client, key)).toMatchObject({ status: 200, body: { valid: true } });
    // cached now: those cost nothing either
    for (let i = 0; i < 5; i++) expect(await forClient(url, client, keys[0])).toMatchObject({ status: 200, body: { valid: true } });

    // more requests for one key at once than the client has tokens: one lookup, which the others join for free
    const fresh = (await keyFor(tenant.id)).key;
    const release = holdTurn(argon2Limit);
    const before = gateway.stats.cacheMisses;
    let answered = 0;
    const replies = Array.from({ length: 6 }, () => forClient(url, client, fresh).then((reply) => (answered++, reply)));
    // each has joined the lookup (a cache miss) or been answered already
    await eventually(async () => gateway.stats.cacheMisses - before + answered === 6, 30_000);
    await release();
    for (const reply of await Promise.all(replies)) expect(reply).toMatchObject({ status: 200, body: { valid: true } });

    // and the client still has both its failures
    for (let i = 0; i < 2; i++) expect((await forClient(url, client, mistyped(fresh))).status).toBe(200);
    expect((await forClient(url, client, mistyped(fresh))).status).toBe(429);
  });

  it("counts a shed 503 against the client, so that it cannot fill the queue again with each token that comes back", async () => {
    const argon2Limit = new ConcurrencyLimit(1, 0);
    const lookupLimit = new ConcurrencyLimit(1, 0);
    const { gateway, url } = await startGateway({ failuresPerMinute: 2, argon2Limit, lookupLimit });
    const tenant = await tenantFor(db);
    const { key } = await keyFor(tenant.id);
    const releaseArgon2 = holdTurn(argon2Limit);

    // shed for want of argon2
    const client = "198.51.100.32";
    for (let i = 0; i < 2; i++) {
      const shed = await forClient(url, client, sameLookup(key));
      expect(shed).toMatchObject({ status: 503, body: { error: "unavailable" } });
      expect(shed.headers.get("retry-after")).toBe("1");
    }
    expect(await forClient(url, client, sameLookup(key))).toMatchObject({ status: 429, body: { error: "rate_limited" } });
    expect(gateway.stats).toMatchObject({ shed: 2, dbQueries: 2 });
    await releaseArgon2();

    // shed for want of a database connection
    const other = "198.51.100.33";
    const releaseLookup = holdTurn(lookupLimit);
    for (let i = 0; i < 2; i++) expect((await forClient(url, other, generateKey().key)).status).toBe(503);
    expect((await forClient(url, other, generateKey().key)).status).toBe(429);
    expect(gateway.stats).toMatchObject({ shed: 4, dbQueries: 2 });
    await releaseLookup();

    // a third client, whose tokens are its own, is answered
    expect(await forClient(url, "198.51.100.34", key)).toMatchObject({ status: 200, body: { valid: true } });
  });
});

describe("the OpenAPI document", () => {
  it("describes the shed 503 with Retry-After, and the limits as per instance", async () => {
    const { url } = await startGateway();
    const document = await (await fetch(`${url}/api/v1/openapi.json`)).json();
    const responses = document.paths["/api/v1/keys/verify"].post.responses;
    expect(responses["503"].headers["Retry-After"]).toBeDefined();
    expect(responses["503"].description).toMatch(/waiting for a database connection/);
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
