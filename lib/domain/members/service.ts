import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mutate, mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import { Prisma } from "@/lib/db/generated/client";
import type { MemberRole } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/principal";
import { foundOr, scoped } from "@/lib/domain/tenant-scope";
import { displayName } from "./queries";
import { changeRoleInput, invitationInput, inviteInput, membershipInput } from "./schemas";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A fresh invitation secret. Only its sha256 is stored: the raw token is for an emailed link, while
 * signing in with the invited, verified email is what accepts an invitation today (lib/auth/sign-in.ts).
 */
function newTokenHash(): string {
  const token = randomBytes(32).toString("base64url");
  return createHash("sha256").update(token).digest("hex");
}

/** An invitation neither accepted nor revoked yet. */
const PENDING = { acceptedAt: null, revokedAt: null };

const newExpiry = () => new Date(Date.now() + INVITATION_LIFETIME_MS);

/** A new invitation's secret hash and expiry, for services that invite as part of a larger change. */
export const newInvitationTerms = () => ({ tokenHash: newTokenHash(), expiresAt: newExpiry() });

/** Invites `email` into the tenant with `role`; signing in with that verified email accepts it. */
export function inviteMember(actor: Actor, input: unknown) {
  return mutate(actor, {
    permission: "member.invite", event: "invitation.created",
    schema: inviteInput,
    async execute(tx, { tenantId, email, role }) {
      if (await isMemberByEmail(tx, tenantId, email)) throw new MutationRefusal("conflict", `${email} is already a member of this tenant.`);
      const alreadyInvited = new MutationRefusal("conflict", `${email} already has a pending invitation (resend it instead).`);
      if (await tx.invitation.findFirst({ where: scoped(tx, tenantId).where({ email, ...PENDING }), select: { id: true } })) {
        throw alreadyInvited;
      }
      const invitation = await tx.invitation
        .create({
          data: { tenantId, email, role, tokenHash: newTokenHash(), invitedById: actor.id, expiresAt: newExpiry() },
          select: { id: true, email: true, role: true, expiresAt: true },
        })
        // Two invitations racing past the check above meet the partial index invitations_one_pending_per_email.
        .catch((error: unknown) => {
          throw error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" ? alreadyInvited : error;
        });
      return {
        data: invitation,
        audit: { targetId: invitation.id, targetName: email, after: { email, role, expiresAt: invitation.expiresAt } },
      };
    },
  }, input);
}

/**
 * Whether a member of `tenantId` has the address `email` (lowercase, as the schema makes it), compared exactly once
 * case-folded. Not Prisma's `mode: "insensitive"`, an unescaped ILIKE, in which the `_` of a_b@x.com matches the x
 * of a member's axb@x.com.
 */
async function isMemberByEmail(tx: Tx, tenantId: string, email: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.tenant_id = ${tenantId}::uuid AND lower(u.email) = ${email}
    LIMIT 1`;
  return rows.length > 0;
}

/** Gives a pending invitation a new token and another 7 days. */
export const resendInvitation = mutation({
  permission: "member.invite", event: "invitation.resent",
  schema: invitationInput, target: "invitationId",
  async execute(tx, { tenantId, invitationId }) {
    const invitation = await lockPendingInvitation(tx, tenantId, invitationId);
    const expiresAt = newExpiry();
    await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash: newTokenHash(), expiresAt } });
    return {
      data: { id: invitation.id, expiresAt },
      audit: { targetName: invitation.email, before: { expiresAt: invitation.expiresAt }, after: { expiresAt } },
    };
  },
});

/** Withdraws a pending invitation: signing in with its email no longer accepts it. */
export const revokeInvitation = mutation({
  permission: "member.invite", event: "invitation.revoked",
  schema: invitationInput, target: "invitationId",
  async execute(tx, { tenantId, invitationId }) {
    const invitation = await lockPendingInvitation(tx, tenantId, invitationId);
    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt } });
    return {
      data: { id: invitation.id, revokedAt },
      audit: { targetName: invitation.email, before: { role: invitation.role, expiresAt: invitation.expiresAt } },
    };
  },
});

/**
 * The pending invitation `invitationId` of `tenantId`, locked so that a resend and a revoke of it serialize;
 * not_found when it is another tenant's, accepted or revoked.
 */
async function lockPendingInvitation(tx: Tx, tenantId: string, invitationId: string) {
  const tenant = scoped(tx, tenantId);
  await tenant.lock("invitations", invitationId);
  return foundOr(tenant.invitation(invitationId, PENDING), "There is no pending invitation with that id in this tenant.");
}

/** Changes a member's role; the tenant's last owner cannot be demoted. */
export const changeMemberRole = mutation({
  permission: "member.change_role", event: "membership.role_changed",
  schema: changeRoleInput, target: "membershipId",
  async execute(tx, { tenantId, membershipId, role }) {
    const target = await lockMembershipKeepingAnOwner(tx, tenantId, membershipId, role);
    if (target.role === role) throw new MutationRefusal("conflict", `${target.name} is already ${withArticle(role)}.`);
    await tx.membership.update({ where: { id: membershipId }, data: { role } });
    return {
      data: { id: membershipId, role },
      audit: { targetName: target.name, before: { role: target.role }, after: { role } },
    };
  },
});

/** Removes a member from the tenant (their sessions stay: a session is the person's, not the tenant's). */
export const removeMember = mutation({
  permission: "member.remove", event: "membership.removed",
  schema: membershipInput, target: "membershipId",
  async execute(tx, { tenantId, membershipId }) {
    const target = await lockMembershipKeepingAnOwner(tx, tenantId, membershipId, null);
    await tx.membership.delete({ where: { id: membershipId } });
    return {
      data: { id: membershipId },
      audit: { targetName: target.name, before: { role: target.role, userId: target.userId } },
    };
  },
});

/**
 * The membership `membershipId` of `tenantId`, refusing a change that would leave the tenant without an owner
 * (`newRole` null: the member leaves). The tenant's owner rows and the target are locked, in id order so two
 * changes cannot deadlock, before the owners are counted: of two owners demoting each other at once, the
 * second sees one owner left once the first commits.
 */
async function lockMembershipKeepingAnOwner(tx: Tx, tenantId: string, membershipId: string, newRole: MemberRole | null) {
  const locked = await tx.$queryRaw<{ id: string; role: MemberRole }[]>`
    SELECT id, role::text AS role FROM memberships
    WHERE tenant_id = ${tenantId}::uuid AND (role = 'owner' OR id = ${membershipId}::uuid)
    ORDER BY id
    FOR UPDATE`;
  const target = locked.find((row) => row.id === membershipId);
  if (!target) throw new MutationRefusal("not_found", "There is no such member in this tenant.");
  const { user } = await tx.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { user: { select: { id: true, name: true, githubLogin: true, email: true } } },
  });
  const name = displayName(user);
  const owners = locked.filter((row) => row.role === "owner").length;
  if (target.role === "owner" && newRole !== "owner" && owners <= 1) {
    const change = newRole ? `made ${withArticle(newRole)}` : "removed";
    throw new MutationRefusal("conflict", `${name} is the last owner of this tenant and cannot be ${change}: make someone else an owner first.`);
  }
  return { role: target.role, userId: user.id, name };
}

const withArticle = (role: MemberRole) => (role === "owner" ? "an owner" : `a ${role}`);
