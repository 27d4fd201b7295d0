import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIdentities, startGithubDevServer, type DevIdentity } from "../../scripts/github-dev-server";

const CLIENT_ID = "test-client";
const REDIRECT_URI = "http://localhost:3999/api/auth/callback/github";

const IDENTITIES: DevIdentity[] = [
  { githubId: -1, login: "olivia-owner", name: "Olivia Owner", email: "olivia@acme.example", note: "owner of acme" },
  { githubId: -2, login: "private-pat", name: "Pat <Private>", email: "pat@acme.example", emailsEndpointOnly: true },
];

let server: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  server = await startGithubDevServer({ identities: IDENTITIES });
});

afterAll(() => server.stop());

function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Picks `login` on the authorize page's form and returns where the browser is sent. */
async function choose(login: string, extra: Record<string, string> = {}): Promise<URL> {
  const response = await fetch(`${server.url}/login/oauth/authorize`, {
    method: "POST",
    body: new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "read:user user:email", login, ...extra }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!);
}

/** Exchanges a code as NextAuth's openid-client does: form body, client credentials in HTTP Basic. */
async function exchange(params: Record<string, string>): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/login/oauth/access_token`, {
    method: "POST",
    headers: {
      accept: "application/json",
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:secret`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", redirect_uri: REDIRECT_URI, ...params }),
    redirect: "manual",
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
}

function api(path: string, token: string, scheme = "Bearer"): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { authorization: `${scheme} ${token}` }, redirect: "manual" });
}

describe("github dev server", () => {
  it("lists every identity on the authorize page, and refuses a request without redirect_uri", async () => {
    const query = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, state: "s1" });
    const page = await fetch(`${server.url}/login/oauth/authorize?${query}`, { redirect: "manual" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("this is not GitHub");
    expect(html).toMatch(/<button[^>]*>Olivia Owner \(@olivia-owner\)<\/button> <span[^>]*>owner of acme<\/span>/);
    expect(html).toContain("Pat &#60;Private&#62; (@private-pat)</button>");
    expect(html).toContain('<input type="hidden" name="state" value="s1">');

    const missing = await fetch(`${server.url}/login/oauth/authorize?client_id=${CLIENT_ID}`, { redirect: "manual" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toBe("Missing redirect_uri");
  });

  it("serves the console's icon at /favicon.ico, so the picker's tab has one", async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    // an ICO file's header: reserved 0, type 1 (icon)
    expect([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it("signs in through the whole flow with PKCE S256", async () => {
    const { verifier, challenge } = pkcePair();
    const callback = await choose("olivia-owner", { state: "st&te", code_challenge: challenge, code_challenge_method: "S256" });
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe("st&te");
    const code = callback.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const tokens = await exchange({ code, code_verifier: verifier });
    expect(tokens).toMatchObject({ token_type: "bearer", scope: "read:user,user:email" });

    const user = await api("/user", tokens.access_token);
    expect(user.status).toBe(200);
    // no avatar: a GitHub avatar URL would show a real person's picture
    expect(await user.json()).toMatchObject({ id: -1, login: "olivia-owner", name: "Olivia Owner", email: "olivia@acme.example", avatar_url: null });
    // NextAuth's GitHub provider calls /user/emails with the `token` scheme.
    const emails = await api("/user/emails", tokens.access_token, "token");
    expect(await emails.json()).toEqual([
      { email: "olivia@acme.example", primary: true, verified: true, visibility: "private" },
      { email: "olivia-owner@users.noreply.example", primary: false, verified: false, visibility: null },
    ]);
  });

  it("refuses a wrong code_verifier, and takes a JSON body too", async () => {
    const { challenge } = pkcePair();
    const code = (await choose("olivia-owner", { code_challenge: challenge, code_challenge_method: "S256" })).searchParams.get("code")!;
    const response = await fetch(`${server.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ client_id: CLIENT_ID, client_secret: "secret", code, code_verifier: pkcePair().verifier }),
    });
    const body = await response.json();
    expect(body.error).toBe("bad_verification_code");
    expect(body.access_token).toBeUndefined();
  });

  it("accepts a code only once", async () => {
    const code = (await choose("olivia-owner")).searchParams.get("code")!;
    expect((await exchange({ code })).access_token).toMatch(/^gho_/);
    expect(await exchange({ code })).toMatchObject({ error: "bad_verification_code" });
  });

  it("answers 401 for an unknown token", async () => {
    const response = await api("/user", "gho_not-a-real-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Bad credentials" });
  });

  it("hides an emails-endpoint-only address from /user but gives it as primary and verified on /user/emails", async () => {
    const code = (await choose("private-pat")).searchParams.get("code")!;
    const { access_token } = await exchange({ code });
    expect(await (await api("/user", access_token)).json()).toMatchObject({ login: "private-pat", email: null });
    const emails: { email: string; primary: boolean; verified: boolean }[] = await (await api("/user/emails", access_token)).json();
    expect(emails.find((email) => email.primary)).toMatchObject({ email: "pat@acme.example", verified: true });
  });

  it("offers the demo people with their roles, plus an invitee and a stranger", () => {
    const notes = Object.fromEntries(demoIdentities().map((identity) => [identity.login, identity.note]));
    expect(notes).toMatchObject({
      "olivia-owner": "owner of acme",
      "sam-sales": "sales staff",
      "dana-demo": "owner of demo-sandbox",
      "new-hire": "invited to acme",
      stranger: "no access anywhere",
    });
    expect(Object.values(notes)).not.toContain(undefined);
  });

  it("gives every demo identity a negative GitHub id, which no real account can have", () => {
    const ids = demoIdentities().map((identity) => identity.githubId);
    expect(ids.filter((id) => !(Number.isInteger(id) && id < 0))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
