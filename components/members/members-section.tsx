// The members of a tenant with their roles and, for owners and admin staff, the controls to change a role and
// to remove someone (invitations are ./invitations-section.tsx). The services enforce the same permissions.
import type { FormAction } from "@/components/ui/use-action-form";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listMembers } from "@/lib/domain/members/queries";
import { MembersTable } from "./members-table";

/** The server actions, bound to the tenant's page by the page. */
export type MemberActions = { changeRole: FormAction; remove: FormAction };

export async function MembersSection({ tenantId, actions }: { tenantId: string; actions: MemberActions }) {
  const actor = (await currentActor())!;
  if (!can(actor, "member.read", tenantId)) return null;
  const [members, mayInvite, mayChangeRole, mayRemove] = await Promise.all([
    listMembers(actor, tenantId),
    ...(["member.invite", "member.change_role", "member.remove"] as const).map((action) => allowedNow(actor, action, tenantId)),
  ]);

  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
      <MembersTable
        tenantId={tenantId}
        members={members}
        changeRole={mayChangeRole ? actions.changeRole : null}
        remove={mayRemove ? actions.remove : null}
        empty={mayInvite ? "Nobody belongs to this tenant yet: invite its first owner below." : "Nobody belongs to this tenant yet. An owner or an admin can invite people."}
      />
      {(mayChangeRole || mayRemove) && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">A tenant always keeps at least one owner: make someone else an owner before demoting or removing the last one.</p>
      )}
    </section>
  );
}
