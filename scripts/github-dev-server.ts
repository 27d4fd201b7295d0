// A stand-in for GitHub's OAuth web flow and the two REST endpoints NextAuth's GitHub provider calls, because
// github.com is unreachable here. `npm start` and the Playwright tests sign people in through it; run it on its
// own with `npx tsx scripts/github-dev-server.ts [--port N]`. State lives in memory and dies with the process.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { DEMO_PEOPLE, DEMO_TENANTS, type DemoPerson } from "../prisma/demo-data";

export interface DevIdentity {
  /** Negative for every demo identity, as no GitHub account's id is (see DemoPerson in prisma/demo-data.ts). */
  githubId: number;
  login: string;
  name: string;
  email: string | null;
  /** Like a GitHub user with a private email: /user says null, only /user/emails tells. */
  emailsEndpointOnly?: boolean;
  /** Shown beside the sign-in button, e.g. "owner of acme". */
  note?: string;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_BODY_BYTES = 64 * 1024;
// GitHub's own wording.
const BAD_CODE = "The code passed is incorrect or expired.";

type Params = Record<string, string>;

interface AuthorizeRequest {
  clientId: string;
  /** As the client sent it: the token request must repeat it exactly. */
  redirectUri: string;
  state?: string;
  scope: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
}

interface PendingCode extends AuthorizeRequest {
  identity: DevIdentity;
  expiresAt: number;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function demoIdentities(): DevIdentity[] {
  return [
    ...DEMO_PEOPLE.map((person) => ({ ...person, note: demoNote(person) })),
    { githubId: -200001, login: "new-hire", name: "Nia Newhire", email: "newhire@acme.example", emailsEndpointOnly: true,
      note: "invited to acme" },
    { githubId: -200002, login: "stranger", name: "Stan Stranger", email: "stan@nowhere.example", note: "no access anywhere" },
    { githubId: -200003, login: "otto-invitee", name: "Otto Invitee", email: "otto@acme.example", note: "not invited yet: an owner of acme can invite otto@acme.example" },
  ];
}

function demoNote(person: DemoPerson): string | undefined {
  if (person.staffRole) return `${person.staffRole} staff`;
  for (const tenant of DEMO_TENANTS) {
    const membership = tenant.members.find(([login]) => login === person.login);
    if (membership) return `${membership[1]} of ${tenant.slug}`;
  }
  return undefined;
}

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

/** The validated request, or why it is refused. */
function parseAuthorizeRequest(params: Params): AuthorizeRequest | string {
  if (!params.client_id) return "Missing client_id";
  if (!params.redirect_uri) return "Missing redirect_uri";
  if (!URL.canParse(params.redirect_uri)) return "redirect_uri is not a URL";
  const { protocol } = new URL(params.redirect_uri);
  if (protocol !== "http:" && protocol !== "https:") return "redirect_uri must be http or https";
  const method = params.code_challenge_method;
  if (params.code_challenge && method !== undefined && method !== "S256" && method !== "plain") {
    return "code_challenge_method must be S256 or plain";
  }
  return {
    clientId: params.client_id,
    redirectUri: params.redirect_uri,
    state: params.state,
    // GitHub reports granted scopes comma-separated.
    scope: (params.scope ?? "").split(/[\s,]+/).filter(Boolean).join(","),
    codeChallenge: params.code_challenge || undefined,
    // RFC 7636: a challenge without a method is plain.
    codeChallengeMethod: params.code_challenge ? (method === "S256" ? "S256" : "plain") : undefined,
  };
}

/** Why this token request may not have the code's token, or undefined when it may. */
function refusal(pending: PendingCode, params: Params, clientId: string | undefined): string | undefined {
  if (clientId !== pending.clientId) return "client_id does not match the one the code was issued to.";
  if (params.redirect_uri && params.redirect_uri !== pending.redirectUri) {
    return "redirect_uri does not match the one the code was issued for.";
  }
  if (!pending.codeChallenge) return undefined;
  if (!params.code_verifier) return "code_verifier is required for this code.";
  const derived =
    pending.codeChallengeMethod === "S256"
      ? createHash("sha256").update(params.code_verifier).digest("base64url")
      : params.code_verifier;
  return derived === pending.codeChallenge ? undefined : "code_verifier does not match the code_challenge.";
}

// GitHub refuses with 200 and an error body, which is what OAuth clients expect from it.
function badVerificationCode(description: string): Params {
  return { error: "bad_verification_code", error_description: description };
}

function basicAuthClientId(req: IncomingMessage): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return undefined;
  const credentials = Buffer.from(match[1], "base64").toString("utf8");
  // RFC 6749 §2.3.1: the user name is form-urlencoded.
  return decodeURIComponent(credentials.split(":")[0].replaceAll("+", " "));
}

async function readParams(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large");
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  if (!(req.headers["content-type"] ?? "").includes("json")) return Object.fromEntries(new URLSearchParams(body));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, "Problems parsing JSON");
  }
  if (typeof parsed !== "object" || parsed === null) throw new HttpError(400, "Body should be a JSON object");
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function authorizePage(request: AuthorizeRequest, identities: DevIdentity[]): string {
  // The original request rides along in each form, so the POST can check and bind it.
  const forwarded = Object.entries({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    scope: request.scope,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallengeMethod,
  });
  const hiddenFields = forwarded
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  const choices = identities.map((identity, index) => {
    const noteId = `note-${index}`;
    const note = identity.note ? ` <span class="note" id="${noteId}">${escapeHtml(identity.note)}</span>` : "";
    return `<li><form method="post" action="/login/oauth/authorize">${hiddenFields}`
      + `<input type="hidden" name="login" value="${escapeHtml(identity.login)}">`
      + `<button type="submit"${identity.note ? ` aria-describedby="${noteId}"` : ""}>`
      + `${escapeHtml(identity.name)} (@${escapeHtml(identity.login)})</button>${note}</form></li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in — Local demo identity provider</title>
<style>
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
.warning { padding: 0.75rem 1rem; border: 1px solid #9a6700; background: #fff8c5; color: #3b2300; border-radius: 6px; }
ul { list-style: none; padding: 0; }
li { margin: 0.5rem 0; }
form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
button { font: inherit; padding: 0.4rem 0.9rem; border: 0; border-radius: 6px; color: #fff; background: #24292f; cursor: pointer; }
button:hover { background: #424a53; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.note { color: #57606a; }
</style>
</head>
<body>
<main>
<h1>Local demo identity provider — this is not GitHub</h1>
<p class="warning">GitHub cannot be reached from here, so this stand-in signs you in to
<strong>${escapeHtml(new URL(request.redirectUri).origin)}</strong> as one of the demo people below. Nothing is sent to github.com.</p>
<h2>Choose who to sign in as</h2>
<ul>${choices.join("\n")}</ul>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(JSON.stringify(body));
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
