// The gateway's route table: the routes without a token, and 404 for anything else (with Allow where the path has
// other methods).
import { describe, expect, it } from "vitest";
import { gatewayForFile } from "./support";

let url: string;
gatewayForFile((started) => ({ url } = started));

describe("other routes", () => {
  it("serves health and the OpenAPI document without a token, and 404 JSON for anything else", async () => {
    const health = await fetch(`${url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const openapi = await fetch(`${url}/api/v1/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = await openapi.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.paths["/api/v1/keys/verify"].post.responses["200"]).toBeDefined();

    for (const [method, path] of [["GET", "/api/v1/keys/verify"], ["POST", "/api/v1/health"], ["GET", "/api/v2/health"], ["GET", "/"]]) {
      const response = await fetch(`${url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found" });
    }
  });
});

describe("the route table", () => {
  it("names the methods a path has in Allow on its 404, and none for a path it does not have", async () => {
    const cases: [string, string, string | null][] = [["GET", "/api/v1/keys/verify", "POST"], ["POST", "/api/v1/health", "GET"], ["GET", "/api/v1/usage?x=1", "POST"], ["GET", "/api/v2/health", null]];
    for (const [method, path, allow] of cases) {
      const response = await fetch(`${url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get("allow")).toBe(allow);
    }
  });
});
