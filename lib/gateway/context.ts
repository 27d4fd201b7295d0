// What a route works with: the gateway instance's parts (database, caches, limiters, clock, logger) and the
// request at hand; and what a route module exports for the route table (route-table.ts).
import type http from "node:http";
import type pg from "pg";
import type { FailureLimiter } from "@/lib/rate-limit";
import type { TrustedProxy } from "@/lib/trusted-proxy";
import type { LastUsedWriter } from "./last-used";
import type { Router } from "./routing";
import type { GatewayStats, KeyVerifier } from "./verify";

/** One gateway instance's parts, made once by createGatewayServer. */
export interface GatewayContext {
  db: pg.Pool;
  /** the key cache, and the lookups behind it */
  verifier: KeyVerifier;
  /** the routing cache (rules, providers, upstream keys per tenant), and the loads behind it */
  router: Router;
  lastUsed: LastUsedWriter;
  /** failures of requests without the service token, per source address */
  callerFailures: FailureLimiter;
  /** invalid keys, per end client a caller names (apart, so that neither counts against the other) */
  clientFailures: FailureLimiter;
  stats: GatewayStats;
  /** ms since epoch */
  now: () => number;
  log: (line: string) => void;
  isServiceToken: (authorization: string | undefined) => boolean;
  trustedProxy: TrustedProxy;
}

/** One request, with the instance's parts beside it. */
export interface RequestContext extends GatewayContext {
  req: http.IncomingMessage;
  res: http.ServerResponse;
}

/** One method on one path of /api/v1, as its module under routes/ exports it. */
export interface Route {
  method: "GET" | "POST";
  path: string;
  /** whether callers must send the service token as Bearer (refused 401, limited per source address) */
  serviceToken: boolean;
  /** how much body is read (beyond it: `tooLarge`, 413, and the connection closes); none without */
  body?: { limitBytes: number; tooLarge: Buffer };
  /** Answers the request (the body is empty for a route without `body`); a rejection is answered 500. */
  handle(ctx: RequestContext, body: Buffer): void | Promise<void>;
  /**
   * Its part of the OpenAPI document (openapi.ts), loaded only for the document: where it holds zod schemas it
   * comes from a routes/*.openapi.ts module, imported then, so that zod stays out of the gateway's start.
   */
  describe(): Promise<RouteDescription>;
}

export interface RouteDescription {
  /** the OpenAPI operation object */
  operation: Record<string, unknown>;
  /** JSON Schemas it refers to as #/components/schemas/<name> */
  components?: Record<string, Record<string, unknown>>;
}
