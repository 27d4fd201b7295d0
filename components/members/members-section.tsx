// The members of a tenant with their roles and, for owners and admin staff, the controls to change a role and
// to remove someone (invitations are ./invitations-section.tsx). The services enforce the same permissions.
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { ConfirmActionButton } from "@/components/ui/action-buttons";
import type { FormAction } from "@/components/ui/use-action-form";
import { PersonName } from "@/components/people/person-name";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listMembers } from "@/lib/domain/members/queries";
import { formatDay, formatMinute } from "@/lib/format-time";
import { MemberRoleForm } from "./row-actions";

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
      <Table
        caption="Members of this tenant"
        head={<>
          <Th>Person</Th><Th>Role</Th><Th>Joined</Th><Th>Last sign-in</Th>
          {mayRemove && <Th><span className="sr-only">Actions</span></Th>}
        </>}
      >
        {members.length === 0 && (
          <EmptyRow columns={mayRemove ? 5 : 4}>
            {mayInvite ? "Nobody belongs to this tenant yet: invite its first owner below." : "Nobody belongs to this tenant yet. An owner or an admin can invite people."}
          </EmptyRow>
        )}
        {members.map((member) => (
          <Tr key={member.id}>
            <Td><PersonName name={member.name} githubLogin={member.githubLogin} email={member.email} avatarUrl={member.avatarUrl} /></Td>
            <Td>
              {mayChangeRole ? (
                <MemberRoleForm key={member.role} action={actions.changeRole} tenantId={tenantId} membershipId={member.id} name={member.name} role={member.role} />
              ) : (
                <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{member.role}</Badge>
              )}
            </Td>
            <Td className="tabular-nums">{formatDay(member.joinedAt)}</Td>
            <Td className="tabular-nums">{member.lastSignInAt ? formatMinute(member.lastSignInAt) : "never"}</Td>
            {mayRemove && (
              <Td className="text-right">
                <ConfirmActionButton
                  action={actions.remove}
                  fields={{ tenantId, membershipId: member.id }}
                  label="Remove"
                  accessibleLabel={`Remove ${member.name}`}
                  title={`Remove ${member.name}?`}
                  description={`${member.name} loses access to this tenant at once. API keys they created keep working until they are revoked.`}
                  confirmLabel="Remove"
                />
              </Td>
            )}
          </Tr>
        ))}
      </Table>
      {(mayChangeRole || mayRemove) && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">A tenant always keeps at least one owner: make someone else an owner before demoting or removing the last one.</p>
      )}
    </section>
  );
}
