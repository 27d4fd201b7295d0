// A local OpenAI-compatible API, enough for "Test connection": GET <base>/models answers the model list to a
// bearer key it was given, 401 to any other. Other bases play the failures a real upstream has: /slow never
// answers (the 5 s timeout), /broken answers 500, /moved redirects (which must not be followed with the key).
// The tests and the e2e server start it; nothing in production does.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export const STUB_MODELS = ["gpt-4o-mini", "gpt-4o", "llama-3.1-8b-instruct"];

export async function startOpenAiCompatibleStub({ keys, port: asked = 0 }: { keys: readonly string[]; port?: number }) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://stub").pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (path === "/slow/v1/models") return; // never answers; the client gives up
    if (path === "/broken/v1/models") return send(500, { error: { message: "upstream exploded" } });
    if (path === "/moved/v1/models") return send(302, {}, { location: "http://198.51.100.1/v1/models" });
    if (path !== "/v1/models" || req.method !== "GET") return send(404, { error: { message: "Not found" } });
    const key = req.headers.authorization?.replace(/^Bearer /, "");
    if (!key || !keys.includes(key)) return send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
    send(200, { object: "list", data: STUB_MODELS.map((id) => ({ id, object: "model", owned_by: "stub" })) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(asked, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    /** the base URL of the working API (…/v1); `${origin}/slow/v1` and the others fail as said above */
    url: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
