// How a service reads one tenant's rows: the tenant itself or not_found (tenantOrThrow), and every other row
// through scoped(), whose filters and finders always carry the tenant's id, so a forgotten `where tenantId`
// cannot reach another tenant's row. (The row-level security issue later puts the database behind scoped().)
import { MutationRefusal, type Tx } from "@/lib/db/mutation";
import { Prisma } from "@/lib/db/generated/client";
import type { IdpKind } from "@/lib/db/generated/enums";

/**
 * The row `query` finds, or a not_found refusal with `message`. A row of another tenant is not found either, never
 * forbidden: the caller learns nothing about it, and mutate() records the probe as a refused call.
 */
export async function foundOr<Row>(query: PromiseLike<Row | null>, message: string): Promise<Row> {
  const row = await query;
  if (!row) throw new MutationRefusal("not_found", message);
  return row;
}

/** Locks the tenant row until the transaction ends; a concurrent writer of it waits here, then reads what this one left. */
export async function lockTenantRow(tx: Tx, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM tenants WHERE id = ${tenantId}::uuid FOR UPDATE`;
}

/**
 * The tenant's fields that `select` names, or not_found when there is no such tenant. `lock`: its row is locked
 * first (lockTenantRow), so what is read is what a concurrent writer committed.
 */
export async function tenantOrThrow<Select extends Prisma.TenantSelect>(tx: Tx, tenantId: string, select: Select, { lock = false } = {}) {
  if (lock) await lockTenantRow(tx, tenantId);
  return foundOr(tx.tenant.findUnique({ where: { id: tenantId }, select }), "That tenant does not exist.");
}

/** The tables whose rows a service locks before changing them (serializing two changes of one row). */
type LockableTable = "api_keys" | "invitations";

/** The reads of one tenant's rows: each filter, finder and lock carries `tenantId`. */
export function scoped(client: Tx, tenantId: string) {
  /** `filter` with the tenant's id added: whatever else it says, it matches this tenant's rows only. */
  const where = <Filter extends object>(filter: Filter = {} as Filter) => ({ ...filter, tenantId });
  return {
    where,
    /** Locks this tenant's row `id` of `table` until the transaction ends; another tenant's row is not touched. */
    async lock(table: LockableTable, id: string): Promise<void> {
      await client.$queryRaw`SELECT 1 FROM ${Prisma.raw(table)} WHERE id = ${id}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
    },
    project: (id: string, filter: Prisma.TenantProjectWhereInput = {}) => client.tenantProject.findFirst({ where: where({ ...filter, id }) }),
    apiKey: (id: string) => client.apiKey.findFirst({ where: where({ id }) }),
    invitation: (id: string, filter: Prisma.InvitationWhereInput = {}) => client.invitation.findFirst({ where: where({ ...filter, id }) }),
    idpConfig: (type: IdpKind) => client.tenantIdpConfig.findUnique({ where: { tenantId_type: { tenantId, type } } }),
  };
}
