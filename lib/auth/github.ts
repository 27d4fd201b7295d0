// NextAuth's GitHub provider with its URLs from the environment, so the same code signs in against real
// GitHub in production and the local GitHub-compatible server (scripts/github-dev-server.ts) elsewhere.
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";

export interface GithubProfile {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string | null;
}

interface GithubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/** What the adapter's createUser receives (the profile minus id) and what sign-in checks. */
export interface GatehouseProfileUser {
  id: string;
  name: string;
  email: string | null;
  image: string | null;
  githubId: string;
  githubLogin: string;
}

// Optional here because `next build` loads this module without the environment (lib/env.ts skips then).
interface GithubEnv {
  GITHUB_ID?: string;
  GITHUB_SECRET?: string;
  GITHUB_BASE_URL?: string;
  GITHUB_API_URL?: string;
}

export function githubProvider(env: GithubEnv): OAuthConfig<GithubProfile> {
  const base = (env.GITHUB_BASE_URL ?? "https://github.com").replace(/\/$/, "");
  const api = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, "");
  return {
    id: "github",
    name: "GitHub",
    type: "oauth",
    clientId: env.GITHUB_ID,
    clientSecret: env.GITHUB_SECRET,
    checks: ["state", "pkce"],
    authorization: { url: `${base}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${base}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      // Only a verified address may match an invitation: take the primary verified one from /user/emails,
      // not the public profile email, which GitHub does not promise is verified.
      async request({ tokens }) {
        const auth = { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json" };
        const user = (await (await fetch(`${api}/user`, { headers: auth })).json()) as GithubProfile;
        const response = await fetch(`${api}/user/emails`, { headers: auth });
        const emails = response.ok ? ((await response.json()) as GithubEmail[]) : [];
        const verified = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified);
        // GitHub's null name does not fit NextAuth's Profile type (undefined); profile() below handles both
        return { ...user, email: verified?.email.toLowerCase() ?? null } as unknown as Profile;
      },
    },
    profile(profile): GatehouseProfileUser {
      return {
        id: String(profile.id),
        name: profile.name ?? profile.login,
        email: profile.email,
        image: profile.avatar_url,
        githubId: String(profile.id),
        githubLogin: profile.login,
      };
    },
  };
}
