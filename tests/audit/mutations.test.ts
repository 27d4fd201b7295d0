// Every mutation kind of every service leaves its audit trail: a success writes exactly its event(s) with the
// right actor, action, target and before/after; a refused call changes nothing and writes exactly one failure
// event. Table-driven: each case sets up its world, the call, who may not make it, and what the world looks like.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Actor } from "../../lib/auth/principal";
import type { MutationResult } from "../../lib/db/mutation";
import { createTenant, updateTenantDetails } from "../../lib/domain/tenants/service";
import { archiveTenant, changeTenantStatus, extendTrial } from "../../lib/domain/tenants/lifecycle";
import { changeMemberRole, inviteMember, removeMember, resendInvitation, revokeInvitation } from "../../lib/domain/members/service";
import { archiveProject, createProject, renameProject } from "../../lib/domain/projects/service";
import { setEntitlement } from "../../lib/domain/products/service";
import { markIdpVerified, removeIdpConfig, saveOidcConfig, saveSamlConfig } from "../../lib/domain/idp/service";
import { revokeOtherSessions, revokeSession } from "../../lib/domain/sessions/service";
import { revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { setBudget } from "../../lib/domain/usage/budget";
import { testPrisma, uniqueSlug } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

const DAY_MS = 86_400_000;
const SAML_XML = readFileSync(new URL("../idp/fixtures/metadata-prefixed.xml", import.meta.url), "utf8");
const anyDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

interface Expected {
  action: string;
  tenantId: string | null;
  targetType: string;
  targetId?: string;
  targetName?: string;
  before?: unknown;
  after?: unknown;
}

interface Case {
  /** the one call, made by `actor` (success) or by `refused` (forbidden) */
  call: (actor: Actor) => Promise<MutationResult<unknown>>;
  actor: Actor;
  refused: Actor;
  /** the tenant the refused call is recorded in (null: platform) and the permission it names */
  refusedIn: string | null;
  permission: string;
  /** the target the refused call is recorded with, when its input names it */
  refusedTarget?: { targetType: string; targetId: string };
  /** what the call would change, read back */
  state: () => Promise<unknown>;
  /** the events of the successful call, in order (read after it) */
  events: () => Expected[] | Promise<Expected[]>;
}

const project = (tenantId: string, name = "Main") => db.tenantProject.create({ data: { tenantId, name, slug: uniqueSlug("p") } });
const invitation = (tenantId: string) =>
  db.invitation.create({ data: { tenantId, email: `${uniqueSlug("inv")}@example.test`, role: "member", tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 7 * DAY_MS) } });

async function memberOf(tenantId: string, role: "member" | "viewer" = "member") {
  const person = await actorFor(db, { roles: { [tenantId]: role } });
  const membership = await db.membership.findFirstOrThrow({ where: { tenantId, userId: person.id! } });
  return { person, membership };
}

const CASES: Record<string, () => Promise<Case>> = {
  "tenants: createTenant": async () => {
    const slug = uniqueSlug("new");
    const state = () => db.tenant.findUnique({ where: { slug } });
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: null, permission: "tenant.create", state,
      call: (actor) => createTenant(actor, { slug, name: "New Co", kind: "customer", plan: "pro", trialDays: "14", ownerEmail: `owner-${slug}@example.test` }),
      events: async () => {
        const { id: tenantId } = await db.tenant.findUniqueOrThrow({ where: { slug } });
        return [
          { action: "member.invited", tenantId, targetType: "invitation", targetName: `owner-${slug}@example.test`, after: { email: `owner-${slug}@example.test`, role: "owner" } },
          { action: "tenant.created", tenantId, targetType: "tenant", targetId: tenantId, targetName: slug, after: { slug, name: "New Co", kind: "customer", plan: "pro", status: "trial", trial_ends_at: anyDate } },
        ];
      },
    };
  },
  "tenants: updateTenantDetails": async () => {
    const tenant = await tenantFor(db, { name: "Old Name" });
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, permission: "tenant.update_commercial",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => updateTenantDetails(actor, { tenantId: tenant.id, expectedUpdatedAt: tenant.updatedAt.toISOString(), name: "New Name", plan: tenant.plan }),
      events: () => [{ action: "tenant.details_updated", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { name: "Old Name" }, after: { name: "New Name" } }],
    };
  },
  "lifecycle: changeTenantStatus": async () => {
    const tenant = await tenantFor(db, { status: "active" });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, permission: "tenant.change_lifecycle",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => changeTenantStatus(actor, { tenantId: tenant.id, to: "frozen", reason: "invoice overdue" }),
      events: () => [{ action: "tenant.status_changed", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { status: "active" }, after: { status: "frozen" } }],
    };
  },
  "lifecycle: extendTrial": async () => {
    const tenant = await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + DAY_MS) });
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: tenant.id, permission: "tenant.change_lifecycle",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => extendTrial(actor, { tenantId: tenant.id, trialEndsAt: new Date(Date.now() + 30 * DAY_MS).toISOString(), reason: "pilot runs longer" }),
      events: () => [{ action: "tenant.trial_extended", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { trial_ends_at: anyDate }, after: { trial_ends_at: anyDate } }],
    };
  },
  "lifecycle: archiveTenant": async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: tenant.id, permission: "tenant.change_lifecycle",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => archiveTenant(actor, { tenantId: tenant.id, confirmSlug: tenant.slug, reason: "contract ended" }),
      events: () => [{ action: "tenant.archived", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { status: "frozen" }, after: { status: "archived" } }],
    };
  },
  "members: inviteMember": async () => {
    const tenant = await tenantFor(db);
    const email = `${uniqueSlug("new")}@example.test`;
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, permission: "member.invite",
      state: () => db.invitation.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => inviteMember(actor, { tenantId: tenant.id, email, role: "member" }),
      events: () => [{ action: "member.invited", tenantId: tenant.id, targetType: "invitation", targetName: email, after: { email, role: "member", expiresAt: anyDate } }],
    };
  },
  "members: resendInvitation": async () => {
    const tenant = await tenantFor(db);
    const pending = await invitation(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, permission: "member.invite", refusedTarget: { targetType: "invitation", targetId: pending.id },
      state: () => db.invitation.findUnique({ where: { id: pending.id } }),
      call: (actor) => resendInvitation(actor, { tenantId: tenant.id, invitationId: pending.id }),
      events: () => [{ action: "invitation.resent", tenantId: tenant.id, targetType: "invitation", targetId: pending.id, targetName: pending.email, before: { expiresAt: anyDate }, after: { expiresAt: anyDate } }],
    };
  },
  "members: revokeInvitation": async () => {
    const tenant = await tenantFor(db);
    const pending = await invitation(tenant.id);
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "sales" }),
      refusedIn: tenant.id, permission: "member.invite", refusedTarget: { targetType: "invitation", targetId: pending.id },
      state: () => db.invitation.findUnique({ where: { id: pending.id } }),
      call: (actor) => revokeInvitation(actor, { tenantId: tenant.id, invitationId: pending.id }),
      events: () => [{ action: "invitation.revoked", tenantId: tenant.id, targetType: "invitation", targetId: pending.id, targetName: pending.email, before: { role: "member", expiresAt: anyDate } }],
    };
  },
  "members: changeMemberRole": async () => {
    const tenant = await tenantFor(db);
    const { person, membership } = await memberOf(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, permission: "member.change_role", refusedTarget: { targetType: "membership", targetId: membership.id },
      state: () => db.membership.findUnique({ where: { id: membership.id } }),
      call: (actor) => changeMemberRole(actor, { tenantId: tenant.id, membershipId: membership.id, role: "viewer" }),
      events: () => [{ action: "member.role_changed", tenantId: tenant.id, targetType: "membership", targetId: membership.id, targetName: person.name, before: { role: "member" }, after: { role: "viewer" } }],
    };
  },
  "members: removeMember": async () => {
    const tenant = await tenantFor(db);
    const { person, membership } = await memberOf(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, permission: "member.remove", refusedTarget: { targetType: "membership", targetId: membership.id },
      state: () => db.membership.findUnique({ where: { id: membership.id } }),
      call: (actor) => removeMember(actor, { tenantId: tenant.id, membershipId: membership.id }),
      events: () => [{ action: "member.removed", tenantId: tenant.id, targetType: "membership", targetId: membership.id, targetName: person.name, before: { role: "member", userId: person.id } }],
    };
  },
  "projects: createProject": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, permission: "project.manage",
      state: () => db.tenantProject.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => createProject(actor, { tenantId: tenant.id, name: "Search", slug: "search" }),
      events: () => [{ action: "project.created", tenantId: tenant.id, targetType: "project", targetName: "Search", after: { name: "Search", slug: "search", status: "active" } }],
    };
  },
  "projects: renameProject": async () => {
    const tenant = await tenantFor(db);
    const p = await project(tenant.id);
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: tenant.id, permission: "project.manage", refusedTarget: { targetType: "project", targetId: p.id },
      state: () => db.tenantProject.findUnique({ where: { id: p.id } }),
      call: (actor) => renameProject(actor, { tenantId: tenant.id, projectId: p.id, name: "Core" }),
      events: () => [{ action: "project.renamed", tenantId: tenant.id, targetType: "project", targetId: p.id, targetName: "Core", before: { name: "Main" }, after: { name: "Core" } }],
    };
  },
  "projects: archiveProject": async () => {
    const tenant = await tenantFor(db);
    const p = await project(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, permission: "project.manage", refusedTarget: { targetType: "project", targetId: p.id },
      state: () => db.tenantProject.findUnique({ where: { id: p.id } }),
      call: (actor) => archiveProject(actor, { tenantId: tenant.id, projectId: p.id }),
      events: () => [{ action: "project.archived", tenantId: tenant.id, targetType: "project", targetId: p.id, targetName: "Main", before: { status: "active" }, after: { status: "archived" } }],
    };
  },
  "products: setEntitlement": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, permission: "product.manage",
      state: () => db.tenantProduct.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => setEntitlement(actor, { tenantId: tenant.id, product: "gateway", enabled: "true", expiresAt: "", config: '{"rate_limit_rpm": 900}' }),
      events: () => [{ action: "product.entitlement_changed", tenantId: tenant.id, targetType: "product", targetId: "gateway", targetName: "Gateway", before: null, after: { enabled: true, expiresAt: null, config: { rate_limit_rpm: 900 } } }],
    };
  },
  "idp: saveOidcConfig": async () => {
    const tenant = await tenantFor(db);
    const metadata = { discoveryUrl: "https://login.example.test/.well-known/openid-configuration", clientId: "gatehouse" };
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, permission: "idp.manage",
      state: () => db.tenantIdpConfig.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => saveOidcConfig(actor, { tenantId: tenant.id, ...metadata }),
      events: () => [{ action: "idp.oidc_saved", tenantId: tenant.id, targetType: "idp_config", targetName: "OIDC", before: null, after: { metadata, verified: false } }],
    };
  },
  "idp: saveSamlConfig": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "sales" }),
      refusedIn: tenant.id, permission: "idp.manage",
      state: () => db.tenantIdpConfig.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => saveSamlConfig(actor, { tenantId: tenant.id, metadataXml: SAML_XML }),
      events: () => [{ action: "idp.saml_saved", tenantId: tenant.id, targetType: "idp_config", targetName: "SAML", before: null, after: { metadata: expect.objectContaining({ entityId: expect.any(String) }), verified: false } }],
    };
  },
  "idp: markIdpVerified": async () => {
    const tenant = await tenantFor(db);
    const config = await db.tenantIdpConfig.create({ data: { tenantId: tenant.id, type: "oidc", metadata: { discoveryUrl: "https://idp.example.test" } } });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, permission: "idp.verify",
      state: () => db.tenantIdpConfig.findUnique({ where: { id: config.id } }),
      call: (actor) => markIdpVerified(actor, { tenantId: tenant.id, type: "oidc" }),
      events: () => [{ action: "idp.verified", tenantId: tenant.id, targetType: "idp_config", targetId: config.id, targetName: "OIDC", before: { verified: false }, after: { verified: true } }],
    };
  },
  "idp: removeIdpConfig": async () => {
    const tenant = await tenantFor(db);
    const config = await db.tenantIdpConfig.create({ data: { tenantId: tenant.id, type: "oidc", metadata: { discoveryUrl: "https://idp.example.test" } } });
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, permission: "idp.manage",
      state: () => db.tenantIdpConfig.findUnique({ where: { id: config.id } }),
      call: (actor) => removeIdpConfig(actor, { tenantId: tenant.id, type: "oidc" }),
      events: () => [{ action: "idp.removed", tenantId: tenant.id, targetType: "idp_config", targetId: config.id, targetName: "OIDC", before: { metadata: { discoveryUrl: "https://idp.example.test" }, verified: false }, after: null }],
    };
  },
  "sessions: revokeSession": async () => {
    const actor = await actorFor(db);
    const session = await db.session.create({ data: { userId: actor.id!, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + DAY_MS) } });
    return {
      actor, refused: { ...actor, type: "service", id: `svc-${randomBytes(3).toString("hex")}`, name: "gateway" },
      refusedIn: null, permission: "session.revoke", refusedTarget: { targetType: "session", targetId: session.id },
      state: () => db.session.findUnique({ where: { id: session.id } }),
      call: (who) => revokeSession(who, { sessionId: session.id }),
      events: () => [{ action: "session.revoked", tenantId: null, targetType: "session", targetId: session.id }],
    };
  },
  "sessions: revokeOtherSessions": async () => {
    const actor = await actorFor(db);
    const sessions = await Promise.all([0, 1].map(() => db.session.create({ data: { userId: actor.id!, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + DAY_MS) } })));
    const current = { ...actor, sessionId: sessions[0].id };
    return {
      actor: current, refused: { ...current, type: "service", id: `svc-${randomBytes(3).toString("hex")}`, name: "gateway" },
      refusedIn: null, permission: "session.revoke",
      state: () => db.session.findMany({ where: { userId: actor.id! }, orderBy: { id: "asc" } }),
      call: (who) => revokeOtherSessions(who),
      events: () => [{ action: "session.revoked_others", tenantId: null, targetType: "user", targetId: actor.id! }],
    };
  },
};

const eventsBy = (actor: Actor) => db.auditLog.findMany({ where: { actorId: actor.id }, orderBy: { id: "asc" } });

describe.each(Object.keys(CASES))("%s", (name) => {
  it("succeeds with exactly its audit events: actor, action, target, before and after", async () => {
    const c = await CASES[name]();
    expect(await eventsBy(c.actor)).toEqual([]);
    const result = await c.call(c.actor);
    expect(result).toMatchObject({ ok: true });
    const events = await eventsBy(c.actor);
    const expectedEvents = await c.events();
    expect(events.map((e) => e.action)).toEqual(expectedEvents.map((e) => e.action));
    expectedEvents.forEach((expected, i) => {
      const { before, after, ...columns } = expected;
      expect(events[i]).toMatchObject({
        ...columns, actorId: c.actor.id, actorName: c.actor.name, actorType: "user", isFailure: false,
        sourceIp: c.actor.sourceIp, userAgent: c.actor.userAgent,
      });
      const metadata = events[i].metadata as Record<string, unknown>;
      expect(metadata.before).toEqual(before);
      expect(metadata.after).toEqual(after);
    });
  });

  it("refused, changes nothing and leaves exactly one failure event", async () => {
    const c = await CASES[name]();
    const before = await c.state();
    const result = await c.call(c.refused);
    expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await c.state()).toEqual(before);
    const events = await eventsBy(c.refused);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: c.permission, tenantId: c.refusedIn, isFailure: true, actorId: c.refused.id, actorType: c.refused.type,
      targetType: c.refusedTarget?.targetType ?? null, targetId: c.refusedTarget?.targetId ?? null,
      description: "forbidden: You do not have permission to do that.",
    });
  });
});

describe("a refused call naming a tenant that does not exist", () => {
  it("answers forbidden and records its failure on the platform, with the tenant id it named and its target", async () => {
    const outsider = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });
    const [tenantId, membershipId] = [randomUUID(), randomUUID()];
    expect(await removeMember(outsider, { tenantId, membershipId })).toMatchObject({ ok: false, kind: "forbidden" });
    const events = await eventsBy(outsider);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "member.remove", tenantId: null, chain: "platform", isFailure: true, targetType: "membership", targetId: membershipId,
      metadata: { attemptedTenantId: tenantId },
    });
  });
});

/** Something of another tenant's, and the calls that name it from the actor's own tenant. */
interface Probed {
  targetType: string;
  /** makes one in the tenant `theirs`, returning its id */
  make: (theirs: string) => Promise<string>;
  /** what a call would change, read back */
  state: (id: string) => Promise<unknown>;
  /** each call, with the permission its refusal is recorded under */
  calls: Record<string, { permission: string; call: (actor: Actor, own: string, id: string) => Promise<MutationResult<unknown>> }>;
}

const PROBED: Probed[] = [
  {
    targetType: "api_key",
    make: async (theirs) => (await db.apiKey.create({ data: { tenantId: theirs, name: "theirs", prefix: `gh_${randomBytes(8).toString("hex")}`, hash: "$argon2id$v=19$test" } })).id,
    state: (id) => db.apiKey.findUnique({ where: { id } }),
    calls: {
      revokeApiKey: { permission: "api_key.revoke", call: (actor, own, keyId) => revokeApiKey(actor, { tenantId: own, keyId }) },
      rollApiKey: { permission: "api_key.create", call: (actor, own, keyId) => rollApiKey(actor, { tenantId: own, keyId, grace: "none" }) },
    },
  },
  {
    targetType: "membership",
    make: async (theirs) => (await memberOf(theirs)).membership.id,
    state: (id) => db.membership.findUnique({ where: { id } }),
    calls: {
      changeMemberRole: { permission: "member.change_role", call: (actor, own, membershipId) => changeMemberRole(actor, { tenantId: own, membershipId, role: "viewer" }) },
      removeMember: { permission: "member.remove", call: (actor, own, membershipId) => removeMember(actor, { tenantId: own, membershipId }) },
    },
  },
  {
    targetType: "invitation",
    make: async (theirs) => (await invitation(theirs)).id,
    state: (id) => db.invitation.findUnique({ where: { id } }),
    calls: {
      resendInvitation: { permission: "member.invite", call: (actor, own, invitationId) => resendInvitation(actor, { tenantId: own, invitationId }) },
      revokeInvitation: { permission: "member.invite", call: (actor, own, invitationId) => revokeInvitation(actor, { tenantId: own, invitationId }) },
    },
  },
  {
    targetType: "project",
    make: async (theirs) => (await project(theirs)).id,
    state: (id) => db.tenantProject.findUnique({ where: { id } }),
    calls: {
      renameProject: { permission: "project.manage", call: (actor, own, projectId) => renameProject(actor, { tenantId: own, projectId, name: "Mine now" }) },
      archiveProject: { permission: "project.manage", call: (actor, own, projectId) => archiveProject(actor, { tenantId: own, projectId }) },
    },
  },
];

const PROBES = PROBED.flatMap((probed) => Object.entries(probed.calls).map(([name, { permission, call }]) => ({ name, permission, call, probed })));

describe.each(PROBES)("$name naming another tenant's $probed.targetType", ({ permission, call, probed }) => {
  it("is not_found, changes nothing, and the probe is recorded on the tenant named with the target it named", async () => {
    const [own, theirs] = [await tenantFor(db), await tenantFor(db)];
    const prober = await actorFor(db, { roles: { [own.id]: "owner" } });
    const id = await probed.make(theirs.id);
    const before = await probed.state(id);
    expect(await call(prober, own.id, id)).toMatchObject({ ok: false, kind: "not_found" });
    expect(await probed.state(id)).toEqual(before);
    const events = await eventsBy(prober);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: permission, tenantId: own.id, isFailure: true, targetType: probed.targetType, targetId: id, description: expect.stringMatching(/^not_found: /),
    });
    expect(await db.auditLog.count({ where: { tenantId: theirs.id } })).toBe(0);
  });
});

describe("a not_found refusal for a tenant that does not exist", () => {
  it("is recorded on the platform, with the tenant id it named", async () => {
    const admin = await actorFor(db, { staffRole: "admin" });
    const tenantId = randomUUID();
    expect(await setBudget(admin, { tenantId, monthlyBudgetUsd: "100", alertPct: "80" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await eventsBy(admin)).toMatchObject([{
      action: "budget.manage", tenantId: null, chain: "platform", isFailure: true, description: "not_found: That tenant does not exist.",
      metadata: { attemptedTenantId: tenantId },
    }]);
  });
});
