"use client";
// The columns of the staff page's people table (PeopleTable names each person on the server and hands them here).
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, dataTableColumns } from "@/components/ui/data-table";
import { RowMenu } from "@/components/ui/row-menu";
import type { PersonListItem } from "@/lib/domain/people/queries";
import { formatMinute } from "@/lib/format-time";
import type { FormAction } from "@/components/ui/use-action-form";
import { AccountDialog, StaffRoleDialog } from "./person-dialogs";
import { PersonName } from "./person-name";

export interface PeopleTableControls {
  /** null: the viewer may not change staff roles */
  changeStaffRole: FormAction | null;
  /** null: the viewer may not disable or enable accounts */
  disable: FormAction | null;
  enable: FormAction | null;
}

export interface PersonRow extends PersonListItem {
  /** how the person is named in lists */
  displayName: string;
  isViewer: boolean;
}

const column = dataTableColumns<PersonRow>();
const none = <span className="text-zinc-600 dark:text-zinc-400">none</span>;

const columns = column.columns([
  column.display({
    id: "person", header: "Person",
    cell: ({ row: { original: p } }) => <PersonName name={p.displayName} githubLogin={p.githubLogin} email={p.email} avatarUrl={p.avatarUrl} note={p.isViewer ? "you" : undefined} />,
  }),
  column.accessor("staffRole", {
    header: "Staff role",
    cell: ({ getValue }) => { const role = getValue(); return role ? <Badge tone={role === "admin" ? "blue" : "neutral"}>{role}</Badge> : none; },
  }),
  column.display({ id: "tenants", header: "Tenants", cell: ({ row }) => <TenantList count={row.original.tenantCount} tenants={row.original.tenants} /> }),
  column.accessor("lastSignInAt", { header: "Last sign-in", meta: { cellClassName: "tabular-nums" }, cell: ({ getValue }) => { const at = getValue(); return at ? formatMinute(at) : "never"; } }),
  column.accessor("disabledAt", {
    header: "Account",
    cell: ({ getValue }) => {
      const since = getValue();
      return since
        ? <span className="space-x-1"><Badge tone="red">disabled</Badge> <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">since {formatMinute(since)}</span></span>
        : <Badge tone="green">enabled</Badge>;
    },
  }),
]);

export function PeopleRows({ people, controls: { changeStaffRole, disable, enable }, empty }: { people: PersonRow[]; controls: PeopleTableControls; empty: ReactNode }) {
  const controls = (p: PersonRow) => (
    <RowMenu name={p.displayName} items={[
      changeStaffRole && {
        label: "Staff role",
        dialog: (control) => <StaffRoleDialog action={changeStaffRole} userId={p.id} name={p.displayName} staffRole={p.staffRole} control={control} />,
      },
      // nobody disables themselves (the service refuses it too)
      disable && enable && !p.isViewer && {
        label: p.disabledAt ? "Enable" : "Disable",
        danger: !p.disabledAt,
        dialog: (control) => <AccountDialog action={p.disabledAt ? enable : disable} userId={p.id} name={p.displayName} disabled={Boolean(p.disabledAt)} control={control} />,
      },
    ]} />
  );
  return (
    <DataTable columns={columns} data={people} caption="People" getRowId={(person) => person.id} empty={empty}
      rowActions={changeStaffRole || disable ? controls : undefined} />
  );
}

function TenantList({ count, tenants }: { count: number; tenants: PersonListItem["tenants"] }) {
  if (count === 0) return none;
  return (
    <div className="text-sm">
      <span className="tabular-nums">{count}</span>
      <span className="text-zinc-600 dark:text-zinc-400">: </span>
      {tenants.map((tenant, index) => (
        <span key={tenant.slug}>
          {index > 0 && ", "}
          <Link href={`/t/${tenant.slug}`} className="hover:underline">{tenant.name}</Link>
          <span className="text-xs text-zinc-600 dark:text-zinc-400"> ({tenant.role})</span>
        </span>
      ))}
      {count > tenants.length && <span className="text-zinc-600 dark:text-zinc-400"> and {count - tenants.length} more</span>}
    </div>
  );
}
