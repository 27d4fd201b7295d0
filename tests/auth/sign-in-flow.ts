// Signing in as NextAuth's OAuth callback does, with the real options (lib/auth/options.ts): the signIn callback,
// then the adapter's calls, then the signIn event. Test files using it mock next/headers with ORIGIN's headers.
import "./auth-env";
import { randomBytes } from "node:crypto";
import type { Account, Profile, User } from "next-auth";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "../../lib/auth/options";
import { githubProvider, type GithubProfile } from "../../lib/auth/github";
import { uniqueSlug } from "../support/database";

/** Where the mocked request comes from: the console server's peer header says 198.51.100.7, user-agent vitest-browser. */
export const ORIGIN = { sourceIp: "198.51.100.7", userAgent: "vitest-browser" };

/** The OAuth access token GitHub hands over on every sign-in here: it must never be stored. */
export const GITHUB_TOKEN = `gho_${randomBytes(18).toString("hex")}`;

let nextGithubId = 5_000_000 + Number.parseInt(randomBytes(3).toString("hex"), 16) * 10;
/** A GitHub id no other test uses (positive, like every real one). */
export const newGithubId = () => nextGithubId++;

/** What GitHub says about the person: /user, with the primary verified e-mail from /user/emails (or none). */
export type GithubUser = Pick<GithubProfile, "id" | "login" | "email"> & { name?: string };

/** A GitHub account no other test uses, its login starting with `loginBase`, `overrides` over the defaults. */
export function githubPerson(overrides: Partial<GithubUser> = {}, loginBase = "gh"): GithubUser {
  const login = uniqueSlug(loginBase);
  return { id: newGithubId(), login, name: `Person ${login}`, email: `${login}@example.test`, ...overrides };
}

export interface SignInOutcome {
  /** the signIn callback's answer: true, or where a refused person is sent */
  allowed: string | boolean;
  /** the session cookie's value, when let in */
  sessionToken: string | null;
  userId: string | null;
}

export async function signInWithGithub(github: GithubUser): Promise<SignInOutcome> {
  const adapter = authOptions.adapter!;
  const oauthProfile: GithubProfile = { name: null, avatar_url: null, ...github };
  const profile = (await githubProvider({}).profile(oauthProfile, {})) as User;
  const account: Account = {
    provider: "github", type: "oauth", providerAccountId: String(github.id),
    access_token: GITHUB_TOKEN, token_type: "bearer", scope: "read:user,user:email",
  };
  const byAccount = { provider: "github", providerAccountId: String(github.id) };
  const existing = await adapter.getUserByAccount!(byAccount);
  const allowed = await authOptions.callbacks!.signIn!({ user: existing ?? profile, account, profile: oauthProfile as unknown as Profile });
  if (allowed !== true) return { allowed, sessionToken: null, userId: existing?.id ?? null };

  // next-auth/core/lib/callback-handler.js, for an OAuth account and no session cookie
  const user = existing ?? (await adapter.createUser!(newUser(profile)));
  if (!existing) await adapter.linkAccount!({ ...account, userId: user.id });
  const sessionToken = randomBytes(32).toString("hex");
  await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
  await authOptions.events!.signIn!({ user, account, profile: profile as Profile, isNewUser: !existing });
  return { allowed, sessionToken, userId: user.id };
}

/** What NextAuth hands createUser: the profile without its id, not yet verified. */
function newUser(profile: User) {
  const fields: Partial<User> = { ...profile };
  delete fields.id;
  return { ...fields, emailVerified: null };
}

/** Signs the session out as NextAuth's signout route does. */
export const signOut = (sessionToken: string) => authOptions.adapter!.deleteSession!(sessionToken);
