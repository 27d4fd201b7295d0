import "server-only";
import type { AuthOptions } from "next-auth";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { gatehouseAdapter } from "./adapter";
import { githubProvider } from "./github";
import { acceptPendingInvitations, mayEnter } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const secureCookies = (env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}gatehouse.session-token`;

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
    // A GitHub user gets in with a membership, a staff role, or a pending invitation for their verified email.
    async signIn({ account, profile }) {
      if (account?.provider !== "github") return false;
      return (await mayEnter(BigInt(account.providerAccountId), profile?.email ?? null)) ? true : "/no-access";
    },
  },
  events: {
    async signIn({ user, profile }) {
      await acceptPendingInvitations(user.id, profile?.email ?? null);
      await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    },
  },
};
