import "server-only";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/domain/tenant-scope";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];
export type InvitationRow = Awaited<ReturnType<typeof listInvitations>>[number];

/** How a person is named in lists and audit rows. */
export const displayName = (user: { name: string | null; githubLogin: string | null; email: string | null }) =>
  user.name ?? user.githubLogin ?? user.email ?? "unknown";

/**
 * The tenant's members, owners first and then by name; [] when the principal may not read them. `lastOwner`
 * marks the tenant's only owner, whom the services refuse to demote or remove, so the page does not offer it.
 */
export async function listMembers(principal: Principal, tenantId: string) {
  if (!can(principal, "member.read", tenantId)) return [];
  const memberships = await db.membership.findMany({
    where: scoped(db, tenantId).where(),
    select: {
      id: true, role: true, createdAt: true,
      user: { select: { id: true, name: true, githubLogin: true, email: true, image: true, lastSignInAt: true } },
    },
  });
  const owners = memberships.filter((membership) => membership.role === "owner").length;
  return memberships
    .map(({ id, role, createdAt, user }) => ({
      id, role, lastOwner: role === "owner" && owners === 1, joinedAt: createdAt, userId: user.id, name: displayName(user),
      githubLogin: user.githubLogin, email: user.email, avatarUrl: user.image, lastSignInAt: user.lastSignInAt,
    }))
    .sort((a, b) => Number(b.role === "owner") - Number(a.role === "owner") || a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** The tenant's invitations neither accepted nor revoked (expired ones included, so they can be resent), newest first. */
export async function listInvitations(principal: Principal, tenantId: string) {
  if (!can(principal, "member.read", tenantId)) return [];
  const invitations = await db.invitation.findMany({
    where: scoped(db, tenantId).where({ acceptedAt: null, revokedAt: null }),
    orderBy: { createdAt: "desc" },
    select: {
      id: true, email: true, role: true, expiresAt: true, createdAt: true,
      invitedBy: { select: { name: true, githubLogin: true, email: true } },
    },
  });
  const now = Date.now();
  return invitations.map(({ invitedBy, ...invitation }) => ({
    ...invitation,
    invitedBy: invitedBy ? displayName(invitedBy) : null,
    expired: invitation.expiresAt.getTime() <= now,
  }));
}
