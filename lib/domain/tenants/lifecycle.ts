// A tenant's lifecycle: the one table of allowed status transitions, the services that move a tenant along
// it (change status, extend a trial, archive), and the removal of an archived tenant's data, which the
// automatic job (./jobs.ts) shares.
import "server-only";
import type { z } from "zod";
import { formatMinute } from "@/lib/format-time";
import { isoDay } from "@/lib/domain/bounds";
import { db } from "@/lib/db/client";
import { mutation, MutationRefusal, type AuditDetails, type Tx } from "@/lib/db/mutation";
import type { TenantKind, TenantStatus } from "@/lib/db/generated/enums";
import { can } from "@/lib/auth/permissions";
import { notifyConfigEvent } from "@/lib/db/config-events";
import { lockTenantRow, tenantOrThrow } from "@/lib/domain/tenant-scope";
import type { Principal } from "@/lib/auth/principal";
import { archiveInput, changeStatusInput, extendTrialInput } from "./schemas";

// Where a tenant of each kind may go from each status. A status missing from a row goes nowhere: archived
// is final, a demo tenant stays demo until archived, and status demo belongs to kind demo only.
const TRANSITIONS: Record<TenantKind, Partial<Record<TenantStatus, readonly TenantStatus[]>>> = {
  customer: { trial: ["active", "frozen"], active: ["frozen"], frozen: ["active", "archived"] },
  demo: { demo: ["archived"] },
};

/** The statuses `tenant` may move to next; the services refuse every other, and the UI offers only these. */
export function allowedTransitions(tenant: { status: TenantStatus; kind: TenantKind }): TenantStatus[] {
  return [...(TRANSITIONS[tenant.kind][tenant.status] ?? [])];
}

const LOCKED_FIELDS = {
  id: true, slug: true, name: true, status: true, kind: true, trialEndsAt: true, statusChangedAt: true,
  plan: true, contractStart: true, contractEnd: true, statusMessage: true,
} as const;

/**
 * The tenant row, locked until the transaction ends: a concurrent transition waits here and then sees the
 * status this one left, so two cannot both apply from the same state. Null when there is no such tenant.
 */
export async function lockTenant(tx: Tx, tenantId: string) {
  await lockTenantRow(tx, tenantId);
  return tx.tenant.findUnique({ where: { id: tenantId }, select: LOCKED_FIELDS });
}

type LockedTenant = NonNullable<Awaited<ReturnType<typeof lockTenant>>>;

/** The tenant row locked as lockTenant does, or not_found: what each lifecycle service starts from. */
const lockExisting = (tx: Tx, tenantId: string): Promise<LockedTenant> => tenantOrThrow(tx, tenantId, LOCKED_FIELDS, { lock: true });

/**
 * Deletes what an archived tenant leaves behind. The tenant row, its memberships and its audit log stay
 * (seed 002: "only audit log retained"); webhook deliveries go with their webhooks. Returns the counts.
 */
export async function removeTenantData(tx: Tx, tenantId: string): Promise<Record<string, number>> {
  const where = { tenantId };
  // usage first: its rows point at keys and rules, which would otherwise be updated to NULL before going
  const usageEvents = (await tx.usageEvent.deleteMany({ where })).count;
  const usageHourly = (await tx.usageHourly.deleteMany({ where })).count;
  const usageDaily = (await tx.usageDaily.deleteMany({ where })).count;
  const usageRoutingDaily = (await tx.usageRoutingDaily.deleteMany({ where })).count;
  return {
    usageEvents, usageHourly, usageDaily, usageRoutingDaily,
    apiKeys: (await tx.apiKey.deleteMany({ where })).count,
    providerConfigs: (await tx.providerConfig.deleteMany({ where })).count,
    featureFlags: (await tx.featureFlag.deleteMany({ where })).count,
    routingRules: (await tx.routingRule.deleteMany({ where })).count,
    webhooks: (await tx.webhook.deleteMany({ where })).count,
    pendingInvitations: (await tx.invitation.deleteMany({ where: { tenantId, acceptedAt: null, revokedAt: null } })).count,
    products: (await tx.tenantProduct.deleteMany({ where })).count,
    idpConfigs: (await tx.tenantIdpConfig.deleteMany({ where })).count,
    projects: (await tx.tenantProject.deleteMany({ where })).count,
  };
}

/** Refuses (validation on `to`) a move the lifecycle table does not allow. */
function assertTransitionAllowed(tenant: LockedTenant, to: TenantStatus): void {
  const allowed = allowedTransitions(tenant);
  if (allowed.includes(to)) return;
  throw MutationRefusal.onField("to", tenant.status === "archived"
    ? `${tenant.name} is archived, and archived is final.`
    : `A ${tenant.kind} tenant in ${tenant.status} can move to ${allowed.join(" or ")} only, not to ${to}.`);
}

/** The event a move records: archiving is final and removes data, so it has its own; every other move is a status change. */
export const transitionEvent = (to: TenantStatus) => (to === "archived" ? "tenant.archived" : "tenant.status_changed");
type TransitionEvent = ReturnType<typeof transitionEvent>;

/** What a move sets on the tenant beside its status: activating a trial, its plan and contract; a freeze, its message. */
export type AlongWithStatus = Partial<Pick<LockedTenant, "plan" | "contractStart" | "contractEnd" | "statusMessage">>;

// The event records them as the details form's event does: dates as their day, and only those that change.
const recorded = (value: unknown) => (value instanceof Date ? isoDay(value) : value);

/**
 * Moves a locked tenant to `to` if the table allows it (else a validation refusal on `to`), setting `along` with the
 * status and removing its data when the move archives it, and returns what the move's event (transitionEvent(to))
 * records. The caller writes that event.
 */
export async function applyTransition(
  tx: Tx, tenant: LockedTenant, to: TenantStatus, reason: string, now: Date, along: AlongWithStatus = {},
): Promise<AuditDetails<TransitionEvent>> {
  assertTransitionAllowed(tenant, to);
  await tx.tenant.update({ where: { id: tenant.id }, data: { ...along, status: to, statusChangedAt: now } });
  const removed = to === "archived" ? await removeTenantData(tx, tenant.id) : undefined;
  // a frozen or archived tenant's keys stop verifying at once; a reactivated one's start again
  await notifyConfigEvent(tx, { kind: "api_key", tenantId: tenant.id, id: null });
  const changed = (Object.keys(along) as (keyof AlongWithStatus)[]).filter((field) => recorded(along[field]) !== recorded(tenant[field]));
  const valuesOf = (row: AlongWithStatus) => Object.fromEntries(changed.map((field) => [field, recorded(row[field]) ?? null]));
  return {
    tenantId: tenant.id, targetId: tenant.id, targetName: tenant.slug,
    description: reason,
    before: { status: tenant.status, ...valuesOf(tenant) }, after: { status: to, ...valuesOf(along) },
    metadata: removed ? { reason, removed } : { reason },
  };
}

/**
 * Locks the tenant (not_found when there is none), lets `check` refuse the move for what it finds, then moves it to
 * `to`: what a status change and an archive return, with what the move's event records.
 */
async function moveTenant<To extends TenantStatus>(
  tx: Tx, tenantId: string, to: To, reason: string, check: (tenant: LockedTenant) => AlongWithStatus | void,
) {
  const tenant = await lockExisting(tx, tenantId);
  const along = check(tenant) ?? {};
  return { data: { status: to }, audit: await applyTransition(tx, tenant, to, reason, new Date(), along) };
}

type MoveTerms = Pick<z.output<typeof changeStatusInput>, "plan" | "contractStart" | "contractEnd" | "statusMessage">;

/**
 * What a move of `tenant` to `to` sets beside the status. Activating a trial sets the plan and contract the customer
 * signed (a start is required, an end is not: a contract may run until cancelled). Freezing sets the message to the
 * tenant's people, or none; any activation clears it. No move takes what is not its own.
 */
function termsOfMove(tenant: LockedTenant, to: TenantStatus, { plan, contractStart, contractEnd, statusMessage }: MoveTerms): AlongWithStatus {
  const activatesTrial = tenant.status === "trial" && to === "active";
  if (!activatesTrial && (plan || contractStart || contractEnd)) {
    throw MutationRefusal.onField("plan", "Only activating a trial sets the plan and contract with it: change them in the tenant's details.");
  }
  if (to !== "frozen" && statusMessage) throw MutationRefusal.onField("statusMessage", "Only a freeze leaves a message to the tenant.");
  if (to === "frozen") return { statusMessage: statusMessage ?? null };
  if (!activatesTrial) return { statusMessage: null };
  if (!plan) throw MutationRefusal.onField("plan", "Choose the plan the customer signed for.");
  if (!contractStart) throw MutationRefusal.onField("contractStart", "Give the day the contract starts.");
  return { plan, contractStart: new Date(contractStart), contractEnd: contractEnd ? new Date(contractEnd) : null, statusMessage: null };
}

/**
 * Sales and admin staff move a tenant along the lifecycle table, giving a reason: an internal note, in the audit log
 * for staff only (lib/domain/audit/reader-view.ts). Every move but archiving, which is archiveTenant's. Activating a
 * trial sets its plan and contract in the same step; a freeze may leave a message the tenant's people read.
 */
export const changeTenantStatus = mutation({
  permission: "tenant.change_lifecycle", event: "tenant.status_changed",
  schema: changeStatusInput,
  execute: (tx, { tenantId, to, from, reason, ...terms }) => moveTenant(tx, tenantId, to, reason, (tenant) => {
    if (from && tenant.status !== from) {
      throw new MutationRefusal("conflict", `${tenant.name} moved from ${from} to ${tenant.status} meanwhile: nothing was changed.`);
    }
    // the table first: a second activation of the same trial is refused for what it is, not for its terms
    assertTransitionAllowed(tenant, to);
    return termsOfMove(tenant, to, terms);
  }),
});

/** Moves the end of a tenant's trial later. Only a tenant in trial has a trial to extend. */
export const extendTrial = mutation({
  permission: "tenant.change_lifecycle", event: "tenant.trial_extended",
  schema: extendTrialInput,
  async execute(tx, { tenantId, trialEndsAt, reason }) {
    const tenant = await lockExisting(tx, tenantId);
    if (tenant.status !== "trial") throw new MutationRefusal("conflict", `${tenant.name} is ${tenant.status}, not in trial: there is no trial to extend.`);
    if (tenant.trialEndsAt && trialEndsAt <= tenant.trialEndsAt) {
      throw MutationRefusal.onField("trialEndsAt", `The new end must be later than the current one, ${formatMinute(tenant.trialEndsAt)}.`);
    }
    await tx.tenant.update({ where: { id: tenantId }, data: { trialEndsAt } });
    return {
      data: { trialEndsAt },
      audit: {
        targetId: tenant.id, targetName: tenant.slug,
        description: reason,
        before: { trialEndsAt: tenant.trialEndsAt }, after: { trialEndsAt },
        metadata: { reason },
      },
    };
  },
});

/**
 * Archives a tenant where the table allows it, once the person has typed its slug: in the same transaction
 * its keys, providers, flags, rules, usage, webhooks, invitations, products, IdP settings and projects go.
 */
export const archiveTenant = mutation({
  permission: "tenant.change_lifecycle", event: "tenant.archived",
  schema: archiveInput,
  execute: (tx, { tenantId, confirmSlug, reason }) => moveTenant(tx, tenantId, "archived", reason, (tenant) => {
    if (confirmSlug !== tenant.slug) throw MutationRefusal.onField("confirmSlug", `Type ${tenant.slug} exactly to confirm.`);
  }),
});

/** What the lifecycle section shows, or null when the principal may not read the tenant. */
export async function getTenantLifecycle(principal: Principal, tenantId: string) {
  if (!can(principal, "tenant.read", tenantId)) return null;
  return db.tenant.findUnique({ where: { id: tenantId }, select: LOCKED_FIELDS });
}
