// NextAuth's Prisma adapter, adjusted to this schema and to what we keep secret, and recording what a sign-in
// changes: each write in one transaction with its audit event.
import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/mutation";
import { displayName } from "@/lib/domain/members/queries";
import type { GatehouseProfileUser } from "./github";
import { requestOrigin } from "./request-origin";
import { signInActor } from "./sign-in";

/** What sessions.session_token holds: a hash, so a read of the table cannot be replayed as a cookie. */
export const sessionTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

const sessionOf = ({ userId, expires }: { userId: string; expires: Date }, sessionToken: string): AdapterSession => ({ sessionToken, userId, expires });

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
      const origin = await requestOrigin();
      return db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            name: profile.name, email: profile.email, image: profile.image, emailVerified: profile.email ? new Date() : null,
            githubId: BigInt(profile.githubId), githubLogin: profile.githubLogin,
          },
        });
        await writeAudit(tx, signInActor(user, origin), {
          event: "user.created", targetId: user.id, targetName: displayName(user),
          after: { githubId: profile.githubId, githubLogin: user.githubLogin, email: user.email, name: user.name },
        });
        return user as AdapterUser;
      });
    },
    // GitHub's token is needed only while signing in (lib/auth/github.ts reads the profile with it), so none is
    // kept: the link stores who the account is and what was granted, nothing more.
    async linkAccount({ userId, type, provider, providerAccountId, scope }: AdapterAccount) {
      const origin = await requestOrigin();
      await db.$transaction(async (tx) => {
        const account = await tx.account.create({ data: { userId, type, provider, providerAccountId, scope }, include: { user: true } });
        await writeAudit(tx, signInActor(account.user, origin), {
          event: "user.account_linked", targetId: userId, targetName: displayName(account.user),
          metadata: { provider, providerAccountId, scope },
        });
      });
    },
    // The browser keeps the token; the database only its hash. NextAuth sets the cookie from what
    // createSession returns, so that keeps the raw token. Signing in is the session, the last sign-in and its event.
    async createSession({ sessionToken, userId, expires }) {
      const origin = await requestOrigin();
      return db.$transaction(async (tx) => {
        const session = await tx.session.create({
          data: { sessionToken: sessionTokenHash(sessionToken), userId, expires, ipAddress: origin.sourceIp, userAgent: origin.userAgent },
        });
        const user = await tx.user.update({ where: { id: userId }, data: { lastSignInAt: session.createdAt } });
        await writeAudit(tx, signInActor(user, origin, session.id), {
          event: "session.created", targetId: session.id, targetName: displayName(user),
        });
        return sessionOf(session, sessionToken);
      });
    },
    getSessionAndUser: (sessionToken) => base.getSessionAndUser(sessionTokenHash(sessionToken)),
    updateSession: ({ sessionToken, ...session }) => base.updateSession({ ...session, sessionToken: sessionTokenHash(sessionToken) }),
    // NextAuth deletes a session when its person signs out, and when it finds one expired: only the first is an event.
    async deleteSession(sessionToken) {
      const origin = await requestOrigin();
      return db.$transaction(async (tx) => {
        const session = await tx.session.delete({ where: { sessionToken: sessionTokenHash(sessionToken) }, include: { user: true } });
        if (session.expires > new Date()) {
          await writeAudit(tx, signInActor(session.user, origin, session.id), {
            event: "session.ended", targetId: session.id, targetName: displayName(session.user),
          });
        }
        return sessionOf(session, sessionToken);
      });
    },
  };
}
