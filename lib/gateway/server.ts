// The gateway's HTTP entry for /api/v1: a plain node:http server, apart from Next, that shares lib/domain with
// the console. This file makes one instance's parts (the context every route gets), starts and stops them; what a
// request gets is the route table's (route-table.ts) and its route's (routes/). The verification hot path
// allocates little: the service token is compared by digest, answers come from the cache with their bodies
// already serialized, and last_used_at is written behind.
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type { ConfigEvent } from "@/lib/db/config-events";
import { FailureLimiter } from "@/lib/rate-limit";
import { TRUST_NONE, type TrustedProxy } from "@/lib/trusted-proxy";
import { ConcurrencyLimit } from "./concurrency";
import type { GatewayContext } from "./context";
import { failed, serviceTokenCheck } from "./http";
import { ConfigEventListener } from "./invalidation";
import { LastUsedWriter } from "./last-used";
import { dispatch } from "./route-table";
import { Router } from "./routing";
import { KeyVerifier, newStats, type GatewayStats } from "./verify";

export interface GatewayOptions {
  databaseUrl: string;
  /** what callers send as `Authorization: Bearer …` */
  serviceToken: string;
  cacheTtlMs?: number;
  negativeCacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** tenants whose routing configuration is kept (each with its rules, providers and decrypted upstream keys) */
  routingCacheMaxTenants?: number;
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
  /** Starts listening (and LISTENing for configuration changes); resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Writes pending last_used_at now. */
  flushLastUsed(): Promise<void>;
  /** Stops accepting, writes pending last_used_at, and closes every database connection. */
  close(): Promise<void>;
}

// argon2 runs in libuv's pool of UV_THREADPOOL_SIZE threads (default 4): one stays free for DNS, files and the rest
// of the process. At about 10 ms a verification, 64 waiting is under a quarter of a second's work.
export const DEFAULT_ARGON2_CONCURRENCY = Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1);
export const DEFAULT_ARGON2_QUEUE_LIMIT = 64;
// Lookups waiting for one of the pool's connections: at the 5–6k cache misses a second the benchmark measures,
// 1,000 is about 0.2 s of queries. Without a bound, pg.Pool would queue every one.
const DEFAULT_LOOKUP_QUEUE_LIMIT = 1_000;

const CLOSE_GRACE_MS = 5_000;

/** One instance's parts, with the defaults of what `options` leaves out. */
function contextOf(options: GatewayOptions): GatewayContext {
  const log = options.log ?? ((line: string) => console.log(`gateway: ${line}`));
  const stats = newStats();
  const poolSize = options.poolSize ?? 10;
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: poolSize, keepAlive: true });
  db.on("error", (error) => log(`database connection error: ${error.message}`));
  const ttlMs = options.cacheTtlMs ?? 60_000;
  const verifier = new KeyVerifier(
    db,
    {
      ttlMs,
      negativeTtlMs: options.negativeCacheTtlMs ?? 10_000,
      maxEntries: options.cacheMaxEntries ?? 100_000,
      negativeMaxEntries: options.negativeCacheMaxEntries ?? 10_000,
    },
    options.lookupLimit ?? new ConcurrencyLimit(poolSize, DEFAULT_LOOKUP_QUEUE_LIMIT),
    options.argon2Limit ?? new ConcurrencyLimit(DEFAULT_ARGON2_CONCURRENCY, DEFAULT_ARGON2_QUEUE_LIMIT),
    stats,
  );
  return {
    db,
    verifier,
    router: new Router(db, { ttlMs, maxTenants: options.routingCacheMaxTenants ?? 10_000, maxKeys: options.cacheMaxEntries ?? 100_000 }),
    lastUsed: new LastUsedWriter(db, options.lastUsedFlushMs ?? 5_000, stats, log),
    callerFailures: new FailureLimiter(options.failuresPerMinute ?? 30),
    clientFailures: new FailureLimiter(options.failuresPerMinute ?? 30),
    stats,
    now: () => Date.now(),
    log,
    isServiceToken: serviceTokenCheck(options.serviceToken),
    trustedProxy: options.trustedProxy ?? TRUST_NONE,
  };
}

/** What each kind of configuration event evicts: a kind the gateway caches more of gets its line here. */
function evict({ verifier, router }: GatewayContext, event: ConfigEvent): void {
  switch (event.kind) {
    case "api_key":
      // a tenant-wide event is a change of the tenant's status, which routing refuses by too
      if (event.id === null) {
        verifier.evictTenant(event.tenantId);
        router.evictTenant(event.tenantId);
      } else {
        verifier.evictKey(event.id);
        router.evictKey(event.id);
      }
      break;
    case "routing":
      router.evictTenant(event.tenantId);
  }
}

export function createGatewayServer(options: GatewayOptions): Gateway {
  const context = contextOf(options);
  const { verifier, router, lastUsed, db, log } = context;
  const reset = (caching: boolean) => {
    verifier.reset(caching);
    router.reset(caching);
  };
  const listener = new ConfigEventListener(
    options.databaseUrl,
    {
      event: (event) => evict(context, event),
      unreadable: () => reset(true),
      connected: () => reset(true),
      disconnected: () => reset(false),
    },
    log,
  );
  const server = httpServerOf(context);

  let closing: Promise<void> | undefined;
  async function shutDown(): Promise<void> {
    await stopServing(server);
    await lastUsed.close();
    await listener.close();
    await db.end();
  }

  return {
    server,
    stats: context.stats,
    async listen(port, host = "127.0.0.1") {
      await listener.start();
      lastUsed.start();
      return listenOn(server, port, host);
    },
    flushLastUsed: () => lastUsed.flush(),
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

/** The node:http server that hands each request, with the instance's context, to the route table. */
function httpServerOf(context: GatewayContext): http.Server {
  const server = http.createServer((req, res) => {
    const ctx = { ...context, req, res };
    try {
      dispatch(ctx);
    } catch (error) {
      failed(ctx, error, 500);
    }
  });
  // Gateways keep connections open between requests; close idle ones only after a minute.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.requestTimeout = 30_000;
  return server;
}

/** Listens on `port` (0: any free one); resolves with the base URL. */
async function listenOn(server: http.Server, port: number, host: string): Promise<string> {
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
}

/** Stops accepting: idle kept-alive connections go now, requests under way get a moment to finish. */
async function stopServing(server: http.Server): Promise<void> {
  const closed = new Promise<void>((ok) => (server.listening ? server.close(() => ok()) : ok()));
  server.closeIdleConnections();
  const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  await closed;
  clearTimeout(cutOff);
}
