// POST /api/v1/keys/verify: whether an API key may be used. It refuses before it works: an end client over its
// failure limit is answered 429 before the cache, the database or argon2 are asked, and an end client pays for a
// lookup as it starts (so it has no more under way than it has failures left); a lookup that finds its queue full
// is shed with 503. No zod here: this is the hot path, and its body is two fields.
import type { Route, RequestContext } from "../context";
import { ERRORS, failed, json, parseJson, send } from "../http";
import { QueueFull } from "../concurrency";
import type { Answer } from "../verify";

export const VERIFY_BODY_LIMIT_BYTES = 4096;
// an IPv6 address with a zone fits, and so does an opaque id of the end client
export const CLIENT_ADDRESS_MAX_LENGTH = 64;
// A shed verification may be retried soon: the lookup and argon2 queues drain in milliseconds.
const SHED_RETRY_AFTER_S = 1;

const BODIES = {
  invalidJson: json({ error: "invalid_json" }),
  missingKey: json({ error: "missing_key" }),
  invalidClientAddress: json({ error: "invalid_client_address" }),
  tooLarge: json({ error: "body_too_large" }),
};

interface VerifyRequest {
  key: unknown;
  /** the end client the caller verifies for, whose invalid keys are rate limited */
  clientAddress: string | undefined;
}

/** The key and end client of a verify body, or the body of the 400 to answer. */
function verifyRequestOf(body: Buffer): VerifyRequest | Buffer {
  const parsed = parseJson(body);
  if ("error" in parsed) return BODIES.invalidJson;
  const input = parsed.value;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return BODIES.missingKey;
  const { key, clientAddress } = input as { key?: unknown; clientAddress?: unknown };
  if (key === undefined || key === null) return BODIES.missingKey;
  if (clientAddress !== undefined && (typeof clientAddress !== "string" || clientAddress === "" || clientAddress.length > CLIENT_ADDRESS_MAX_LENGTH)) {
    return BODIES.invalidClientAddress;
  }
  return { key, clientAddress };
}

function handle(ctx: RequestContext, body: Buffer): void | Promise<void> {
  const request = verifyRequestOf(body);
  if (Buffer.isBuffer(request)) return send(ctx.res, 400, request);
  const client = request.clientAddress;
  const now = ctx.now();
  // An end client over its limit is refused before any work for it, whatever its key: it has been guessing.
  const wait = client === undefined ? 0 : ctx.clientFailures.retryAfter(client, now);
  if (wait > 0) return send(ctx.res, 429, ERRORS.rateLimited, { retryAfter: wait });
  const answer = ctx.verifier.verify(request.key, now);
  if (!("startedLookup" in answer)) {
    charge(ctx, client, false, answer.valid);
    return reply(ctx, answer, now);
  }
  // A lookup (a query, maybe argon2) is paid for as it starts, with the token retryAfter found in this same tick:
  // however many requests an end client sends at once, it has no more lookups under way than it has tokens.
  const paid = client !== undefined && answer.startedLookup;
  if (paid) ctx.clientFailures.fail(client, now);
  return answer.answer.then(
    (settled) => {
      charge(ctx, client, paid, settled.valid);
      reply(ctx, settled, now);
    },
    (error) => {
      charge(ctx, client, paid, false);
      lookupFailed(ctx, error);
    },
  );
}

/**
 * Charges an end client for a verification: anything but a valid key, a 503 too, costs one token, and a valid
 * key none. `paid` says the token was taken before the lookup started; a valid key gets it back.
 */
function charge(ctx: RequestContext, client: string | undefined, paid: boolean, valid: boolean): void {
  // Unnamed end client: nothing to limit. The caller proved it holds the service token, a key's secret carries
  // ~190 bits (no guessing it), and the miss cache answers repeats of one wrong key without the database.
  if (client === undefined) return;
  if (valid) {
    if (paid) ctx.clientFailures.giveBack(client, ctx.now());
  } else if (!paid) {
    ctx.clientFailures.fail(client, ctx.now());
  }
}

function lookupFailed(ctx: RequestContext, error: unknown): void {
  if (!(error instanceof QueueFull)) return failed(ctx, error, 503);
  // not logged: a flood would write a line per request
  ctx.stats.shed++;
  send(ctx.res, 503, ERRORS.unavailable, { retryAfter: SHED_RETRY_AFTER_S });
}

function reply(ctx: RequestContext, answer: Answer, now: number): void {
  if (answer.valid) ctx.lastUsed.record(answer.keyId!, now);
  send(ctx.res, 200, answer.body);
}

export const verifyRoute: Route = {
  method: "POST",
  path: "/api/v1/keys/verify",
  serviceToken: true,
  body: { limitBytes: VERIFY_BODY_LIMIT_BYTES, tooLarge: BODIES.tooLarge },
  handle,
  describe: async () => (await import("./verify.openapi")).describeVerify(),
};
