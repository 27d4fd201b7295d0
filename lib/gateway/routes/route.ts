// POST /api/v1/route: where a request goes. For a verified key's id (or a tenant's id), the requested model and the
// request's feature, team and complexity: the rule that matched (null: passthrough), the strategy, and the attempts
// in order, each with the provider, model, base URL and the decrypted upstream key. This is the one place an
// upstream key leaves the database readable, to the holder of the service token; it is never logged. No zod: the
// gateway's hot path, and its body is six fields.
import { COMPLEXITIES, type Complexity, type RouteRequest } from "@/lib/domain/routing/engine";
import type { Route, RequestContext } from "../context";
import { failed, json, parseJson, send } from "../http";
import type { RouteRefusal, RouteSubject } from "../routing";

export const ROUTE_BODY_LIMIT_BYTES = 4096;
// as usage events allow (lib/domain/usage/schemas.ts), so that what is routed can be recorded
export const MODEL_MAX_LENGTH = 200;
export const LABEL_MAX_LENGTH = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (reason: string) => json({ error: "invalid_request", reason });
const REFUSALS: Record<RouteRefusal, { status: number; body: Buffer }> = {
  unknown_key: { status: 404, body: json({ error: "unknown_key" }) },
  unknown_tenant: { status: 404, body: json({ error: "unknown_tenant" }) },
  key_revoked: { status: 403, body: json({ error: "key_revoked" }) },
  key_expired: { status: 403, body: json({ error: "key_expired" }) },
  tenant_frozen: { status: 403, body: json({ error: "tenant_frozen" }) },
  tenant_archived: { status: 403, body: json({ error: "tenant_archived" }) },
};

/** An optional label (feature, team): absent or null is none; otherwise a string of 1 to LABEL_MAX_LENGTH. */
function labelOf(value: unknown, field: string): string | null | Buffer {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value === "" || value.length > LABEL_MAX_LENGTH) {
    return invalid(`${field} must be a string of 1 to ${LABEL_MAX_LENGTH} characters, or null.`);
  }
  return value;
}

/** Whom and what a route body asks about, or the body of the 400 to answer. */
export function routeQuestionOf(body: Buffer): { subject: RouteSubject; request: RouteRequest } | Buffer {
  const parsed = parseJson(body);
  if ("error" in parsed) return json({ error: "invalid_json", reason: `The body is not JSON: ${parsed.error.message}` });
  const input = parsed.value;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return invalid("The body must be a JSON object.");
  const { keyId, tenantId, model, feature, team, complexity } = input as Record<string, unknown>;
  if ((keyId === undefined) === (tenantId === undefined)) return invalid("Name exactly one of keyId (a verified key's id) and tenantId.");
  const id = keyId ?? tenantId;
  if (typeof id !== "string" || !UUID.test(id)) return invalid(`${keyId === undefined ? "tenantId" : "keyId"} must be a UUID.`);
  if (typeof model !== "string" || model === "" || model.length > MODEL_MAX_LENGTH) {
    return invalid(`model must be a string of 1 to ${MODEL_MAX_LENGTH} characters.`);
  }
  const featureLabel = labelOf(feature, "feature");
  if (Buffer.isBuffer(featureLabel)) return featureLabel;
  const teamLabel = labelOf(team, "team");
  if (Buffer.isBuffer(teamLabel)) return teamLabel;
  if (complexity !== undefined && complexity !== null && !COMPLEXITIES.includes(complexity as Complexity)) {
    return invalid(`complexity must be one of ${COMPLEXITIES.join(", ")}, or null.`);
  }
  const subject = keyId === undefined ? { tenantId: id.toLowerCase() } : { keyId: id.toLowerCase() };
  return { subject, request: { model, feature: featureLabel, team: teamLabel, complexity: (complexity ?? null) as Complexity | null } };
}

async function handle(ctx: RequestContext, body: Buffer): Promise<void> {
  const question = routeQuestionOf(body);
  if (Buffer.isBuffer(question)) return send(ctx.res, 400, question);
  let answer;
  try {
    answer = await ctx.router.route(question.subject, question.request, ctx.now());
  } catch (error) {
    // the database, or a provider key sealed under a version GATEHOUSE_ENCRYPTION_KEYS lacks (named in the log)
    return failed(ctx, error, 503);
  }
  if ("refusal" in answer) {
    const refusal = REFUSALS[answer.refusal];
    return send(ctx.res, refusal.status, refusal.body);
  }
  send(ctx.res, 200, answer.body);
}

export const routeRoute: Route = {
  method: "POST",
  path: "/api/v1/route",
  serviceToken: true,
  body: { limitBytes: ROUTE_BODY_LIMIT_BYTES, tooLarge: json({ error: "body_too_large", reason: `The body is over the limit of ${ROUTE_BODY_LIMIT_BYTES} bytes.` }) },
  handle,
  describe: async () => (await import("./route.openapi")).describeRoute(),
};
