// A tenant's pending invitations and, for owners and admin staff, the controls to resend and revoke them and the
// form to invite someone. The services enforce the same permissions.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { ActionButton, ConfirmActionButton } from "@/components/ui/action-buttons";
import type { FormAction } from "@/components/ui/use-action-form";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listInvitations } from "@/lib/domain/members/queries";
import { formatMinute } from "@/lib/format-time";
import { InviteForm } from "./invite-form";

/** The server actions, bound to the tenant's page by the page. */
export type InvitationActions = { invite: FormAction; resend: FormAction; revoke: FormAction };

export async function InvitationsSection({ tenantId, actions }: { tenantId: string; actions: InvitationActions }) {
  const actor = (await currentActor())!;
  if (!can(actor, "member.read", tenantId)) return null;
  const [invitations, mayInvite] = await Promise.all([listInvitations(actor, tenantId), allowedNow(actor, "member.invite", tenantId)]);

  return (
    <section aria-labelledby="invitations-heading" className="space-y-4">
      <h2 id="invitations-heading" className="text-lg font-semibold">Pending invitations</h2>
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
              {formatMinute(invitation.expiresAt)} {invitation.expired && <Badge tone="amber">expired</Badge>}
            </Td>
            {mayInvite && (
              <Td className="text-right">
                <div className="flex items-start justify-end gap-2">
                  <ActionButton
                    action={actions.resend}
                    fields={{ tenantId, invitationId: invitation.id }}
                    label="Resend"
                    pendingLabel="Resending…"
                    accessibleLabel={`Resend the invitation to ${invitation.email} for 7 more days`}
                  />
                  <ConfirmActionButton
                    action={actions.revoke}
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
          <InviteForm action={actions.invite} tenantId={tenantId} />
        </Card>
      )}
    </section>
  );
}
