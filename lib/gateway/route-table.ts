// Every /api/v1 route, and the dispatch that does what they share: find the route (404 JSON otherwise, with
// Allow when the path has other methods), check the service token (401, limited per source address), read the
// body up to the route's limit (413), then hand it to the route, answering 500 if that throws or rejects.
import type { RequestContext, Route } from "./context";
import { declaredTooLarge, ERRORS, failed, pathOf, readBody, refuse, send, sourceAddressOf } from "./http";
import { healthRoute } from "./routes/health";
import { openApiRoute } from "./routes/openapi";
import { routeRoute } from "./routes/route";
import { usageRoute } from "./routes/usage";
import { verifyRoute } from "./routes/verify";

export const ROUTES: readonly Route[] = [verifyRoute, routeRoute, usageRoute, healthRoute, openApiRoute];

const routesByPath = new Map<string, Map<string, Route>>();
for (const route of ROUTES) {
  const byMethod = routesByPath.get(route.path) ?? new Map<string, Route>();
  byMethod.set(route.method, route);
  routesByPath.set(route.path, byMethod);
}
const allowed = new Map([...routesByPath].map(([path, byMethod]) => [path, [...byMethod.keys()].join(", ")]));
const EMPTY = Buffer.alloc(0);

export function dispatch(ctx: RequestContext): void {
  const path = pathOf(ctx.req.url);
  const route = routesByPath.get(path)?.get(ctx.req.method ?? "");
  // 404 even for a path the gateway has under another method: what callers have always been answered
  if (route === undefined) return send(ctx.res, 404, ERRORS.notFound, { allow: allowed.get(path) });
  const limit = route.body?.limitBytes ?? 0;
  // 401, limited per source address: whoever lacks the token may be guessing it
  if (route.serviceToken && !ctx.isServiceToken(ctx.req.headers.authorization)) {
    return refuse(ctx, ctx.callerFailures, sourceAddressOf(ctx), 401, ERRORS.unauthorized, declaredTooLarge(ctx.req, limit));
  }
  if (route.body === undefined) return run(ctx, route, EMPTY);
  const tooLarge = route.body.tooLarge;
  readBody(ctx.req, limit, (body) => (body === null ? send(ctx.res, 413, tooLarge, { close: true }) : run(ctx, route, body)));
}

function run(ctx: RequestContext, route: Route, body: Buffer): void {
  try {
    route.handle(ctx, body)?.catch((error: unknown) => failed(ctx, error, 500));
  } catch (error) {
    failed(ctx, error, 500);
  }
}
