// The page the local GitHub stand-in shows at /login/oauth/authorize: one button per identity, saying plainly
// that this is not GitHub.
import type { DevIdentity } from "./github-dev-identities";
import type { AuthorizeRequest } from "./github-dev-oauth";

export function authorizePage(request: AuthorizeRequest, identities: DevIdentity[]): string {
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
