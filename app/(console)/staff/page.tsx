import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeopleFilters } from "@/components/people/people-filters";
import { PeopleTable } from "@/components/people/people-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsoleActor } from "@/lib/auth/actor";
import { allowedNow } from "@/lib/auth/authorize";
import { loadPeopleListParams, serializePeopleListParams } from "@/lib/domain/people/list-params";
import { listPeople } from "@/lib/domain/people/queries";
import { changeStaffRoleAction, disablePersonAction, enablePersonAction } from "./actions";

export const metadata: Metadata = { title: "People" };

const LINK = "rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:hover:bg-zinc-800";
const DISABLED = "rounded-md border border-zinc-200 px-3 py-1 text-sm text-zinc-400 dark:border-zinc-800";

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireConsoleActor();
  const params = loadPeopleListParams(await searchParams);
  const page = await listPeople(actor, params);
  // admin and support staff only; not found rather than forbidden, like any other page not yours
  if (!page) notFound();
  const [mayChangeRole, mayDisable] = await Promise.all([
    allowedNow(actor, "person.change_staff_role", null), allowedNow(actor, "person.disable", null),
  ]);
  const href = (cursor: string | null) => serializePeopleListParams("/staff", { ...params, cursor });
  return (
    <>
      <PageHeader
        title="People"
        description={<>
          Everyone with an account, by name: their platform staff role, their tenants and their last sign-in.
          {mayDisable && " Disabling an account ends its sessions at once and refuses its sign-in; the platform always keeps one enabled admin."}
        </>}
      />
      <PeopleFilters />
      <PeopleTable
        people={page.people}
        viewerId={actor.id}
        filtered={Boolean(params.q.trim() || params.staff || params.status)}
        controls={{
          changeStaffRole: mayChangeRole ? changeStaffRoleAction : null,
          disable: mayDisable ? disablePersonAction : null,
          enable: mayDisable ? enablePersonAction : null,
        }}
      />
      <nav aria-label="People pages" className="flex justify-end gap-2">
        {page.previous ? <Link className={LINK} href={href(page.previous.cursor)} rel="prev">Previous</Link> : <span className={DISABLED} aria-disabled="true">Previous</span>}
        {page.next ? <Link className={LINK} href={href(page.next.cursor)} rel="next">Next</Link> : <span className={DISABLED} aria-disabled="true">Next</span>}
      </nav>
    </>
  );
}
