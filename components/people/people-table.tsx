// The staff page's table: one row a person, with their staff role, tenants, last sign-in and whether they are
// disabled, and for admins the controls to change the first and the last. The people service decides all the same.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { displayName } from "@/lib/domain/members/queries";
import type { PersonListItem } from "@/lib/domain/people/queries";
import { AccountDialog, StaffRoleDialog, type PeopleFormAction } from "./person-dialogs";
import { PersonName } from "./person-name";

const minute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export interface PeopleTableControls {
  /** null: the viewer may not change staff roles */
  changeStaffRole: PeopleFormAction | null;
  /** null: the viewer may not disable or enable accounts */
  disable: PeopleFormAction | null;
  enable: PeopleFormAction | null;
}

export function PeopleTable({ people, viewerId, filtered, controls }: {
  people: PersonListItem[];
  viewerId: string | null;
  /** whether a search or filter is on, for what the empty table says */
  filtered: boolean;
  controls: PeopleTableControls;
}) {
  const manage = Boolean(controls.changeStaffRole || controls.disable);
  const columns = manage ? 6 : 5;
  return (
    <Table
      caption="People"
      head={<>
        <Th>Person</Th><Th>Staff role</Th><Th>Tenants</Th><Th>Last sign-in</Th><Th>Account</Th>
        {manage && <Th><span className="sr-only">Actions</span></Th>}
      </>}
    >
      {people.length === 0 && (
        <EmptyRow columns={columns}>
          {filtered
            ? <>Nobody matches this search. <Link href="/staff" className="font-medium text-sky-700 underline dark:text-sky-400">Clear the search and filters</Link>, or search for part of a name, GitHub login or e-mail.</>
            : <>Nobody is on this page any more. <Link href="/staff" className="font-medium text-sky-700 underline dark:text-sky-400">Go to the first page</Link>.</>}
        </EmptyRow>
      )}
      {people.map((person) => {
        const name = displayName(person);
        const isViewer = person.id === viewerId;
        return (
          <Tr key={person.id}>
            <Td><PersonName name={name} githubLogin={person.githubLogin} email={person.email} avatarUrl={person.avatarUrl} note={isViewer ? "you" : undefined} /></Td>
            <Td>{person.staffRole ? <Badge tone={person.staffRole === "admin" ? "blue" : "neutral"}>{person.staffRole}</Badge> : <span className="text-zinc-600 dark:text-zinc-400">none</span>}</Td>
            <Td><TenantList count={person.tenantCount} tenants={person.tenants} /></Td>
            <Td className="tabular-nums">{person.lastSignInAt ? minute(person.lastSignInAt) : "never"}</Td>
            <Td>
              {person.disabledAt
                ? <span className="space-x-1"><Badge tone="red">disabled</Badge> <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">since {minute(person.disabledAt)}</span></span>
                : <Badge tone="green">enabled</Badge>}
            </Td>
            {manage && (
              <Td className="text-right">
                <div className="flex justify-end gap-2">
                  {controls.changeStaffRole && <StaffRoleDialog action={controls.changeStaffRole} userId={person.id} name={name} staffRole={person.staffRole} />}
                  {/* nobody disables themselves (the service refuses it too) */}
                  {controls.disable && controls.enable && !isViewer && (
                    <AccountDialog action={person.disabledAt ? controls.enable : controls.disable} userId={person.id} name={name} disabled={Boolean(person.disabledAt)} />
                  )}
                </div>
              </Td>
            )}
          </Tr>
        );
      })}
    </Table>
  );
}

function TenantList({ count, tenants }: { count: number; tenants: PersonListItem["tenants"] }) {
  if (count === 0) return <span className="text-zinc-600 dark:text-zinc-400">none</span>;
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
