// The gateway's HTTP entry for /api/v1: a plain node:http server, apart from Next, that shares lib/domain with
// the console. The verification hot path allocates little: the service token is compared by digest, answers
// come from the cache with their bodies already serialized, and last_used_at is written behind. It refuses before
// it works: a source over its failure limit is answered 429 before the cache, the database or argon2 are asked, an
// end client pays for a lookup before it starts (so it has no more under way than it has failures left), and when
// too many lookups wait for a connection or for argon2 the next is shed with 503.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { KeyEventListener } from "./invalidation";
import { LastUsedWriter } from "./last-used";
import { openApiDocument } from "./openapi";
import { FailureLimiter } from "@/lib/rate-limit";
import { clientAddressOf, TRUST_NONE, type TrustedProxy } from "@/lib/trusted-proxy";
import { ConcurrencyLimit, QueueFull } from "./concurrency";
import { KeyVerifier, newStats, type Answer, type GatewayStats } from "./verify";

export interface GatewayOptions {
  databaseUrl: string;
  /** what callers send as `Authorization: Bearer …` */
  serviceToken: string;
  cacheTtlMs?: number;
  negativeCacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** unknown keys remembered, apart from the keys found so that a flood of them evicts none of those */
  negativeCacheMaxEntries?: number;
  /**
   * how many lookups verify with argon2 at once (each holds one of libuv's threads) and how many may wait; past
   * them a verification is answered 503 with Retry-After. Default: DEFAULT_ARGON2_CONCURRENCY and _QUEUE_LIMIT.
   */
  argon2Limit?: ConcurrencyLimit;
  /**
   * how many lookups query the database at once and how many may wait for their turn; past them a verification is
   * answered 503 with Retry-After. Default: the pool's size at once, DEFAULT_LOOKUP_QUEUE_LIMIT waiting.
   */
  lookupLimit?: ConcurrencyLimit;
  lastUsedFlushMs?: number;
  /**
   * failures per minute (burst and refill) before 429, counted in this instance: requests without the service
   * token per source address, invalid keys per end client (the `clientAddress` a caller names), whose lookups
   * under way count until they turn out valid
   */
  failuresPerMinute?: number;
  /** the proxies whose word on the source address is taken (lib/trusted-proxy.ts); default none */
  trustedProxy?: TrustedProxy;
  poolSize?: number;
  log?: (line: string) => void;
}

export interface Gateway {
  server: http.Server;
  stats: GatewayStats;
  /** Starts listening (and LISTENing for key changes); resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Writes pending last_used_at now. */
  flushLastUsed(): Promise<void>;
  /** Stops accepting, writes pending last_used_at, and closes every database connection. */
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 4096;
// an IPv6 address with a zone fits, and so does an opaque id of the end client
const CLIENT_ADDRESS_MAX_LENGTH = 64;
// Every valid usage batch fits. The largest, as JSON.stringify writes it: 1,000 events with each field at its
// longest (lib/domain/usage/schemas.ts) and each character of their strings escaped to 6 bytes (\uXXXX, as control
// characters and lone surrogates are), is 5.5 MiB (in ASCII, 1.2 MiB). Unknown fields and whitespace are not counted.
const USAGE_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const BODIES = {
  health: json({ ok: true }),
  openapi: json(openApiDocument),
  notFound: json({ error: "not_found" }),
  unauthorized: json({ error: "unauthorized" }),
  invalidJson: json({ error: "invalid_json" }),
  missingKey: json({ error: "missing_key" }),
  invalidClientAddress: json({ error: "invalid_client_address" }),
  tooLarge: json({ error: "body_too_large" }),
  usageTooLarge: json({
    error: "body_too_large",
    reason: `The body is over the limit of ${USAGE_BODY_LIMIT_BYTES.toLocaleString("en")} bytes (${USAGE_BODY_LIMIT_BYTES / 1024 / 1024} MiB), more than any valid batch takes.`,
  }),
  rateLimited: json({ error: "rate_limited" }),
  unavailable: json({ error: "unavailable" }),
  internal: json({ error: "internal" }),
};

// argon2 runs in libuv's pool of UV_THREADPOOL_SIZE threads (default 4): one stays free for DNS, files and the rest
// of the process. At about 10 ms a verification, 64 waiting is under a quarter of a second's work.
export const DEFAULT_ARGON2_CONCURRENCY = Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1);
export const DEFAULT_ARGON2_QUEUE_LIMIT = 64;
// Lookups waiting for one of the pool's connections: at the 5–6k cache misses a second the benchmark measures,
// 1,000 is about 0.2 s of queries. Without a bound, pg.Pool would queue every one.
const DEFAULT_LOOKUP_QUEUE_LIMIT = 1_000;

const CLOSE_GRACE_MS = 5_000;
// A shed verification may be retried soon: the lookup and argon2 queues drain in milliseconds.
const SHED_RETRY_AFTER_S = 1;
const VERIFY_PATH = "/api/v1/keys/verify";
const USAGE_PATH = "/api/v1/usage";
const HEALTH_PATH = "/api/v1/health";
const OPENAPI_PATH = "/api/v1/openapi.json";

const sha256 = (text: string) => createHash("sha256").update(text).digest();

function send(res: http.ServerResponse, status: number, body: Buffer, close = false, retryAfter = 0): void {
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
    "cache-control": "no-store",
  };
  if (retryAfter > 0) headers["retry-after"] = String(retryAfter);
  // Node would read an unread body to its end to keep the connection: closing it stops an oversized one early.
  if (close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(body);
}

const declaredTooLarge = (req: http.IncomingMessage, limit = BODY_LIMIT_BYTES) => Number(req.headers["content-length"]) > limit;

/** Calls `done` with the body, or with null as soon as it is known to exceed `limit` (the rest is not kept). */
function readBody(req: http.IncomingMessage, done: (body: Buffer | null) => void, limit = BODY_LIMIT_BYTES): void {
  if (declaredTooLarge(req, limit)) return done(null);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    if (size > limit) return;
    size += chunk.length;
    if (size > limit) return done(null);
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (size <= limit) done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  });
}

// Usage ingestion (and zod with it) loads on the first usage request, so the verification path stays lean.
let usageModule: Promise<typeof import("../domain/usage/ingest")> | undefined;
const loadUsage = () => (usageModule ??= import("../domain/usage/ingest"));

interface VerifyRequest {
  key: unknown;
  /** the end client the caller verifies for, whose invalid keys are rate limited */
  clientAddress: string | undefined;
}

/** The key and end client of a verify body, or the body of the 400 to answer. */
function verifyRequestOf(body: Buffer): VerifyRequest | Buffer {
  let input: unknown;
  try {
    input = JSON.parse(body.toString("utf8"));
  } catch {
    return BODIES.invalidJson;
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return BODIES.missingKey;
  const { key, clientAddress } = input as { key?: unknown; clientAddress?: unknown };
  if (key === undefined || key === null) return BODIES.missingKey;
  if (clientAddress !== undefined && (typeof clientAddress !== "string" || clientAddress === "" || clientAddress.length > CLIENT_ADDRESS_MAX_LENGTH)) {
    return BODIES.invalidClientAddress;
  }
  return { key, clientAddress };
}

export function createGatewayServer(options: GatewayOptions): Gateway {
  const log = options.log ?? ((line: string) => console.log(`gateway: ${line}`));
  const stats = newStats();
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: poolSize, keepAlive: true });
  pool.on("error", (error) => log(`database connection error: ${error.message}`));
  const verifier = new KeyVerifier(
    pool,
    {
      ttlMs: options.cacheTtlMs ?? 60_000,
      negativeTtlMs: options.negativeCacheTtlMs ?? 10_000,
      maxEntries: options.cacheMaxEntries ?? 100_000,
      negativeMaxEntries: options.negativeCacheMaxEntries ?? 10_000,
    },
    options.lookupLimit ?? new ConcurrencyLimit(poolSize, DEFAULT_LOOKUP_QUEUE_LIMIT),
    options.argon2Limit ?? new ConcurrencyLimit(DEFAULT_ARGON2_CONCURRENCY, DEFAULT_ARGON2_QUEUE_LIMIT),
    stats,
  );
  const lastUsed = new LastUsedWriter(pool, options.lastUsedFlushMs ?? 5_000, stats, log);
  // Apart, so that end clients' failures never count against their caller's address, nor the other way round.
  const callerFailures = new FailureLimiter(options.failuresPerMinute ?? 30);
  const clientFailures = new FailureLimiter(options.failuresPerMinute ?? 30);
  const listener = new KeyEventListener(
    options.databaseUrl,
    {
      event: (event) => {
        if (event === null) verifier.reset(true);
        else if ("keyId" in event) verifier.evictKey(event.keyId);
        else verifier.evictTenant(event.tenantId);
      },
      connected: () => verifier.reset(true),
      disconnected: () => verifier.reset(false),
    },
    log,
  );
  const tokenDigest = sha256(options.serviceToken);
  const trustedProxy = options.trustedProxy ?? TRUST_NONE;

  // Digests of equal length, so neither the token's content nor its length shows in the timing.
  function authorized(header: string | undefined): boolean {
    if (header === undefined || header.length < 7 || header.slice(0, 7).toLowerCase() !== "bearer ") return false;
    return timingSafeEqual(sha256(header.slice(7)), tokenDigest);
  }

  function sourceOf(req: http.IncomingMessage): string {
    const forwarded = req.headers[trustedProxy.header];
    const peer = req.socket.remoteAddress;
    // what a trusted proxy wrote that is no address counts against that proxy
    return clientAddressOf(peer, typeof forwarded === "string" ? forwarded : undefined, trustedProxy) ?? peer ?? "unknown";
  }

  /** Answers a failure, or 429 once `source` has had too many in `limiter`. */
  function refuse(res: http.ServerResponse, limiter: FailureLimiter, source: string, status: number, body: Buffer, close = false): void {
    const wait = limiter.fail(source, Date.now());
    if (wait > 0) send(res, 429, BODIES.rateLimited, close, wait);
    else send(res, status, body, close);
  }

  /** 401, limited per source address: whoever lacks the token may be guessing it. */
  function unauthorized(req: http.IncomingMessage, res: http.ServerResponse, bodyLimit: number): void {
    refuse(res, callerFailures, sourceOf(req), 401, BODIES.unauthorized, declaredTooLarge(req, bodyLimit));
  }

  function handleVerify(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!authorized(req.headers.authorization)) return unauthorized(req, res, BODY_LIMIT_BYTES);
    readBody(req, (body) => {
      try {
        verifyBody(res, body);
      } catch (error) {
        failed(res, error, 500);
      }
    });
  }

  function verifyBody(res: http.ServerResponse, body: Buffer | null): void {
    if (body === null) return send(res, 413, BODIES.tooLarge, true);
    const request = verifyRequestOf(body);
    if (Buffer.isBuffer(request)) return send(res, 400, request);
    const client = request.clientAddress;
    const now = Date.now();
    // An end client over its limit is refused before any work for it, whatever its key: it has been guessing.
    const wait = client === undefined ? 0 : clientFailures.retryAfter(client, now);
    if (wait > 0) return send(res, 429, BODIES.rateLimited, false, wait);
    const answer = verifier.verify(request.key, now);
    if (!("startedLookup" in answer)) {
      charge(client, false, answer.valid);
      return reply(res, answer, now);
    }
    // A lookup (a query, maybe argon2) is paid for as it starts, with the token retryAfter found in this same tick:
    // however many requests an end client sends at once, it has no more lookups under way than it has tokens.
    const paid = client !== undefined && answer.startedLookup;
    if (paid) clientFailures.fail(client, now);
    answer.answer
      .then(
        (settled) => {
          charge(client, paid, settled.valid);
          reply(res, settled, now);
        },
        (error) => {
          charge(client, paid, false);
          lookupFailed(res, error);
        },
      )
      .catch((error) => failed(res, error, 500));
  }

  /**
   * Charges an end client for a verification: anything but a valid key, a 503 too, costs one token, and a valid
   * key none. `paid` says the token was taken before the lookup started; a valid key gets it back.
   */
  function charge(client: string | undefined, paid: boolean, valid: boolean): void {
    // Unnamed end client: nothing to limit. The caller proved it holds the service token, a key's secret carries
    // ~190 bits (no guessing it), and the miss cache answers repeats of one wrong key without the database.
    if (client === undefined) return;
    if (valid) {
      if (paid) clientFailures.giveBack(client, Date.now());
    } else if (!paid) {
      clientFailures.fail(client, Date.now());
    }
  }

  function lookupFailed(res: http.ServerResponse, error: unknown): void {
    if (!(error instanceof QueueFull)) return failed(res, error, 503);
    // not logged: a flood would write a line per request
    stats.shed++;
    send(res, 503, BODIES.unavailable, false, SHED_RETRY_AFTER_S);
  }

  /** POST /api/v1/usage: a batch of up to 1,000 events; answers the counts, or 400 with why nothing was stored. */
  function handleUsage(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!authorized(req.headers.authorization)) return unauthorized(req, res, USAGE_BODY_LIMIT_BYTES);
    readBody(req, (body) => {
      if (body === null) return send(res, 413, BODIES.usageTooLarge, true);
      let batch: unknown;
      try {
        batch = JSON.parse(body.toString("utf8"));
      } catch (error) {
        return send(res, 400, json({ error: "invalid_json", reason: `The body is not JSON: ${(error as Error).message}` }));
      }
      loadUsage()
        .then(({ ingestUsage, InvalidUsageBatch }) =>
          ingestUsage(pool, batch).then(
            (result) => send(res, 200, json(result)),
            (error: unknown) => error instanceof InvalidUsageBatch
              ? send(res, 400, json({ error: "invalid_batch", reason: error.reason }))
              : failed(res, error, 503),
          ))
        .catch((error: unknown) => failed(res, error, 500));
    }, USAGE_BODY_LIMIT_BYTES);
  }

  /** Logs what went wrong (never the key or the token: neither is in an error here) and answers without detail. */
  function failed(res: http.ServerResponse, error: unknown, status: 500 | 503): void {
    log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) send(res, status, status === 503 ? BODIES.unavailable : BODIES.internal);
  }

  function reply(res: http.ServerResponse, answer: Answer, now: number): void {
    if (answer.valid) lastUsed.record(answer.keyId!, now);
    send(res, 200, answer.body);
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    if (path === VERIFY_PATH && req.method === "POST") return handleVerify(req, res);
    if (path === USAGE_PATH && req.method === "POST") return handleUsage(req, res);
    if (req.method === "GET" && path === HEALTH_PATH) return send(res, 200, BODIES.health);
    if (req.method === "GET" && path === OPENAPI_PATH) return send(res, 200, BODIES.openapi);
    send(res, 404, BODIES.notFound);
  }

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      failed(res, error, 500);
    }
  });
  // Gateways keep connections open between requests; close idle ones only after a minute.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.requestTimeout = 30_000;

  let closing: Promise<void> | undefined;
  async function shutDown(): Promise<void> {
    const closed = new Promise<void>((ok) => (server.listening ? server.close(() => ok()) : ok()));
    // idle kept-alive connections go now; requests under way get a moment to finish
    server.closeIdleConnections();
    const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    await closed;
    clearTimeout(cutOff);
    await lastUsed.close();
    await listener.close();
    await pool.end();
  }

  return {
    server,
    stats,
    async listen(port, host = "127.0.0.1") {
      await listener.start();
      lastUsed.start();
      await new Promise<void>((ok, fail) => {
        server.once("error", fail);
        server.listen(port, host, () => {
          server.off("error", fail);
          ok();
        });
      });
      const address = server.address() as AddressInfo;
      const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
      return `http://${shown}:${address.port}`;
    },
    flushLastUsed: () => lastUsed.flush(),
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}
