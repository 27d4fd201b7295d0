// Platform admins manage people: staff roles given and taken, accounts disabled and enabled again. The platform
// keeps at least one enabled admin, as a tenant keeps its last owner (lib/domain/members/service.ts).
import "server-only";
import { mutate, mutation, MutationRefusal, type Tx } from "@/lib/db/mutation";
import type { StaffRole } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/principal";
import { countsAsAdmin } from "@/lib/auth/bootstrap";
import { displayName } from "@/lib/domain/members/queries";
import { changeStaffRoleInput, personInput } from "./schemas";

/** Gives a person a staff role, changes it, or takes it away (`none`). */
export const changeStaffRole = mutation({
  permission: "person.change_staff_role", event: "user.staff_role_changed",
  schema: changeStaffRoleInput, target: "userId",
  async execute(tx, { userId, staffRole }) {
    const person = await lockPersonKeepingAnAdmin(tx, userId, (p) => ({ staffRole, enabled: !p.disabledAt }));
    if (person.staffRole === staffRole) {
      throw new MutationRefusal("conflict", staffRole ? `${person.name} is already ${staffRole} staff.` : `${person.name} has no staff role.`);
    }
    await tx.user.update({ where: { id: userId }, data: { staffRole } });
    return {
      data: { userId, staffRole },
      audit: { targetName: person.name, before: { staffRole: person.staffRole }, after: { staffRole } },
    };
  },
});

/**
 * Disables an account: every session of the person ends in the same transaction, and their sign-in is refused
 * until they are enabled again (lib/auth/sign-in.ts). Their memberships and staff role stay. Nobody disables
 * themselves.
 */
export const disablePerson = (actor: Actor, input: unknown) => changeAccount(actor, input, true);

/** Enables a disabled account again: the person may sign in as before. */
export const enablePerson = (actor: Actor, input: unknown) => changeAccount(actor, input, false);

function changeAccount(actor: Actor, input: unknown, disable: boolean) {
  return mutate(actor, {
    permission: "person.disable",
    event: disable ? "user.disabled" : "user.enabled",
    schema: personInput, target: "userId",
    async execute(tx, { userId }) {
      if (disable && userId === actor.id) throw new MutationRefusal("conflict", "You cannot disable your own account: another admin can.");
      const person = await lockPersonKeepingAnAdmin(tx, userId, (p) => ({ staffRole: p.staffRole, enabled: !disable }));
      if (Boolean(person.disabledAt) === disable) throw new MutationRefusal("conflict", `${person.name} is ${disable ? "already" : "not"} disabled.`);
      const disabledAt = disable ? new Date() : null;
      await tx.user.update({ where: { id: userId }, data: { disabledAt } });
      const sessionsEnded = disable ? (await tx.session.deleteMany({ where: { userId } })).count : 0;
      return {
        data: { userId, disabledAt, sessionsEnded },
        audit: {
          targetName: person.name,
          before: { disabledAt: person.disabledAt }, after: { disabledAt }, metadata: disable ? { sessionsEnded } : undefined,
        },
      };
    },
  }, input);
}

interface LockedPerson {
  id: string;
  name: string | null;
  githubLogin: string | null;
  email: string | null;
  staffRole: StaffRole | null;
  disabledAt: Date | null;
  githubId: bigint | null;
}

/**
 * The person `userId`, refusing a change that would leave the platform without an enabled admin; `after` says what
 * the person will be. The enabled admins' rows and the target's are locked, in id order so two changes cannot
 * deadlock, before the admins are counted: of two admins demoting or disabling each other at once, the second
 * sees one admin left once the first commits.
 */
async function lockPersonKeepingAnAdmin(
  tx: Tx,
  userId: string,
  after: (person: LockedPerson) => { staffRole: StaffRole | null; enabled: boolean },
) {
  const locked = await tx.$queryRaw<LockedPerson[]>`
    SELECT id, name, github_login AS "githubLogin", email, staff_role::text AS "staffRole", disabled_at AS "disabledAt", github_id AS "githubId"
    FROM users
    WHERE (staff_role = 'admin' AND disabled_at IS NULL) OR id = ${userId}::uuid
    ORDER BY id
    FOR UPDATE`;
  const target = locked.find((row) => row.id === userId);
  if (!target) throw new MutationRefusal("not_found", "There is no such person.");
  const name = displayName(target);
  const admins = locked.filter(countsAsAdmin).length;
  const { staffRole, enabled } = after(target);
  if (countsAsAdmin(target) && !(staffRole === "admin" && enabled) && admins <= 1) {
    throw new MutationRefusal("conflict", `${name} is the platform's last enabled admin and cannot be ${enabled ? "demoted" : "disabled"}: make someone else an admin first.`);
  }
  return { ...target, name };
}
