// A tenant's API keys: the status filter (in the URL), the table, and for those allowed the controls to
// create, roll and revoke. The services enforce the same permissions.
import Link from "next/link";
import { serializeKeyListParams } from "@/lib/domain/keys/list-params";
import { KeySearch } from "./key-search";
import { KeysTable } from "./keys-table";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { allowedNow } from "@/lib/auth/authorize";
import { Pagination } from "@/components/ui/pagination";
import { API_KEY_STATUSES, listApiKeys, type ApiKeyStatus } from "@/lib/domain/keys/queries";
import { listProjects } from "@/lib/domain/projects/queries";
import { PRODUCT_KEYS, PRODUCTS } from "@/lib/domain/products/catalog";
import type { FormAction } from "@/components/ui/use-action-form";
import type { KeyFormAction } from "./key-reveal";
import { CreateKeyDialog } from "./create-key-dialog";
import { RollKeyHost } from "./roll-key";

const LABEL: Record<ApiKeyStatus, string> = { active: "Active", expiring: "Expiring", expired: "Expired", revoked: "Revoked" };

const keysPath = (slug: string) => `/t/${slug}/keys`;

function StatusFilter({ slug, current, q }: { slug: string; current?: ApiKeyStatus; q?: string }) {
  const options: [string, ApiKeyStatus | undefined][] = [["All", undefined], ...API_KEY_STATUSES.map((s) => [LABEL[s], s] as [string, ApiKeyStatus])];
  return (
    <nav aria-label="Filter keys by status">
      <ul className="flex flex-wrap gap-2">
        {options.map(([label, status]) => (
          <li key={label}>
            <Link
              href={serializeKeyListParams(keysPath(slug), { status, q })}
              aria-current={status === current ? "page" : undefined}
              className="inline-block rounded-full border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 aria-[current=page]:border-zinc-900 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-[current=page]:border-zinc-100 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function emptyText(status: ApiKeyStatus | undefined, q: string | undefined, mayCreate: boolean) {
  if (q) return `No ${status ? `${status} ` : ""}keys match “${q}”.`;
  if (status) return `No ${status} keys.`;
  return mayCreate
    ? "No keys yet. Create one to let your gateway clients authenticate."
    : "No keys yet. An owner or member of this tenant can create one to let your gateway clients authenticate.";
}

/** The server actions, bound to the tenant's page by the page. */
export type KeyActions = { create: KeyFormAction; revoke: FormAction; roll: KeyFormAction };

export async function KeysSection({ tenantId, slug, status, q, page, actions }: {
  tenantId: string; slug: string; status?: ApiKeyStatus; q?: string; page?: number; actions: KeyActions;
}) {
  const actor = (await currentActor())!;
  if (!can(actor, "api_key.read", tenantId)) return null;
  const [mayCreate, mayRevoke] = await Promise.all([allowedNow(actor, "api_key.create", tenantId), allowedNow(actor, "api_key.revoke", tenantId)]);
  const [list, projects] = await Promise.all([listApiKeys(actor, tenantId, { status, q, page }), mayCreate ? listProjects(actor, tenantId) : []]);
  const { keys } = list;
  return (
    <section aria-labelledby="keys-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="keys-heading" className="text-lg font-semibold tracking-tight">Keys</h2>
        {mayCreate && (
          <CreateKeyDialog
            tenantId={tenantId}
            action={actions.create}
            projects={projects.filter((p) => p.status === "active").map((p) => ({ value: p.id, label: p.name }))}
            products={PRODUCT_KEYS.map((p) => ({ value: p, label: PRODUCTS[p].label }))}
          />
        )}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusFilter slug={slug} current={status} q={q} />
        <KeySearch path={keysPath(slug)} />
      </div>
      <RollKeyHost tenantId={tenantId} action={actions.roll}>
        <KeysTable
          tenantId={tenantId}
          keys={keys}
          caption={status ? `${LABEL[status]} API keys` : "API keys"}
          empty={<>
            {emptyText(status, q, mayCreate)}
            {(status || q) && <> <Link href={`/t/${slug}/keys`} className="underline">Show all keys</Link></>}
          </>}
          mayRoll={mayCreate}
          revoke={mayRevoke ? actions.revoke : null}
        />
      </RollKeyHost>
      {list.total > 0 && (
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} href={(to) => serializeKeyListParams(keysPath(slug), { status, q, page: to })} />
      )}
    </section>
  );
}
