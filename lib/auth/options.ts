import "server-only";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { githubProvider, type GatehouseProfileUser } from "./github";
import { acceptPendingInvitations, mayEnter } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const secureCookies = (env.NEXTAUTH_URL ?? "").startsWith("https://");
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}gatehouse.session-token`;

// The Prisma adapter, taught that a GitHub id is the identity: a person created ahead of their first
// sign-in (staff, demo data) is found by github_id, and a new person is stored with it.
function adapter(): Adapter {
  const base = PrismaAdapter(db) as Adapter;
  return {
    ...base,
    async getUserByAccount(account) {
      const linked = await base.getUserByAccount!(account);
      if (linked || account.provider !== "github") return linked;
      return (await db.user.findUnique({ where: { githubId: BigInt(account.providerAccountId) } })) as AdapterUser | null;
    },
    async createUser(data: Omit<AdapterUser, "id">) {
      const profile = data as unknown as Omit<GatehouseProfileUser, "id"> & { emailVerified: Date | null };
      return (await db.user.create({
        data: {
          name: profile.name, email: profile.email, image: profile.image, emailVerified: profile.email ? new Date() : null,
          githubId: BigInt(profile.githubId), githubLogin: profile.githubLogin,
        },
      })) as AdapterUser;
    },
  };
}

export const authOptions: AuthOptions = {
  adapter: adapter(),
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
