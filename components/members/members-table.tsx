"use client";
// The columns of a tenant's members (MembersSection reads them, and what the viewer may do, on the server).
import { createContext, use } from "react";
import { Badge } from "@/components/ui/badge";
import { ActionDialog } from "@/components/ui/action-form";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import type { FormAction } from "@/components/ui/use-action-form";
import { PersonName } from "@/components/people/person-name";
import type { MemberRow } from "@/lib/domain/members/queries";
import { formatDay, formatMinute } from "@/lib/format-time";
import { MemberRoleForm } from "./row-actions";

// The role cell's form comes through context, as the DataTable's row actions do, so that the columns stay
// module-level: a column made per render would remount its cells (and close a confirmation open in one).
const RoleChange = createContext<{ tenantId: string; action: FormAction } | null>(null);

function RoleCell({ member }: { member: MemberRow }) {
  const roleChange = use(RoleChange);
  // the last owner cannot be demoted (the services refuse it): no control to offer
  return roleChange && !member.lastOwner ? (
    <MemberRoleForm key={member.role} action={roleChange.action} tenantId={roleChange.tenantId} membershipId={member.id} name={member.name} role={member.role} />
  ) : (
    <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{member.role}</Badge>
  );
}

const column = dataTableColumns<MemberRow>();
const columns = column.columns([
  column.accessor("name", {
    header: "Person",
    cell: ({ row: { original: member } }) => <PersonName name={member.name} githubLogin={member.githubLogin} email={member.email} avatarUrl={member.avatarUrl} />,
  }),
  column.accessor("role", { header: "Role", cell: ({ row }) => <RoleCell member={row.original} /> }),
  column.accessor("joinedAt", { header: "Joined", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => formatDay(getValue()) }),
  column.accessor("lastSignInAt", { header: "Last sign-in", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => { const at = getValue(); return at ? formatMinute(at) : "never"; } }),
]);

/** `changeRole` and `remove`: the viewer's actions, or null where they may not take them. */
export function MembersTable({ tenantId, members, changeRole, remove, empty }: {
  tenantId: string;
  members: MemberRow[];
  changeRole: FormAction | null;
  remove: FormAction | null;
  empty: string;
}) {
  return (
    <RoleChange value={changeRole && { tenantId, action: changeRole }}>
      <DataTable columns={columns} data={members} caption="Members of this tenant" getRowId={(member) => member.id} empty={empty}
        rowActions={remove ? (member) => (
          // the last owner cannot be removed (the services refuse it): no item, so no menu
          <RowMenu name={member.name} items={[
            !member.lastOwner && {
              label: "Remove", danger: true,
              dialog: (control) => (
                <ActionDialog
                  control={control}
                  action={remove}
                  fields={{ tenantId, membershipId: member.id }}
                  title={`Remove ${member.name}?`}
                  description={`${member.name} loses access to this tenant at once. API keys they created keep working until they are revoked.`}
                  submitLabel="Remove"
                  successToast={`${member.name} removed`}
                  danger
                />
              ),
            },
          ]} />
        ) : undefined}
      />
    </RoleChange>
  );
}
