// GET /api/v1/openapi.json: the OpenAPI document, without the service token. It is generated from the zod
// schemas on the first request, so that zod stays out of the gateway's start and its verification path.
import type { Route } from "../context";
import { json, send } from "../http";

let document: Promise<Buffer> | undefined;
const documentBody = () => (document ??= import("../openapi").then(async ({ openApiDocument }) => json(await openApiDocument())));

export const openApiRoute: Route = {
  method: "GET",
  path: "/api/v1/openapi.json",
  serviceToken: false,
  handle: async (ctx) => send(ctx.res, 200, await documentBody()),
  describe: async () => ({
    operation: {
      operationId: "openapi",
      summary: "This document",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 description of /api/v1", content: { "application/json": {} } } },
    },
  }),
};
