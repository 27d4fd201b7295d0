// POST /api/v1/usage: a batch of usage events; answers the counts, or 400 with why nothing was stored.
import type { Route, RequestContext } from "../context";
import { failed, json, parseJson, send } from "../http";

// Every valid usage batch fits. The largest, as JSON.stringify writes it: 1,000 events with each field at its
// longest (lib/domain/usage/schemas.ts) and each character of their strings escaped to 6 bytes (\uXXXX, as control
// characters and lone surrogates are), is 5.5 MiB (in ASCII, 1.2 MiB). Unknown fields and whitespace are not counted.
export const USAGE_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

// Usage ingestion (and zod with it) loads on the first usage request, so the verification path stays lean.
let usageModule: Promise<typeof import("../../domain/usage/ingest")> | undefined;
const loadUsage = () => (usageModule ??= import("../../domain/usage/ingest"));

async function handle(ctx: RequestContext, body: Buffer): Promise<void> {
  const parsed = parseJson(body);
  if ("error" in parsed) return send(ctx.res, 400, json({ error: "invalid_json", reason: `The body is not JSON: ${parsed.error.message}` }));
  const { ingestUsage, InvalidUsageBatch } = await loadUsage();
  let result;
  try {
    result = await ingestUsage(ctx.db, parsed.value);
  } catch (error) {
    if (error instanceof InvalidUsageBatch) return send(ctx.res, 400, json({ error: "invalid_batch", reason: error.reason }));
    return failed(ctx, error, 503);
  }
  send(ctx.res, 200, json(result));
}

export const usageRoute: Route = {
  method: "POST",
  path: "/api/v1/usage",
  serviceToken: true,
  body: {
    limitBytes: USAGE_BODY_LIMIT_BYTES,
    tooLarge: json({
      error: "body_too_large",
      reason: `The body is over the limit of ${USAGE_BODY_LIMIT_BYTES.toLocaleString("en")} bytes (${USAGE_BODY_LIMIT_BYTES / 1024 / 1024} MiB), more than any valid batch takes.`,
    }),
  },
  handle,
  describe: async () => (await import("./usage.openapi")).describeUsage(),
};
