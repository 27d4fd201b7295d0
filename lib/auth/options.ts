import "server-only";
import type { AuthOptions } from "next-auth";
import { env } from "@/lib/env";
import type { SignInRefusal } from "@/lib/domain/audit/events";
import { gatehouseAdapter } from "./adapter";
import { githubProvider, type GatehouseProfileUser, type GithubProfile } from "./github";
import { requestOrigin } from "./request-origin";
import { acceptPendingInvitations, promoteBootstrapAdmin, recordSignInRefusal, signInVerdict, type GithubIdentity } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const secureCookies = (env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}gatehouse.session-token`;

/** Where a refused sign-in is sent: a page that says why, and what to do. */
const REFUSED_TO: Record<SignInRefusal, string> = {
  not_a_member: "/no-access",
  no_verified_email: "/no-access?reason=no_verified_email",
  disabled: "/sign-in?error=AccountDisabled",
  demo_identity: "/sign-in?error=DemoIdentity",
};

export const authOptions: AuthOptions = {
  adapter: gatehouseAdapter(),
  secret: env.NEXTAUTH_SECRET,
  providers: [githubProvider(env)],
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // Before any row is written: the person is let in (lib/auth/sign-in.ts, signInVerdict) or turned away, recorded.
    async signIn({ account, profile }) {
      if (account?.provider !== "github") return false;
      const github = profile as unknown as GithubProfile; // what lib/auth/github.ts's userinfo request returns
      const identity: GithubIdentity = { githubId: BigInt(account.providerAccountId), githubLogin: github.login, verifiedEmail: github.email };
      const verdict = await signInVerdict(identity);
      if (verdict.ok) return true;
      await recordSignInRefusal(identity, verdict.refusal, await requestOrigin());
      return REFUSED_TO[verdict.refusal];
    },
  },
  events: {
    // After the session is open (the adapter recorded it): what this sign-in grants.
    async signIn({ user, profile }) {
      const github = profile as unknown as GatehouseProfileUser; // lib/auth/github.ts's profile()
      const identity: GithubIdentity = { githubId: BigInt(github.githubId), githubLogin: github.githubLogin, verifiedEmail: github.email };
      const origin = await requestOrigin();
      await promoteBootstrapAdmin(user.id, identity, origin);
      await acceptPendingInvitations(user.id, identity.verifiedEmail, origin);
    },
  },
};
