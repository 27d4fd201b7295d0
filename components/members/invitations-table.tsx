"use client";
// The columns of a tenant's pending invitations (InvitationsSection reads them, and what the viewer may do, on
// the server).
import { Badge } from "@/components/ui/badge";
import { ActionButton, ConfirmActionButton } from "@/components/ui/action-buttons";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import type { FormAction } from "@/components/ui/use-action-form";
import type { InvitationRow } from "@/lib/domain/members/queries";
import { formatMinute } from "@/lib/format-time";

const column = dataTableColumns<InvitationRow>();
const columns = column.columns([
  column.accessor("email", { header: "Email" }),
  column.accessor("role", { header: "Role", cell: ({ getValue }) => <Badge>{getValue()}</Badge> }),
  column.accessor("invitedBy", { header: "Invited by", cell: ({ getValue }) => getValue() ?? "—" }),
  column.accessor("expiresAt", {
    header: "Expires", meta: { cellClassName: "tabular-nums" },
    cell: ({ row: { original: invitation } }) => <>{formatMinute(invitation.expiresAt)} {invitation.expired && <Badge tone="amber">expired</Badge>}</>,
  }),
]);

/** `manage`: the viewer's resend and revoke actions, or null when they may not invite. */
export function InvitationsTable({ tenantId, invitations, manage, empty }: {
  tenantId: string;
  invitations: InvitationRow[];
  manage: { resend: FormAction; revoke: FormAction } | null;
  empty: string;
}) {
  return (
    <DataTable columns={columns} data={invitations} caption="Pending invitations" getRowId={(invitation) => invitation.id} empty={empty}
      rowActions={manage ? (invitation) => (
        <>
          <ActionButton
            action={manage.resend}
            fields={{ tenantId, invitationId: invitation.id }}
            label="Resend"
            pendingLabel="Resending…"
            successToast={`Invitation to ${invitation.email} resent: it is good for 7 more days`}
            accessibleLabel={`Resend the invitation to ${invitation.email} for 7 more days`}
          />
          <ConfirmActionButton
            action={manage.revoke}
            fields={{ tenantId, invitationId: invitation.id }}
            label="Revoke"
            accessibleLabel={`Revoke the invitation to ${invitation.email}`}
            title={`Revoke the invitation to ${invitation.email}?`}
            description="Signing in with this email will no longer join the tenant. You can invite them again later."
            confirmLabel="Revoke invitation"
            successToast={`Invitation to ${invitation.email} revoked`}
          />
        </>
      ) : undefined}
    />
  );
}
