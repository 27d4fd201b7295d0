// What every /api/v1 route shares on node:http: answering JSON, reading a bounded body, the service-token check,
// the source address of a request, and the answers to failures (logged 500/503, 429 once a source fails too often).
import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { FailureLimiter } from "@/lib/rate-limit";
import { clientAddressOf } from "@/lib/trusted-proxy";
import type { RequestContext } from "./context";

export const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The error bodies more than one route answers, serialized once. */
export const ERRORS = {
  notFound: json({ error: "not_found" }),
  unauthorized: json({ error: "unauthorized" }),
  rateLimited: json({ error: "rate_limited" }),
  unavailable: json({ error: "unavailable" }),
  internal: json({ error: "internal" }),
};

export interface SendOptions {
  /** close the connection after answering */
  close?: boolean;
  /** seconds, for Retry-After */
  retryAfter?: number;
  /** the methods the path has, for Allow */
  allow?: string;
}

export function send(res: http.ServerResponse, status: number, body: Buffer, options?: SendOptions): void {
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
    "cache-control": "no-store",
  };
  if (options?.retryAfter) headers["retry-after"] = String(options.retryAfter);
  if (options?.allow) headers.allow = options.allow;
  // Node would read an unread body to its end to keep the connection: closing it stops an oversized one early.
  if (options?.close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(body);
}

/** The path of a request URL, without its query. */
export function pathOf(url: string | undefined): string {
  const path = url ?? "";
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

export const declaredTooLarge = (req: http.IncomingMessage, limit: number) => Number(req.headers["content-length"]) > limit;

/** Calls `done` with the body, or with null as soon as it is known to exceed `limit` (the rest is not kept). */
export function readBody(req: http.IncomingMessage, limit: number, done: (body: Buffer | null) => void): void {
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

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether an Authorization header carries `token` as Bearer. Digests of equal length are compared, so neither the
 * token's content nor its length shows in the timing.
 */
export function serviceTokenCheck(token: string): (authorization: string | undefined) => boolean {
  const digest = sha256(token);
  return (header) => {
    if (header === undefined || header.length < 7 || header.slice(0, 7).toLowerCase() !== "bearer ") return false;
    return timingSafeEqual(sha256(header.slice(7)), digest);
  };
}

/** Who sent the request: the TCP peer, or what a trusted proxy says it received it from. */
export function sourceAddressOf({ req, trustedProxy }: RequestContext): string {
  const forwarded = req.headers[trustedProxy.header];
  const peer = req.socket.remoteAddress;
  // what a trusted proxy wrote that is no address counts against that proxy
  return clientAddressOf(peer, typeof forwarded === "string" ? forwarded : undefined, trustedProxy) ?? peer ?? "unknown";
}

/** Answers a failure, or 429 once `source` has had too many in `limiter`. */
export function refuse(ctx: RequestContext, limiter: FailureLimiter, source: string, status: number, body: Buffer, close = false): void {
  const wait = limiter.fail(source, ctx.now());
  if (wait > 0) send(ctx.res, 429, ERRORS.rateLimited, { close, retryAfter: wait });
  else send(ctx.res, status, body, { close });
}

/** Logs what went wrong (never the key or the token: neither is in an error here) and answers without detail. */
export function failed(ctx: RequestContext, error: unknown, status: 500 | 503): void {
  ctx.log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
  if (!ctx.res.headersSent) send(ctx.res, status, status === 503 ? ERRORS.unavailable : ERRORS.internal);
}

/** Parses a JSON body; a body that is not JSON comes back as the parser's error. */
export function parseJson(body: Buffer): { value: unknown } | { error: Error } {
  try {
    return { value: JSON.parse(body.toString("utf8")) };
  } catch (error) {
    return { error: error as Error };
  }
}
