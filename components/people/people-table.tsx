// The staff page's table: one row a person, with their staff role, tenants, last sign-in and whether they are
// disabled, and for admins the controls to change the first and the last. The people service decides all the same.
import Link from "next/link";
import { displayName } from "@/lib/domain/members/queries";
import type { PersonListItem } from "@/lib/domain/people/queries";
import { PeopleRows, type PeopleTableControls } from "./people-rows";

const link = "font-medium text-sky-700 underline dark:text-sky-400";

export function PeopleTable({ people, viewerId, filtered, controls }: {
  people: PersonListItem[];
  viewerId: string | null;
  /** whether a search or filter is on, for what the empty table says */
  filtered: boolean;
  controls: PeopleTableControls;
}) {
  return (
    <PeopleRows
      people={people.map((person) => ({ ...person, displayName: displayName(person), isViewer: person.id === viewerId }))}
      controls={controls}
      empty={filtered
        ? <>Nobody matches this search. <Link href="/staff" className={link}>Clear the search and filters</Link>, or search for part of a name, GitHub login or e-mail.</>
        : <>Nobody is on this page any more. <Link href="/staff" className={link}>Go to the first page</Link>.</>}
    />
  );
}
