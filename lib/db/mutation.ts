// The mutation pipeline every service uses: validate (zod) → authorize (the permission table) → one
// transaction that makes the change and writes its audit event. Failures come back as a typed result, never
// as a thrown error reaching the UI; a refused call is itself recorded as a failure event, under the event its
// success would have written.
import type { z } from "zod";
import { db } from "./client";
import type { Prisma } from "./generated/client";
import { refusalFor, standingRefusal } from "@/lib/auth/authorize";
import { grantedByStaffRole, type Action } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/principal";
import { FailureLimiter } from "@/lib/rate-limit";
import { AUDIT_EVENTS, auditEventProblem, type AuditEventName, type AuditPayload, type RefusalPayload } from "@/lib/domain/audit/events";

export type Tx = Prisma.TransactionClient;

export type MutationResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: "validation"; message: string; fieldErrors: Record<string, string[]> }
  | { ok: false; kind: "forbidden" | "not_found" | "conflict"; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Thrown inside a mutation to end it with a typed result (and roll it back). A conflict may name the fields
 * it is about (a duplicate external id); a validation refusal is for a rule only the database can decide.
 */
export class MutationRefusal extends Error {
  constructor(readonly kind: "not_found" | "conflict" | "validation", message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }

  /** A validation error on one field, decided inside the transaction (e.g. a transition the table forbids). */
  static onField(field: string, message: string): MutationRefusal {
    return new MutationRefusal("validation", message, { [field]: [message] });
  }
}

/** Where an event happened and what it is about; its target type is its name's (lib/domain/audit/events.ts). */
interface AuditContext {
  tenantId?: string | null;
  projectId?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  description?: string;
}

/** What a change records besides its name: its context and the payload the vocabulary lists for `N`. */
export type AuditDetails<N extends AuditEventName> = N extends AuditEventName ? AuditContext & AuditPayload<N> : never;

/** An event of the vocabulary, with the payload listed for its name; a failure when the call was turned away. */
export type AuditEvent<N extends AuditEventName = AuditEventName> = N extends AuditEventName
  ? AuditDetails<N> & { event: N; isFailure?: boolean }
  : never;

/**
 * A refused call, recorded under the event its success would have written: no change, so no payload of it; and
 * when its input named no target, no target type either (targetType: null).
 */
type RefusalEvent = AuditContext & RefusalPayload & { event: AuditEventName; isFailure: true; targetType?: null };

// Outside production every event is checked against its listed shape, so a test or a dev run catches a writer
// the types let through (a cast, a JSON value); in production a mismatch is not worth refusing the change for.
const checksEvents = process.env.NODE_ENV !== "production";

/**
 * Writes `event` by `actor` in the transaction `tx` of the change it records. The database's insert trigger puts
 * it in its hash chain (the tenant's, or the platform's): it takes the chain's lock for the rest of `tx`, links
 * the event to the chain's head and hashes it, with created_at stamped by the database as it inserts.
 */
export async function writeAudit(tx: Tx, actor: Actor, record: AuditEvent | RefusalEvent): Promise<void> {
  const { event, tenantId, projectId, targetId, targetName, description, isFailure = false, targetType = AUDIT_EVENTS[record.event]?.target, ...given } =
    record as RefusalEvent;
  // an undefined field is one the stored JSON will not have, so it is not part of the payload checked either
  const payload = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  const problem = checksEvents ? auditEventProblem(event, payload, isFailure) : null;
  if (problem) throw new Error(`gatehouse: ${problem}`);
  const { before, after, metadata } = payload as { before?: unknown; after?: unknown; metadata?: Record<string, unknown> };
  await tx.auditLog.create({
    data: {
      tenantId: tenantId ?? null,
      projectId: projectId ?? null,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: event,
      targetType,
      targetId: targetId ?? null,
      targetName: targetName ?? null,
      description,
      isFailure,
      metadata: JSON.parse(JSON.stringify({ ...metadata, before, after })),
      sourceIp: actor.sourceIp,
      userAgent: actor.userAgent,
    },
  });
}

/** The names of an input's string fields. */
type StringFieldOf<Input> = { [K in keyof Input]: Input[K] extends string ? K : never }[keyof Input];

export interface MutationSpec<Schema extends z.ZodType, T, N extends AuditEventName> {
  /** the permission checked */
  permission: Action;
  /** the event recorded, whether the call succeeds or is refused */
  event: N;
  schema: Schema;
  /** the tenant the change happens in (null: platform-wide); may read the validated input. By default the input's `tenantId` */
  tenantId?: (input: z.output<Schema>) => string | null;
  /** the input's field naming what the change is to (its id): on a refused call's event too, and the default on its own */
  target?: StringFieldOf<z.output<Schema>>;
  execute: (tx: Tx, input: z.output<Schema>) => Promise<{ data: T; audit: AuditDetails<NoInfer<N>> }>;
}

/** A schema's refusal as a result: each issue's message under its field ("_": the input as a whole). */
export function validationFailureOf(error: z.ZodError): MutationResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return { ok: false, kind: "validation", message: "Some fields need attention.", fieldErrors };
}

export async function mutate<Schema extends z.ZodType, T, N extends AuditEventName>(
  actor: Actor,
  spec: MutationSpec<Schema, T, N>,
  rawInput: unknown,
): Promise<MutationResult<T>> {
  const parsed = spec.schema.safeParse(rawInput);
  if (!parsed.success) return validationFailureOf(parsed.error);
  const input = parsed.data;
  const tenantId = spec.tenantId ? spec.tenantId(input) : tenantNamedBy(input);
  const { event } = spec;
  const targetId = spec.target === undefined ? undefined : (input[spec.target] as string);
  const refused = async (kind: "forbidden" | "not_found", message: string) => {
    await recordRefusal(actor, { event, tenantId, ...(targetId === undefined ? { targetType: null } : { targetId }), description: `${kind}: ${message}` });
    return { ok: false as const, kind, message };
  };
  const refusal = await refusalFor(actor, spec.permission, tenantId);
  if (refusal) return refused("forbidden", refusal);
  try {
    const data = await db.$transaction(async (tx) => {
      // The status read above may be stale by now: asked again under the tenant row's lock, which a freeze or an
      // archive takes before changing it, so one that committed meanwhile is seen and one that comes later waits.
      if (tenantId && !grantedByStaffRole(actor, spec.permission)) {
        const standing = standingRefusal(await lockStanding(tx, tenantId));
        if (standing) throw new StandingRefusal(standing);
      }
      const { data, audit } = await spec.execute(tx, input);
      // the union AuditDetails<N> does not narrow with the generic N: the name and its payload agree by the spec's types
      await writeAudit(tx, actor, { event, tenantId, targetId, ...audit } as AuditEvent);
      return data;
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof StandingRefusal) return refused("forbidden", error.message);
    // not_found is what an id outside the actor's tenants gets (another tenant's key, member, project…): probing
    // ids is what the audit log should show, so it is recorded like a forbidden call
    if (error instanceof MutationRefusal && error.kind === "not_found") return refused("not_found", error.message);
    if (error instanceof MutationRefusal) {
      return error.kind === "validation"
        ? { ok: false, kind: "validation", message: error.message, fieldErrors: error.fieldErrors ?? {} }
        : { ok: false, kind: error.kind, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (isUniqueViolation(error)) return { ok: false, kind: "conflict", message: "That conflicts with an existing record." };
    throw error;
  }
}

/**
 * A service declared by its spec: `export const renameProject = mutation({ permission, event, schema, execute })`
 * is the function `(actor, input) => mutate(actor, spec, input)` that server actions and tests call.
 */
export function mutation<Schema extends z.ZodType, T, N extends AuditEventName>(spec: MutationSpec<Schema, T, N>) {
  return (actor: Actor, input: unknown): Promise<MutationResult<T>> => mutate(actor, spec, input);
}

/** The tenant an input names (its `tenantId`), or null: a change in no tenant is authorized as a platform-wide one. */
const tenantNamedBy = (input: unknown) =>
  typeof input === "object" && input !== null && "tenantId" in input && typeof input.tenantId === "string" ? input.tenantId : null;

/** The tenant's status, found frozen or archived under its row's lock: the change is refused, as refusalFor would. */
class StandingRefusal extends Error {}

/** How many refused calls of one actor are recorded, in a burst and per minute, in each process. */
export const RECORDED_REFUSALS_PER_MINUTE = 30;
const recordedRefusals = new FailureLimiter(RECORDED_REFUSALS_PER_MINUTE);

/**
 * Records a refused call as a failure event, in a transaction of its own (the call's, if it began one, is rolled
 * back). Per actor (their user id, so more sessions buy no more), past RECORDED_REFUSALS_PER_MINUTE the call is
 * still refused but no longer written, only logged: a script probing ids or retrying a forbidden call cannot grow
 * a tenant's chain without bound. Nothing is written in its place, as a summary event would need its own limit
 * and a moment to be written that the end of a burst does not give; the log line keeps each one for operators.
 */
async function recordRefusal(actor: Actor, event: Omit<RefusalEvent, "isFailure" | "tenantId"> & { tenantId: string | null; description: string }) {
  if (recordedRefusals.fail(`${actor.type}:${actor.id ?? actor.name}`, Date.now()) > 0) {
    console.warn(`gatehouse: refusal not recorded (${actor.type} ${actor.id ?? actor.name} is past ${RECORDED_REFUSALS_PER_MINUTE} a minute): ${event.event} in ${event.tenantId ?? "the platform"}, ${event.description}`);
    return;
  }
  const { tenantId, ...rest } = event;
  await db.$transaction(async (tx) => writeAudit(tx, actor, { ...rest, isFailure: true, ...(await failureTenant(tx, tenantId)) }));
}

/** A refused call's tenant: audit_log's foreign key takes only one that exists, so an attempt on another keeps its id aside. */
async function failureTenant(tx: Tx, tenantId: string | null): Promise<Pick<RefusalEvent, "tenantId" | "metadata">> {
  if (!tenantId || (await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) return { tenantId };
  return { tenantId: null, metadata: { attemptedTenantId: tenantId } };
}

/**
 * The tenant's name and status, its row locked until the transaction ends. FOR NO KEY UPDATE conflicts with the
 * FOR UPDATE and the UPDATE of a status change, so neither passes it. A weaker FOR SHARE would let two mutations
 * of the tenant both hold the row and then deadlock as each UPDATEs it (a budget, the details); this one
 * serializes a tenant's mutations, as the audit chain's advisory lock at their insert already does, and it is
 * taken before that lock, in the order the lifecycle services take the two. Foreign key checks (a new key, usage
 * ingestion) take FOR KEY SHARE, which it lets through.
 */
async function lockStanding(tx: Tx, tenantId: string) {
  const rows = await tx.$queryRaw<{ name: string; status: string }[]>`
    SELECT name, status::text AS status FROM tenants WHERE id = ${tenantId}::uuid FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
