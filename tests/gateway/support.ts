// What the gateway's HTTP tests share: a gateway on the test database, calls to its verify route, keys made
// straight in the database, and keys that look right but are not.
import { hash } from "@node-rs/argon2";
import { crc32 } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { generateKey } from "@/lib/domain/keys/format";
import type { ConcurrencyLimit } from "@/lib/gateway/concurrency";
import { createGatewayServer, type Gateway, type GatewayOptions } from "@/lib/gateway/server";
import { testDatabaseUrl, testPrisma } from "../support/database";

export const TOKEN = "gateway-test-token-0123456789-abcdefghijklmnop";
export const db = testPrisma();
const running: Gateway[] = [];

export async function startGateway(options: Partial<GatewayOptions> = {}): Promise<{ gateway: Gateway; url: string }> {
  // a generous failure limit, except where a test is about the limit
  const gateway = createGatewayServer({ databaseUrl: testDatabaseUrl(), serviceToken: TOKEN, failuresPerMinute: 10_000, log: () => {}, ...options });
  running.push(gateway);
  return { gateway, url: await gateway.listen(0) };
}

/** One gateway for a file's tests: started before them all and handed to `use`; closed after them with the rest. */
export function gatewayForFile(use: (started: { gateway: Gateway; url: string }) => void): void {
  beforeAll(async () => use(await startGateway()));
  afterAll(closeAll);
}

/** Closes every gateway started, and the test's database client. */
export async function closeAll(): Promise<void> {
  await Promise.all(running.map((g) => g.close()));
  await db.$disconnect();
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(url: string, { body, token = TOKEN, headers = {} }: { body: string; token?: string | null; headers?: Record<string, string> }): Promise<Reply> {
  const response = await fetch(`${url}/api/v1/keys/verify`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    body,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export const verify = (url: string, key: string, headers: Record<string, string> = {}) => call(url, { body: JSON.stringify({ key }), headers });

/** Sends `key` for the end client `clientAddress`. */
export const forClient = (url: string, clientAddress: string, key: string) => call(url, { body: JSON.stringify({ key, clientAddress }) });

/**
 * Takes a turn of `limit` and keeps it until the returned function is called (which resolves once the turn has
 * passed on): what the gateway's lookups wait for then is under the test's control, with no timing involved.
 */
export function holdTurn(limit: ConcurrencyLimit): () => Promise<void> {
  let release = () => {};
  const held = limit.run(() => new Promise<void>((done) => (release = done)));
  return () => {
    release();
    return held;
  };
}

/** The first `count` of `replies` to arrive, in the order they came. */
export function firstReplies(replies: Promise<Reply>[], count: number): Promise<Reply[]> {
  const arrived: Reply[] = [];
  return new Promise((done, fail) => {
    for (const reply of replies) {
      reply.then((settled) => {
        arrived.push(settled);
        if (arrived.length === count) done(arrived);
      }, fail);
    }
  });
}

/** Stands Date still in each test of the calling describe block: the failure limiters' clock, so no token refills. */
export function standDateStill(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** A key row made straight in the database. */
export async function keyFor(tenantId: string, data: { expiresAt?: Date; revokedAt?: Date; projectId?: string; product?: string } = {}) {
  const { key, prefix } = generateKey();
  const row = await db.apiKey.create({ data: { tenantId, name: "test key", prefix, hash: await hash(key), scopes: ["proxy", "usage:write"], ...data } });
  return { key, row };
}

/** Polls `check` until it holds; returns how many ms that took (fails after `withinMs`). */
export async function eventually(check: () => Promise<boolean>, withinMs = 1000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`still not true after ${withinMs} ms`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return Date.now() - started;
}

/**
 * Another well-formed key with the same lookup prefix as `key` (a new secret, its checksum recomputed): what
 * anyone can mint who has seen a key's lookup id, and what costs the gateway a query and argon2 to refuse.
 */
export function sameLookup(key: string): string {
  const body = key.slice(0, 13) + generateKey().key.slice(13, 45);
  let n = crc32(body);
  let checksum = "";
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) checksum = BASE62[n % 62] + checksum;
  return body + checksum;
}
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Changes one character of a key so that its checksum no longer matches. */
export const mistyped = (key: string) => key.slice(0, 20) + (key[20] === "a" ? "b" : "a") + key.slice(21);
