"use client";
// The columns of a tenant's pending invitations (InvitationsSection reads them, and what the viewer may do, on
// the server).
import { Badge } from "@/components/ui/badge";
import { ActionDialog } from "@/components/ui/action-form";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
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
        <RowMenu name={`the invitation to ${invitation.email}`} items={[
          {
            label: "Resend",
            dialog: (control) => (
              <ActionDialog
                control={control}
                action={manage.resend}
                fields={{ tenantId, invitationId: invitation.id }}
                title={`Resend the invitation to ${invitation.email}?`}
                description="The email goes out again, and the invitation is good for 7 more days from now."
                submitLabel="Resend invitation"
                pendingLabel="Resending…"
                successToast={`Invitation to ${invitation.email} resent: it is good for 7 more days`}
              />
            ),
          },
          {
            label: "Revoke", danger: true,
            dialog: (control) => (
              <ActionDialog
                control={control}
                action={manage.revoke}
                fields={{ tenantId, invitationId: invitation.id }}
                title={`Revoke the invitation to ${invitation.email}?`}
                description="Signing in with this email will no longer join the tenant. You can invite them again later."
                submitLabel="Revoke invitation"
                successToast={`Invitation to ${invitation.email} revoked`}
                danger
              />
            ),
          },
        ]} />
      ) : undefined}
    />
  );
}
