// The table of mutation kinds mutations.test.ts runs: each case sets up its world, the call, who may not make it,
// and what the world looks like after.
import { expect } from "vitest";
import { randomBytes } from "node:crypto";
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
import { uniqueSlug } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { DAY_MS, db, invitation, memberOf, project } from "./mutation-support";

const SAML_XML = readFileSync(new URL("../idp/fixtures/metadata-prefixed.xml", import.meta.url), "utf8");
const anyDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);

export interface Expected {
  action: string;
  tenantId: string | null;
  targetType: string;
  targetId?: string;
  targetName?: string;
  before?: unknown;
  after?: unknown;
}

export interface Case {
  /** the one call, made by `actor` (success) or by `refused` (forbidden) */
  call: (actor: Actor) => Promise<MutationResult<unknown>>;
  actor: Actor;
  refused: Actor;
  /** the tenant the refused call is recorded in (null: platform) and the event it is recorded under */
  refusedIn: string | null;
  refusedEvent: string;
  /** the target the refused call is recorded with, when its input names it */
  refusedTarget?: { targetType: string; targetId: string };
  /** what the call would change, read back */
  state: () => Promise<unknown>;
  /** the events of the successful call, in order (read after it) */
  events: () => Expected[] | Promise<Expected[]>;
}

export const CASES: Record<string, () => Promise<Case>> = {
  "tenants: createTenant": async () => {
    const slug = uniqueSlug("new");
    const state = () => db.tenant.findUnique({ where: { slug } });
    const sales = await actorFor(db, { staffRole: "sales" });
    return {
      actor: sales, refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: null, refusedEvent: "tenant.created", state,
      call: (actor) => createTenant(actor, { slug, name: "New Co", kind: "customer", plan: "pro", trialDays: "14", ownerEmail: `owner-${slug}@example.test` }),
      events: async () => {
        const { id: tenantId } = await db.tenant.findUniqueOrThrow({ where: { slug } });
        return [
          { action: "invitation.created", tenantId, targetType: "invitation", targetName: `owner-${slug}@example.test`, after: { email: `owner-${slug}@example.test`, role: "owner" } },
          { action: "tenant.created", tenantId, targetType: "tenant", targetId: tenantId, targetName: slug, after: {
            slug, name: "New Co", kind: "customer", plan: "pro", status: "trial", trialEndsAt: anyDate, erpCustomerId: null,
            salesOwnerId: sales.id, salesOwner: sales.name, products: ["gateway", "analytics"], project: "default",
          } },
        ];
      },
    };
  },
  "tenants: updateTenantDetails": async () => {
    const tenant = await tenantFor(db, { name: "Old Name" });
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, refusedEvent: "tenant.details_updated",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => updateTenantDetails(actor, { tenantId: tenant.id, expectedUpdatedAt: tenant.updatedAt.toISOString(), name: "New Name", plan: tenant.plan }),
      events: () => [{ action: "tenant.details_updated", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { name: "Old Name" }, after: { name: "New Name" } }],
    };
  },
  "lifecycle: changeTenantStatus": async () => {
    const tenant = await tenantFor(db, { status: "active" });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, refusedEvent: "tenant.status_changed",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => changeTenantStatus(actor, { tenantId: tenant.id, to: "frozen", reason: "invoice overdue" }),
      events: () => [{ action: "tenant.status_changed", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { status: "active" }, after: { status: "frozen" } }],
    };
  },
  "lifecycle: extendTrial": async () => {
    const tenant = await tenantFor(db, { status: "trial", trialEndsAt: new Date(Date.now() + DAY_MS) });
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: tenant.id, refusedEvent: "tenant.trial_extended",
      state: () => db.tenant.findUnique({ where: { id: tenant.id } }),
      call: (actor) => extendTrial(actor, { tenantId: tenant.id, trialEndsAt: new Date(Date.now() + 30 * DAY_MS).toISOString(), reason: "pilot runs longer" }),
      events: () => [{ action: "tenant.trial_extended", tenantId: tenant.id, targetType: "tenant", targetId: tenant.id, targetName: tenant.slug, before: { trialEndsAt: anyDate }, after: { trialEndsAt: anyDate } }],
    };
  },
  "lifecycle: archiveTenant": async () => {
    const tenant = await tenantFor(db, { status: "frozen" });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "support" }),
      refusedIn: tenant.id, refusedEvent: "tenant.archived",
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
      refusedIn: tenant.id, refusedEvent: "invitation.created",
      state: () => db.invitation.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => inviteMember(actor, { tenantId: tenant.id, email, role: "member" }),
      events: () => [{ action: "invitation.created", tenantId: tenant.id, targetType: "invitation", targetName: email, after: { email, role: "member", expiresAt: anyDate } }],
    };
  },
  "members: resendInvitation": async () => {
    const tenant = await tenantFor(db);
    const pending = await invitation(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, refusedEvent: "invitation.resent", refusedTarget: { targetType: "invitation", targetId: pending.id },
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
      refusedIn: tenant.id, refusedEvent: "invitation.revoked", refusedTarget: { targetType: "invitation", targetId: pending.id },
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
      refusedIn: tenant.id, refusedEvent: "membership.role_changed", refusedTarget: { targetType: "membership", targetId: membership.id },
      state: () => db.membership.findUnique({ where: { id: membership.id } }),
      call: (actor) => changeMemberRole(actor, { tenantId: tenant.id, membershipId: membership.id, role: "viewer" }),
      events: () => [{ action: "membership.role_changed", tenantId: tenant.id, targetType: "membership", targetId: membership.id, targetName: person.name, before: { role: "member" }, after: { role: "viewer" } }],
    };
  },
  "members: removeMember": async () => {
    const tenant = await tenantFor(db);
    const { person, membership } = await memberOf(tenant.id);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, refusedEvent: "membership.removed", refusedTarget: { targetType: "membership", targetId: membership.id },
      state: () => db.membership.findUnique({ where: { id: membership.id } }),
      call: (actor) => removeMember(actor, { tenantId: tenant.id, membershipId: membership.id }),
      events: () => [{ action: "membership.removed", tenantId: tenant.id, targetType: "membership", targetId: membership.id, targetName: person.name, before: { role: "member", userId: person.id } }],
    };
  },
  "projects: createProject": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id)).person,
      refusedIn: tenant.id, refusedEvent: "project.created",
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
      refusedIn: tenant.id, refusedEvent: "project.renamed", refusedTarget: { targetType: "project", targetId: p.id },
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
      refusedIn: tenant.id, refusedEvent: "project.archived", refusedTarget: { targetType: "project", targetId: p.id },
      state: () => db.tenantProject.findUnique({ where: { id: p.id } }),
      call: (actor) => archiveProject(actor, { tenantId: tenant.id, projectId: p.id }),
      events: () => [{ action: "project.archived", tenantId: tenant.id, targetType: "project", targetId: p.id, targetName: "Main", before: { status: "active" }, after: { status: "archived" } }],
    };
  },
  "products: setEntitlement": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { staffRole: "sales" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, refusedEvent: "product.entitlement_changed",
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
      refusedIn: tenant.id, refusedEvent: "idp_config.saved",
      state: () => db.tenantIdpConfig.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => saveOidcConfig(actor, { tenantId: tenant.id, ...metadata }),
      events: () => [{ action: "idp_config.saved", tenantId: tenant.id, targetType: "idp_config", targetName: "OIDC", before: null, after: { metadata, verified: false } }],
    };
  },
  "idp: saveSamlConfig": async () => {
    const tenant = await tenantFor(db);
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { staffRole: "sales" }),
      refusedIn: tenant.id, refusedEvent: "idp_config.saved",
      state: () => db.tenantIdpConfig.findMany({ where: { tenantId: tenant.id } }),
      call: (actor) => saveSamlConfig(actor, { tenantId: tenant.id, metadataXml: SAML_XML }),
      events: () => [{ action: "idp_config.saved", tenantId: tenant.id, targetType: "idp_config", targetName: "SAML", before: null, after: { metadata: expect.objectContaining({ entityId: expect.any(String) }), verified: false } }],
    };
  },
  "idp: markIdpVerified": async () => {
    const tenant = await tenantFor(db);
    const config = await db.tenantIdpConfig.create({ data: { tenantId: tenant.id, type: "oidc", metadata: { discoveryUrl: "https://idp.example.test" } } });
    return {
      actor: await actorFor(db, { staffRole: "admin" }), refused: await actorFor(db, { roles: { [tenant.id]: "owner" } }),
      refusedIn: tenant.id, refusedEvent: "idp_config.verified",
      state: () => db.tenantIdpConfig.findUnique({ where: { id: config.id } }),
      call: (actor) => markIdpVerified(actor, { tenantId: tenant.id, type: "oidc" }),
      events: () => [{ action: "idp_config.verified", tenantId: tenant.id, targetType: "idp_config", targetId: config.id, targetName: "OIDC", before: { verified: false }, after: { verified: true } }],
    };
  },
  "idp: removeIdpConfig": async () => {
    const tenant = await tenantFor(db);
    const config = await db.tenantIdpConfig.create({ data: { tenantId: tenant.id, type: "oidc", metadata: { discoveryUrl: "https://idp.example.test" } } });
    return {
      actor: await actorFor(db, { roles: { [tenant.id]: "owner" } }), refused: (await memberOf(tenant.id, "viewer")).person,
      refusedIn: tenant.id, refusedEvent: "idp_config.removed",
      state: () => db.tenantIdpConfig.findUnique({ where: { id: config.id } }),
      call: (actor) => removeIdpConfig(actor, { tenantId: tenant.id, type: "oidc" }),
      events: () => [{ action: "idp_config.removed", tenantId: tenant.id, targetType: "idp_config", targetId: config.id, targetName: "OIDC", before: { metadata: { discoveryUrl: "https://idp.example.test" }, verified: false }, after: null }],
    };
  },
  "sessions: revokeSession": async () => {
    const actor = await actorFor(db);
    const session = await db.session.create({ data: { userId: actor.id!, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + DAY_MS) } });
    return {
      actor, refused: { ...actor, type: "service", id: `svc-${randomBytes(3).toString("hex")}`, name: "gateway" },
      refusedIn: null, refusedEvent: "session.revoked", refusedTarget: { targetType: "session", targetId: session.id },
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
      refusedIn: null, refusedEvent: "user.sessions_revoked",
      state: () => db.session.findMany({ where: { userId: actor.id! }, orderBy: { id: "asc" } }),
      call: (who) => revokeOtherSessions(who),
      events: () => [{ action: "user.sessions_revoked", tenantId: null, targetType: "user", targetId: actor.id! }],
    };
  },
};
