// A stand-in for GitHub's OAuth web flow and the two REST endpoints NextAuth's GitHub provider calls, because
// github.com is unreachable here. `npm start` and the Playwright tests sign people in through it; run it on its
// own with `npx tsx scripts/github-dev-server.ts [--port N]`. State lives in memory and dies with the process.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { demoIdentities, type DevIdentity } from "./github-dev-identities";
import { HttpError, readParams, sendFavicon, sendHtml, sendJson, sendText, type Params } from "./github-dev-http";
import { authorizePage } from "./github-dev-picker";
import { badVerificationCode, basicAuthClientId, parseAuthorizeRequest, refusal, type AuthorizeRequest, type PendingCode } from "./github-dev-oauth";

export { demoIdentities, type DevIdentity };

const CODE_LIFETIME_MS = 10 * 60 * 1000;
// GitHub's own wording.
const BAD_CODE = "The code passed is incorrect or expired.";

export async function startGithubDevServer(options: {
  port?: number;
  identities: DevIdentity[];
  host?: string;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const identities = new Map(options.identities.map((identity) => [identity.login, identity]));
  if (identities.size !== options.identities.length) throw new Error("github dev server: identity logins must be unique");
  const codes = new Map<string, PendingCode>();
  const tokens = new Map<string, DevIdentity>();

  function issueCode(request: AuthorizeRequest, identity: DevIdentity): string {
    const now = Date.now();
    for (const [code, pending] of codes) if (pending.expiresAt <= now) codes.delete(code);
    const code = randomBytes(20).toString("hex");
    codes.set(code, { ...request, identity, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  function exchangeCode(params: Params, clientId: string | undefined): Params {
    const pending = codes.get(params.code ?? "");
    // Any attempt uses the code up, so a wrong code_verifier cannot be retried until one fits.
    codes.delete(params.code ?? "");
    if (!pending || pending.expiresAt <= Date.now()) return badVerificationCode(BAD_CODE);
    const problem = refusal(pending, params, clientId);
    if (problem) return badVerificationCode(problem);
    const token = `gho_${randomBytes(24).toString("base64url")}`;
    tokens.set(token, pending.identity);
    return { access_token: token, token_type: "bearer", scope: pending.scope };
  }

  function authenticatedIdentity(req: IncomingMessage): DevIdentity {
    const match = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!match) throw new HttpError(401, "Requires authentication");
    const identity = tokens.get(match[1]);
    if (!identity) throw new HttpError(401, "Bad credentials");
    return identity;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    switch (`${req.method} ${url.pathname}`) {
      case "GET /login/oauth/authorize": {
        const request = parseAuthorizeRequest(Object.fromEntries(url.searchParams));
        if (typeof request === "string") return sendText(res, 400, request);
        return sendHtml(res, authorizePage(request, [...identities.values()]));
      }
      case "POST /login/oauth/authorize": {
        const params = await readParams(req);
        const request = parseAuthorizeRequest(params);
        if (typeof request === "string") return sendText(res, 400, request);
        const identity = identities.get(params.login ?? "");
        if (!identity) return sendText(res, 400, `Unknown login: ${params.login ?? "(none)"}`);
        const target = new URL(request.redirectUri);
        target.searchParams.set("code", issueCode(request, identity));
        if (request.state !== undefined) target.searchParams.set("state", request.state);
        res.writeHead(302, { location: target.href, "cache-control": "no-store" }).end();
        return;
      }
      case "POST /login/oauth/access_token": {
        const params = await readParams(req);
        // openid-client (NextAuth) authenticates with HTTP Basic and leaves client_id out of the body.
        return sendJson(res, 200, exchangeCode(params, params.client_id ?? basicAuthClientId(req)));
      }
      case "GET /favicon.ico":
        return sendFavicon(res);
      case "GET /user": {
        const identity = authenticatedIdentity(req);
        return sendJson(res, 200, {
          id: identity.githubId,
          login: identity.login,
          name: identity.name,
          email: identity.emailsEndpointOnly ? null : identity.email,
          avatar_url: null, // demo people have no picture: a GitHub avatar URL would show a real person's
          html_url: `https://github.com/${identity.login}`,
        });
      }
      case "GET /user/emails": {
        const identity = authenticatedIdentity(req);
        if (!identity.email) return sendJson(res, 200, []);
        return sendJson(res, 200, [
          { email: identity.email, primary: true, verified: true, visibility: "private" },
          { email: `${identity.login}@users.noreply.example`, primary: false, verified: false, visibility: null },
        ]);
      }
      default:
        return sendJson(res, 404, { message: "Not Found" });
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { message: error.message });
      console.error("github dev server:", error);
      if (!res.headersSent) sendJson(res, 500, { message: "Internal error" });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function parsePortArgument(args: string[]): number {
  const index = args.indexOf("--port");
  if (index === -1) return 0;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("--port needs a number from 0 to 65535");
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { url } = await startGithubDevServer({ port: parsePortArgument(process.argv.slice(2)), identities: demoIdentities() });
    console.log(`github dev server: ${url}`);
  } catch (error) {
    console.error(`github dev server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
