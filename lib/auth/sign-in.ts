// Who may sign in, what signing in with a pending invitation does, and where a person lands afterwards.
import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/mutation";
import type { Actor } from "./principal";

const pendingFor = (email: string) => ({ email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

/** A GitHub user may enter with a membership, a staff role, or a pending invitation for their verified email. */
export async function mayEnter(githubId: bigint, verifiedEmail: string | null): Promise<boolean> {
  const user = await db.user.findUnique({ where: { githubId }, select: { staffRole: true, _count: { select: { memberships: true } } } });
  if (user && (user.staffRole || user._count.memberships > 0)) return true;
  return verifiedEmail !== null && (await db.invitation.count({ where: pendingFor(verifiedEmail.toLowerCase()) })) > 0;
}

/** Turns every pending invitation for `verifiedEmail` into a membership, each audited, in one transaction. */
export async function acceptPendingInvitations(userId: string, verifiedEmail: string | null): Promise<void> {
  if (!verifiedEmail) return;
  await db.$transaction(async (tx) => {
    const invitations = await tx.invitation.findMany({ where: pendingFor(verifiedEmail.toLowerCase()), include: { tenant: true } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const actor: Actor = {
      type: "user", id: user.id, name: user.name ?? verifiedEmail, staffRole: user.staffRole, memberships: [],
      sessionId: null, sourceIp: null, userAgent: null,
    };
    for (const invitation of invitations) {
      await tx.membership.upsert({
        where: { tenantId_userId: { tenantId: invitation.tenantId, userId } },
        create: { tenantId: invitation.tenantId, userId, role: invitation.role },
        update: {},
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      await writeAudit(tx, actor, {
        action: "invitation.accepted", tenantId: invitation.tenantId, targetType: "invitation", targetId: invitation.id,
        targetName: invitation.email, after: { role: invitation.role },
      });
    }
  });
}

/**
 * Where `actor` lands after signing in: the tenant an invitation accepted by this sign-in let them into, else
 * their only tenant unless they are staff, else the overview.
 */
export async function landingPath({ sessionId, staffRole }: Actor): Promise<string> {
  if (!sessionId) return "/";
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      createdAt: true,
      user: { select: { memberships: { select: { createdAt: true, tenant: { select: { slug: true } } }, orderBy: { createdAt: "desc" } } } },
    },
  });
  const [newest, ...others] = session.user.memberships;
  // acceptPendingInvitations runs after NextAuth has created the session, so a membership it made is newer
  if (newest && (newest.createdAt >= session.createdAt || (!staffRole && others.length === 0))) return `/t/${newest.tenant.slug}`;
  return "/";
}

/**
 * `callbackUrl` when it is a path of this site, else null: an absolute URL would make sign-in an open redirect,
 * and browsers read both `//host` and `/\host` as one.
 */
export function sameSitePath(callbackUrl: string | undefined): string | null {
  return callbackUrl !== undefined && /^\/(?![/\\])/.test(callbackUrl) ? callbackUrl : null;
}
