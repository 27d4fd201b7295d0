// The people of a tenant: members with their roles, pending invitations, and (for owners and admin staff)
// the controls to invite, change roles and remove. The services enforce the same permissions.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listInvitations, listMembers } from "@/lib/domain/members/queries";
import {
  changeMemberRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction,
} from "@/app/(console)/t/[slug]/members-actions";
import { PersonName } from "@/components/people/person-name";
import { InviteForm } from "./invite-form";
import { ActionButton, ConfirmActionButton } from "@/components/ui/action-buttons";
import { MemberRoleForm } from "./row-actions";

const day = (date: Date) => date.toISOString().slice(0, 10);
const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function MembersSection({ tenantId, slug }: { tenantId: string; slug: string }) {
  const actor = (await currentActor())!;
  if (!can(actor, "member.read", tenantId)) return null;
  const [members, invitations] = await Promise.all([listMembers(actor, tenantId), listInvitations(actor, tenantId)]);
  const [mayInvite, mayChangeRole, mayRemove] = await Promise.all(
    (["member.invite", "member.change_role", "member.remove"] as const).map((action) => allowedNow(actor, action, tenantId)),
  );
  const manageMembers = mayChangeRole || mayRemove;

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
                <MemberRoleForm
                  key={member.role}
                  action={changeMemberRoleAction.bind(null, slug)}
                  tenantId={tenantId}
                  membershipId={member.id}
                  name={member.name}
                  role={member.role}
                />
              ) : (
                <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{member.role}</Badge>
              )}
            </Td>
            <Td className="tabular-nums">{day(member.joinedAt)}</Td>
            <Td className="tabular-nums">{member.lastSignInAt ? minute(member.lastSignInAt) : "never"}</Td>
            {mayRemove && (
              <Td className="text-right">
                <ConfirmActionButton
                  action={removeMemberAction.bind(null, slug)}
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
      {manageMembers && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">A tenant always keeps at least one owner: make someone else an owner before demoting or removing the last one.</p>
      )}

      <h3 className="pt-2 font-semibold">Pending invitations</h3>
      <Table
        caption="Pending invitations"
        head={<>
          <Th>Email</Th><Th>Role</Th><Th>Invited by</Th><Th>Expires</Th>
          {mayInvite && <Th><span className="sr-only">Actions</span></Th>}
        </>}
      >
        {invitations.length === 0 && (
          <EmptyRow columns={mayInvite ? 5 : 4}>
            {mayInvite ? "No pending invitations. Invite someone with the form below." : "No pending invitations."}
          </EmptyRow>
        )}
        {invitations.map((invitation) => (
          <Tr key={invitation.id}>
            <Td>{invitation.email}</Td>
            <Td><Badge>{invitation.role}</Badge></Td>
            <Td>{invitation.invitedBy ?? "—"}</Td>
            <Td className="tabular-nums">
              {minute(invitation.expiresAt)} {invitation.expired && <Badge tone="amber">expired</Badge>}
            </Td>
            {mayInvite && (
              <Td className="text-right">
                <div className="flex items-start justify-end gap-2">
                  <ActionButton
                    action={resendInvitationAction.bind(null, slug)}
                    fields={{ tenantId, invitationId: invitation.id }}
                    label="Resend"
                    pendingLabel="Resending…"
                    accessibleLabel={`Resend the invitation to ${invitation.email} for 7 more days`}
                  />
                  <ConfirmActionButton
                    action={revokeInvitationAction.bind(null, slug)}
                    fields={{ tenantId, invitationId: invitation.id }}
                    label="Revoke"
                    accessibleLabel={`Revoke the invitation to ${invitation.email}`}
                    title={`Revoke the invitation to ${invitation.email}?`}
                    description="Signing in with this email will no longer join the tenant. You can invite them again later."
                    confirmLabel="Revoke invitation"
                  />
                </div>
              </Td>
            )}
          </Tr>
        ))}
      </Table>

      {mayInvite && (
        <Card className="space-y-3">
          <h3 className="font-semibold">Invite someone</h3>
          <InviteForm action={inviteMemberAction.bind(null, slug)} tenantId={tenantId} />
        </Card>
      )}
    </section>
  );
}
