// A tenant's pending invitations and, for owners and admin staff, the controls to resend and revoke them and the
// form to invite someone. The services enforce the same permissions.
import { Card } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/use-action-form";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { listInvitations } from "@/lib/domain/members/queries";
import { InvitationsTable } from "./invitations-table";
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
      <InvitationsTable
        tenantId={tenantId}
        invitations={invitations}
        manage={mayInvite ? { resend: actions.resend, revoke: actions.revoke } : null}
        empty={mayInvite ? "No pending invitations. Invite someone with the form below." : "No pending invitations."}
      />

      {mayInvite && (
        <Card className="space-y-3">
          <h3 className="font-semibold">Invite someone</h3>
          <InviteForm action={actions.invite} tenantId={tenantId} />
        </Card>
      )}
    </section>
  );
}
