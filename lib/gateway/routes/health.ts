// GET /api/v1/health: liveness, without the service token.
import type { Route } from "../context";
import { json, send } from "../http";

const HEALTHY = json({ ok: true });

export const healthRoute: Route = {
  method: "GET",
  path: "/api/v1/health",
  serviceToken: false,
  handle: (ctx) => send(ctx.res, 200, HEALTHY),
  describe: async () => ({
    operation: {
      operationId: "health",
      summary: "Liveness",
      security: [],
      responses: {
        "200": {
          description: "The server is up",
          content: { "application/json": { schema: { type: "object", properties: { ok: { const: true } }, required: ["ok"] } } },
        },
      },
    },
  }),
};
