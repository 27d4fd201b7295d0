// NextAuth's Prisma adapter, adjusted to this schema and to what we keep secret.
import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/lib/db/client";
import type { GatehouseProfileUser } from "./github";

/** What sessions.session_token holds: a hash, so a read of the table cannot be replayed as a cookie. */
export const sessionTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export function gatehouseAdapter(): Adapter {
  const base = PrismaAdapter(db) as Required<Adapter>;
  return {
    ...base,
    // A GitHub id is the identity: a person created ahead of their first sign-in (staff, demo data) is
    // found by github_id, and a new person is stored with it.
    async getUserByAccount(account) {
      const linked = await base.getUserByAccount(account);
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
    // The browser keeps the token; the database only its hash. NextAuth sets the cookie from what
    // createSession returns, so that keeps the raw token.
    async createSession({ sessionToken, ...session }) {
      const created = await base.createSession({ ...session, sessionToken: sessionTokenHash(sessionToken) });
      return { ...created, sessionToken };
    },
    getSessionAndUser: (sessionToken) => base.getSessionAndUser(sessionTokenHash(sessionToken)),
    updateSession: ({ sessionToken, ...session }) => base.updateSession({ ...session, sessionToken: sessionTokenHash(sessionToken) }),
    deleteSession: (sessionToken) => base.deleteSession(sessionTokenHash(sessionToken)),
  };
}
