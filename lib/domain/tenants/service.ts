import "server-only";
import { isoDay } from "@/lib/domain/bounds";
import { mutate, MutationRefusal, writeAudit, type Tx } from "@/lib/db/mutation";
import type { Actor } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { Prisma, type Tenant } from "@/lib/db/generated/client";
import { newInvitationTerms } from "@/lib/domain/members/service";
import { tenantOrThrow } from "@/lib/domain/tenant-scope";
import { displayName } from "@/lib/domain/members/queries";
import { createTenantInput, updateTenantDetailsInput } from "./schemas";
import { DEFAULT_PROJECT, PLAN_PRODUCTS } from "@/lib/domain/products/catalog";
import { mayOwnAccounts, salesOwnerById } from "./sales-owners";

const DAY_MS = 86_400_000;

/**
 * Sales and admin staff create a tenant: a trial (or a demo) with its plan's products (lib/domain/products/catalog.ts),
 * a default project and its creator as sales owner, and an owner invitation for its first person.
 */
export function createTenant(actor: Actor, input: unknown) {
  return mutate(actor, {
    permission: "tenant.create", event: "tenant.created",
    schema: createTenantInput,
    async execute(tx, { slug, name, kind, plan, trialDays, ownerEmail, erpCustomerId }) {
      if (await tx.tenant.findUnique({ where: { slug }, select: { id: true } })) {
        throw new MutationRefusal("conflict", `The slug ${slug} is taken.`, { slug: [`${slug} is already a tenant's slug.`] });
      }
      await assertExternalIdsFree(tx, null, { erpCustomerId });
      const tenant = await withErpIdUnique(erpCustomerId, () => tx.tenant.create({
        data: {
          slug, name, kind, plan, erpCustomerId: erpCustomerId ?? null,
          status: kind === "demo" ? "demo" : "trial",
          trialEndsAt: kind === "demo" ? null : new Date(Date.now() + trialDays * DAY_MS),
          // the staff person creating it owns the account when their role may
          salesOwnerId: mayOwnAccounts(actor.staffRole) ? actor.id : null,
        },
      }));
      // the plan's products and a default project: a trial can send traffic from its first day
      const products = PLAN_PRODUCTS[plan];
      await tx.tenantProduct.createMany({ data: products.map(({ product, config }) => ({ tenantId: tenant.id, product, config })) });
      await tx.tenantProject.create({ data: { tenantId: tenant.id, ...DEFAULT_PROJECT } });
      const invitation = await tx.invitation.create({
        data: {
          tenantId: tenant.id, email: ownerEmail, role: "owner", invitedById: actor.id, ...newInvitationTerms(),
        },
      });
      await writeAudit(tx, actor, {
        event: "invitation.created", tenantId: tenant.id, targetId: invitation.id,
        targetName: ownerEmail, after: { email: ownerEmail, role: "owner" },
      });
      return {
        data: { slug: tenant.slug },
        audit: {
          tenantId: tenant.id, targetId: tenant.id, targetName: slug,
          after: { slug, name, kind, plan, status: tenant.status, trialEndsAt: tenant.trialEndsAt, erpCustomerId: tenant.erpCustomerId,
            salesOwnerId: tenant.salesOwnerId, salesOwner: tenant.salesOwnerId ? actor.name : null,
            products: products.map((p) => p.product), project: DEFAULT_PROJECT.slug,
          },
        },
      };
    },
  }, input);
}

const DETAIL_FIELDS = ["name", "plan", "erpCustomerId", "stripeCustomerId", "contractStart", "contractEnd", "salesOwnerId"] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];
const LABELS: Record<DetailField, string> = {
  name: "name", plan: "plan", erpCustomerId: "ERP customer id", stripeCustomerId: "Stripe customer id",
  contractStart: "contract start", contractEnd: "contract end", salesOwnerId: "sales owner",
};

// Dates travel as YYYY-MM-DD; compare and audit them in that form.
const day = (date: Date | null) => (date ? isoDay(date) : null);

/** What a details save reads of the tenant: the fields it edits, and what names and versions the row. */
const DETAILS_ROW = {
  id: true, slug: true, updatedAt: true, name: true, plan: true, erpCustomerId: true, stripeCustomerId: true,
  contractStart: true, contractEnd: true, salesOwnerId: true,
} as const;

const detailsOf = (row: Pick<Tenant, DetailField>): Record<DetailField, string | null> => ({
  name: row.name, plan: row.plan, erpCustomerId: row.erpCustomerId, stripeCustomerId: row.stripeCustomerId,
  contractStart: day(row.contractStart), contractEnd: day(row.contractEnd), salesOwnerId: row.salesOwnerId,
});

/** The sales owner `id` names, as the audit payload and a conflict message name them (null: none). */
async function ownerName(tx: Tx, id: string | null) {
  if (!id) return null;
  const person = await tx.user.findUnique({ where: { id }, select: { name: true, githubLogin: true, email: true } });
  return person ? displayName(person) : id;
}

/** The SQL's unique index on lower(erp_customer_id) (migration 20261203170000): ERP ids are unique whatever their case. */
const ERP_ID_INDEX = "tenants_erp_customer_id_lower_key";

/** The tenant other than `tenantId` (null: any) whose ERP id is `erpId` in any case, as lower(…) finds it in its index. */
async function erpIdHolder(tx: Tx, erpId: string, tenantId: string | null) {
  const [holder] = await tx.$queryRaw<{ name: string; slug: string }[]>`
    SELECT name, slug FROM tenants WHERE lower(erp_customer_id) = lower(${erpId}) AND id IS DISTINCT FROM ${tenantId}::uuid`;
  return holder ?? null;
}

/** A duplicate external id names the tenant that already has it, on the field it belongs to. */
async function assertExternalIdsFree(tx: Tx, tenantId: string | null, ids: { erpCustomerId?: string | null; stripeCustomerId?: string | null }) {
  const fieldErrors: Record<string, string[]> = {};
  const taken = (field: string, value: string, other: { name: string; slug: string } | null) => {
    if (other) fieldErrors[field] = [`${value} already belongs to ${other.name} (${other.slug}).`];
  };
  if (ids.erpCustomerId) taken("erpCustomerId", ids.erpCustomerId, await erpIdHolder(tx, ids.erpCustomerId, tenantId));
  if (ids.stripeCustomerId) {
    const other = await tx.tenant.findFirst({ where: { stripeCustomerId: ids.stripeCustomerId, id: { not: tenantId ?? undefined } }, select: { name: true, slug: true } });
    taken("stripeCustomerId", ids.stripeCustomerId, other);
  }
  if (Object.keys(fieldErrors).length) throw new MutationRefusal("conflict", "An external id is already used by another tenant.", fieldErrors);
}

/**
 * `write`, with the ERP id index's refusal as the field error the check above gives: a concurrent save took the
 * id between that check and this write. The transaction is aborted by then, so the holder is read outside it
 * (it has committed, or its write would not have refused this one).
 */
async function withErpIdUnique<T>(erpId: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!erpId || !(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes(ERP_ID_INDEX))) throw error;
    const holder = await erpIdHolder(db, erpId, null);
    throw new MutationRefusal("conflict", "An external id is already used by another tenant.", {
      erpCustomerId: [holder ? `${erpId} already belongs to ${holder.name} (${holder.slug}).` : `${erpId} was just given to another tenant.`],
    });
  }
}

/** The values the form was drawn from, sent beside the edits as `seen.<field>`: what the editor saw. */
function seenValues(input: unknown): Partial<Record<DetailField, string | null>> {
  const record = (input ?? {}) as Record<string, unknown>;
  return Object.fromEntries(DETAIL_FIELDS.map((f) => [f, typeof record[`seen.${f}`] === "string" ? (record[`seen.${f}`] as string) || null : undefined]));
}

/**
 * Commercial fields of a tenant, for sales and admin staff. Optimistic concurrency: a save is refused when a
 * field the editor saw has been changed since, naming each such field and who saved it.
 */
export function updateTenantDetails(actor: Actor, input: unknown) {
  const seen = seenValues(input);
  return mutate(actor, {
    permission: "tenant.update_commercial", event: "tenant.details_updated",
    schema: updateTenantDetailsInput,
    async execute(tx, details) {
      // Locked first, so a concurrent save is compared with what the other one committed.
      const row = await tenantOrThrow(tx, details.tenantId, DETAILS_ROW, { lock: true });
      const before = detailsOf(row);
      // updated_at moves with every change to the tenant (its status, its trial, its budget): only a detail that
      // differs from what this editor saw (or one they did not say they saw) makes it a conflict.
      const stale = row.updatedAt.getTime() === Date.parse(details.expectedUpdatedAt) ? [] : DETAIL_FIELDS.filter((f) => seen[f] !== before[f]);
      if (stale.length) {
        // only a details save changes these fields (creation aside, which the form postdates)
        const by = await tx.auditLog.findFirst({
          where: { tenantId: row.id, action: "tenant.details_updated", isFailure: false }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorName: true },
        });
        const who = by?.actorName ?? "Someone";
        throw new MutationRefusal(
          "conflict",
          `${who} saved this tenant after you opened it. Your changes are still in the form: check the fields marked, then save again.`,
          Object.fromEntries(await Promise.all(stale.map(async (f) => {
            const shown = f === "salesOwnerId" ? await ownerName(tx, before[f]) : before[f];
            return [f, [`${who} changed this to “${shown ?? "none"}” meanwhile.`]];
          }))),
        );
      }
      await assertExternalIdsFree(tx, row.id, details);
      const salesOwnerId = details.salesOwnerId ?? null;
      // an owner kept as it was stays, even one who may no longer own accounts; a new one must be able to
      if (salesOwnerId && salesOwnerId !== before.salesOwnerId && !(await salesOwnerById(tx, salesOwnerId))) {
        throw MutationRefusal.onField("salesOwnerId", "Choose a person of the sales or admin staff, or no sales owner.");
      }
      const after = detailsOf(await withErpIdUnique(details.erpCustomerId, () => tx.tenant.update({
        where: { id: row.id },
        data: {
          name: details.name, plan: details.plan, erpCustomerId: details.erpCustomerId ?? null,
          stripeCustomerId: details.stripeCustomerId ?? null, salesOwnerId,
          contractStart: details.contractStart ? new Date(details.contractStart) : null,
          contractEnd: details.contractEnd ? new Date(details.contractEnd) : null,
        },
      })));
      const changed = DETAIL_FIELDS.filter((f) => before[f] !== after[f]);
      // the owner's id, and their name for a reader of the log
      const audited = async (values: typeof before) => ({
        ...Object.fromEntries(changed.map((f) => [f, values[f]])),
        ...(changed.includes("salesOwnerId") ? { salesOwner: await ownerName(tx, values.salesOwnerId) } : {}),
      });
      return {
        data: { changed: changed.map((f) => LABELS[f]) },
        audit: { targetId: row.id, targetName: row.slug, before: await audited(before), after: await audited(after) },
      };
    },
  }, input);
}
