// The vocabulary of audit events: every event the console records, with the type of its target, the shape of
// its payload (metadata.before / after / the rest of metadata) and what it means. Webhooks will publish exactly
// these names, so they are a public contract. The rules:
// - `noun.verb_in_past_tense`, as Stripe and Svix name theirs; the noun is the target type (`api_key.revoked` is
//   about an api_key), the verb says what happened to it.
// - a refused call is recorded under the name its success would have, with is_failure set (lib/db/mutation.ts).
// - payload keys are camelCase; dates are ISO 8601 strings once stored.
// - a new event joins this list with its writer: tests/audit/events-vocabulary.test.ts fails on a name written but
//   not listed, and on one listed but written nowhere.
// Events stored before this list (budget.manage, usage.budget_changed, member.invited…) stay as they were written:
// the hash chain covers them.
import { z } from "zod";

export const TARGET_TYPES = ["tenant", "project", "api_key", "invitation", "membership", "product", "idp_config", "session", "user", "audit_log", "provider", "routing_rule", "keyring"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** Why a sign-in was turned away. */
export const SIGN_IN_REFUSALS = [
  /** no membership, staff role or pending invitation */
  "not_a_member",
  /** no membership or staff role, and GitHub named no verified e-mail an invitation could match */
  "no_verified_email",
  "disabled",
  /** a GitHub id no real account has (≤ 0), outside the local demo */
  "demo_identity",
] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

// Payload atoms. A moment is a Date as the service holds it, or the ISO string it already made of one.
const moment = z.union([z.date(), z.iso.datetime()]);
const maybeMoment = moment.nullable();
const text = z.string();
const id = z.string();
const status = z.strictObject({ status: text });
const reason = z.strictObject({ reason: text });
const idpState = z.strictObject({ metadata: z.unknown(), verified: z.boolean() });
const entitlement = z.strictObject({ enabled: z.boolean(), expiresAt: z.string().nullable(), config: z.unknown() }).nullable();
const keyLifetime = z.strictObject({ expiresAt: z.string().nullable(), revokedAt: z.string().nullable(), rolledToId: z.string().nullable() });
const budget = z.strictObject({ monthlyBudgetUsd: z.string().nullable(), budgetAlertPct: z.number().nullable() });
const staffRole = z.strictObject({ staffRole: z.enum(["admin", "sales", "support"]).nullable() });
const disabledAt = z.strictObject({ disabledAt: z.date().nullable() });
/** An upstream provider key as the audit log may show it: its last four characters, never the key. */
const providerState = z.strictObject({ provider: text, baseUrl: text.nullable(), isDefault: z.boolean(), keyLast4: text });
/** The fields of a changed row that changed (a routing rule), before and after. */
const changedFields = z.record(z.string(), z.union([text, z.boolean(), z.number(), z.array(text)]).nullable());
const routingRuleState = z.strictObject({
  name: text, priority: z.number(), enabled: z.boolean(),
  matchModel: text.nullable(), matchFeature: text.nullable(), matchTeam: text.nullable(), matchComplexity: text.nullable(),
  strategy: text, targetProvider: text.nullable(), targetModel: text.nullable(), fallbackModels: z.array(text),
});
/**
 * A tenant's lifecycle move: the status it left and reached, why, and (archiving) how many rows of each kind went.
 * Activating a trial also sets its plan and contract (days as YYYY-MM-DD); freezing may leave a message to the
 * tenant (tenants.status_message, shown on its frozen banner), which activating clears. Those that changed are
 * beside the status.
 */
const lifecycleState = status.extend({
  plan: text.optional(), contractStart: text.nullable().optional(), contractEnd: text.nullable().optional(), statusMessage: text.nullable().optional(),
});
const transition = z.strictObject({
  before: lifecycleState, after: lifecycleState, metadata: reason.extend({ removed: z.record(z.string(), z.number()).optional() }),
});

type Entry = { target: TargetType; description: string; payload: z.ZodObject };
const entry = <P extends z.ZodRawShape>(target: TargetType, description: string, payload: P) =>
  ({ target, description, payload: z.strictObject(payload) }) satisfies Entry;

export const AUDIT_EVENTS = {
  // tenants
  "tenant.created": entry("tenant", "A tenant was created, in trial or as a demo, with its plan's products, a default project and its creator as sales owner.", {
    after: z.strictObject({
      slug: text, name: text, kind: text, plan: text, status: text, trialEndsAt: maybeMoment, erpCustomerId: text.nullable(),
      salesOwnerId: text.nullable(), salesOwner: text.nullable(), products: z.array(text), project: text,
    }),
  }),
  "tenant.details_updated": entry("tenant", "Commercial details (name, plan, external ids, contract) changed: only the fields that did.", {
    before: z.record(z.string(), z.string().nullable()), after: z.record(z.string(), z.string().nullable()),
  }),
  "tenant.status_changed": entry("tenant", "A tenant moved along the lifecycle (activated, with its plan and contract when it was a trial; frozen), by a person or the lifecycle job.", transition.shape),
  "tenant.archived": entry("tenant", "A tenant was archived, which is final: its data went, its members and audit log stay.", transition.shape),
  "tenant.trial_extended": entry("tenant", "The end of a tenant's trial moved later.", {
    before: z.strictObject({ trialEndsAt: maybeMoment }), after: z.strictObject({ trialEndsAt: moment }), metadata: reason,
  }),
  "tenant.budget_changed": entry("tenant", "A tenant's monthly budget or its alert threshold was set or cleared.", { before: budget, after: budget }),
  // what a tenant holds
  "project.created": entry("project", "A project was created in a tenant.", { after: z.strictObject({ name: text, slug: text, status: text }) }),
  "project.renamed": entry("project", "A project was renamed.", { before: z.strictObject({ name: text }), after: z.strictObject({ name: text }) }),
  "project.archived": entry("project", "A project was archived: it takes no new keys.", { before: status, after: status }),
  "api_key.created": entry("api_key", "An API key was created (its settings; never its secret).", {
    after: z.strictObject({ name: text, scopes: z.array(text), prefix: text, projectId: id.nullable(), product: text.nullable(), expiresAt: z.string().nullable() }),
  }),
  "api_key.revoked": entry("api_key", "An API key was revoked: the gateway refuses it from then on.", {
    before: z.strictObject({ revokedAt: z.null() }), after: z.strictObject({ revokedAt: z.string().nullable() }), metadata: z.strictObject({ prefix: text }),
  }),
  "api_key.rolled": entry("api_key", "An API key was replaced by a successor; it works on through its grace period, or not at all.", {
    before: keyLifetime, after: keyLifetime,
    metadata: z.strictObject({
      successorId: id, successorPrefix: text, grace: text,
      oldKeyRevokedAt: z.string().nullable().optional(), oldKeyExpiresAt: z.string().nullable().optional(),
    }),
  }),
  "product.entitlement_changed": entry("product", "A tenant's product was granted, changed or disabled.", { before: entitlement, after: entitlement }),
  "idp_config.saved": entry("idp_config", "A tenant's OIDC or SAML identity provider was set or replaced; it is unverified until checked.", {
    before: idpState.nullable(), after: idpState,
  }),
  "idp_config.verified": entry("idp_config", "Platform staff confirmed an identity provider configuration works.", {
    before: z.strictObject({ verified: z.boolean() }), after: z.strictObject({ verified: z.boolean() }),
  }),
  "idp_config.removed": entry("idp_config", "A tenant's identity provider configuration was removed.", { before: idpState, after: z.null() }),
  // routing
  "provider.created": entry("provider", "An upstream provider key was added (its last four characters; never the key).", { after: providerState }),
  "provider.updated": entry("provider", "A provider's key was replaced (its last four before and after), its base URL changed, or it became the default: only the fields that did.", {
    before: changedFields, after: changedFields,
  }),
  "provider.removed": entry("provider", "An upstream provider key was removed.", { before: providerState }),
  "routing_rule.created": entry("routing_rule", "A routing rule was written (or duplicated from another).", {
    after: routingRuleState, metadata: z.strictObject({ duplicatedFrom: id }).optional(),
  }),
  "routing_rule.updated": entry("routing_rule", "A routing rule changed (enabled or disabled too): only the fields that did.", { before: changedFields, after: changedFields }),
  "routing_rule.deleted": entry("routing_rule", "A routing rule was deleted.", { before: routingRuleState }),
  "routing_rule.reordered": entry("routing_rule", "A routing rule moved: the tenant's rules by name, in priority order, before and after.", {
    before: z.strictObject({ order: z.array(text) }), after: z.strictObject({ order: z.array(text) }),
  }),
  // people in a tenant
  "invitation.created": entry("invitation", "Someone was invited into a tenant with a role (a new tenant's owner too).", {
    after: z.strictObject({ email: text, role: text, expiresAt: moment.optional() }),
  }),
  "invitation.resent": entry("invitation", "A pending invitation got a new token and a later expiry.", {
    before: z.strictObject({ expiresAt: moment }), after: z.strictObject({ expiresAt: moment }),
  }),
  "invitation.revoked": entry("invitation", "A pending invitation was withdrawn.", { before: z.strictObject({ role: text, expiresAt: moment }) }),
  "invitation.accepted": entry("invitation", "Signing in with the invited e-mail made the person a member.", { after: z.strictObject({ role: text }) }),
  "membership.role_changed": entry("membership", "A member's role in a tenant changed.", { before: z.strictObject({ role: text }), after: z.strictObject({ role: text }) }),
  "membership.removed": entry("membership", "A member was removed from a tenant.", { before: z.strictObject({ role: text, userId: id }) }),
  // people on the platform, and their sign-in (platform events: no tenant)
  "user.created": entry("user", "A person's first sign-in created their account.", {
    after: z.strictObject({ githubId: z.union([z.string(), z.number()]), githubLogin: text.nullable(), email: text.nullable(), name: text.nullable() }),
  }),
  "user.account_linked": entry("user", "A GitHub account was linked to a person's account.", {
    metadata: z.strictObject({ provider: text, providerAccountId: text, scope: text.nullish() }),
  }),
  "user.sign_in_refused": entry("user", "A sign-in was turned away, and why (always a failure).", {
    metadata: z.strictObject({ reason: z.enum(SIGN_IN_REFUSALS), githubId: text, githubLogin: text, verifiedEmail: text.nullable() }),
  }),
  "user.staff_role_changed": entry("user", "A staff role was given, changed or taken away, by an admin or by the bootstrap.", {
    before: staffRole, after: staffRole,
    metadata: z.strictObject({ via: z.literal("bootstrap"), githubLogin: text, githubId: text }).optional(),
  }),
  "user.disabled": entry("user", "An account was disabled: its sessions ended, and its sign-in is refused.", {
    before: disabledAt, after: disabledAt, metadata: z.strictObject({ sessionsEnded: z.number() }),
  }),
  "user.enabled": entry("user", "A disabled account was enabled again.", { before: disabledAt, after: disabledAt }),
  "user.sessions_revoked": entry("user", "A person signed out every session of theirs but the current one.", { metadata: z.strictObject({ count: z.number() }) }),
  "session.created": entry("session", "A person signed in: a session opened.", {}),
  "session.ended": entry("session", "A person signed a session out.", {}),
  "session.revoked": entry("session", "A person signed one of their other sessions out.", {}),
  // the encryption keyring (platform events: no tenant)
  "keyring.rotated": entry("keyring", "A batch of provider keys or webhook secrets was re-encrypted under the keyring's newest version: how many, from which versions (never a secret).", {
    metadata: z.strictObject({ table: z.enum(["provider_configs", "webhooks"]), count: z.number(), fromVersions: z.array(z.number()), toVersion: z.number() }),
  }),
  // the audit log itself
  "audit_log.retention_applied": entry("audit_log", "Events older than their chain's retention were removed (the counts per chain).", {
    metadata: z.strictObject({ deleted: z.number(), chains: z.array(z.strictObject({ chain: text, deleted: z.number(), keptFromSeq: z.number() })) }),
  }),
} as const satisfies Record<string, Entry>;

export type AuditEventName = keyof typeof AUDIT_EVENTS;
export const AUDIT_EVENT_NAMES = Object.keys(AUDIT_EVENTS) as AuditEventName[];

/**
 * The staff lifecycle moves, whose reason (description and metadata.reason) is an internal note: kept in the event,
 * shown to staff, withheld from a tenant's readers (./reader-view.ts). What the tenant is told is a freeze's message.
 */
export const INTERNAL_NOTE_EVENTS: AuditEventName[] = ["tenant.status_changed", "tenant.archived", "tenant.trial_extended"];

/** What an event records besides its name and target: before, after and metadata, as the list shapes them. */
export type AuditPayload<N extends AuditEventName> = NoPayloadAsEmpty<z.input<(typeof AUDIT_EVENTS)[N]["payload"]>>;
// zod types an empty strict object as Record<string, never>, which no object with other keys (the event's own
// context) would satisfy
type NoPayloadAsEmpty<P> = P extends Record<string, never> ? { before?: never; after?: never; metadata?: never } : P;

/** A refused call records no change, only (when the tenant it tried does not exist) the id it tried. */
const refusalPayload = z.strictObject({ metadata: z.strictObject({ attemptedTenantId: id }).optional() });
export type RefusalPayload = z.input<typeof refusalPayload>;

export const isAuditEventName = (name: string): name is AuditEventName => Object.hasOwn(AUDIT_EVENTS, name);

/**
 * The problem with recording `payload` under `name`, or null: an unlisted name, or a payload (a refusal's, when
 * `isFailure`) that is not the listed shape. writeAudit asks before every write outside production.
 */
export function auditEventProblem(name: string, payload: unknown, isFailure: boolean): string | null {
  if (!isAuditEventName(name)) return `${name} is not in the audit vocabulary (lib/domain/audit/events.ts)`;
  const listed = AUDIT_EVENTS[name].payload.safeParse(payload);
  if (listed.success || (isFailure && refusalPayload.safeParse(payload).success)) return null;
  return `${name}'s payload is not its listed shape: ${z.prettifyError(listed.error)}`;
}
