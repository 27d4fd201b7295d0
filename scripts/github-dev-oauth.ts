// The OAuth web flow of the local GitHub stand-in, as pure functions: what an authorize request must hold, and
// whether a token request may have the code's token (client, redirect URI, PKCE).
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { DevIdentity } from "./github-dev-identities";
import type { Params } from "./github-dev-http";

export interface AuthorizeRequest {
  clientId: string;
  /** As the client sent it: the token request must repeat it exactly. */
  redirectUri: string;
  state?: string;
  scope: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
}

export interface PendingCode extends AuthorizeRequest {
  identity: DevIdentity;
  expiresAt: number;
}

/** The validated request, or why it is refused. */
export function parseAuthorizeRequest(params: Params): AuthorizeRequest | string {
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
export function refusal(pending: PendingCode, params: Params, clientId: string | undefined): string | undefined {
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
export function badVerificationCode(description: string): Params {
  return { error: "bad_verification_code", error_description: description };
}

export function basicAuthClientId(req: IncomingMessage): string | undefined {
  const match = /^basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
  if (!match) return undefined;
  const credentials = Buffer.from(match[1], "base64").toString("utf8");
  // RFC 6749 §2.3.1: the user name is form-urlencoded.
  return decodeURIComponent(credentials.split(":")[0].replaceAll("+", " "));
}
