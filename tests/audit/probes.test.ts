// A call naming something of another tenant's (a key, a member, an invitation, a project) from the actor's own
// tenant is not_found, changes nothing, and the probe is recorded as a failure under the call's event.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/principal";
import type { MutationResult } from "../../lib/db/mutation";
import { changeMemberRole, removeMember, resendInvitation, revokeInvitation } from "../../lib/domain/members/service";
import { archiveProject, renameProject } from "../../lib/domain/projects/service";
import { revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { setBudget } from "../../lib/domain/usage/budget";
import { actorFor, tenantFor } from "../support/actors";
import { db, eventsBy, invitation, memberOf, project } from "./mutation-support";

afterAll(() => db.$disconnect());

/** Something of another tenant's, and the calls that name it from the actor's own tenant. */
interface Probed {
  targetType: string;
  /** makes one in the tenant `theirs`, returning its id */
  make: (theirs: string) => Promise<string>;
  /** what a call would change, read back */
  state: (id: string) => Promise<unknown>;
  /** each call, with the event its refusal is recorded under */
  calls: Record<string, { event: string; call: (actor: Actor, own: string, id: string) => Promise<MutationResult<unknown>> }>;
}

const PROBED: Probed[] = [
  {
    targetType: "api_key",
    make: async (theirs) => (await db.apiKey.create({ data: { tenantId: theirs, name: "theirs", prefix: `gh_${randomBytes(8).toString("hex")}`, hash: "$argon2id$v=19$test" } })).id,
    state: (id) => db.apiKey.findUnique({ where: { id } }),
    calls: {
      revokeApiKey: { event: "api_key.revoked", call: (actor, own, keyId) => revokeApiKey(actor, { tenantId: own, keyId }) },
      rollApiKey: { event: "api_key.rolled", call: (actor, own, keyId) => rollApiKey(actor, { tenantId: own, keyId, grace: "none" }) },
    },
  },
  {
    targetType: "membership",
    make: async (theirs) => (await memberOf(theirs)).membership.id,
    state: (id) => db.membership.findUnique({ where: { id } }),
    calls: {
      changeMemberRole: { event: "membership.role_changed", call: (actor, own, membershipId) => changeMemberRole(actor, { tenantId: own, membershipId, role: "viewer" }) },
      removeMember: { event: "membership.removed", call: (actor, own, membershipId) => removeMember(actor, { tenantId: own, membershipId }) },
    },
  },
  {
    targetType: "invitation",
    make: async (theirs) => (await invitation(theirs)).id,
    state: (id) => db.invitation.findUnique({ where: { id } }),
    calls: {
      resendInvitation: { event: "invitation.resent", call: (actor, own, invitationId) => resendInvitation(actor, { tenantId: own, invitationId }) },
      revokeInvitation: { event: "invitation.revoked", call: (actor, own, invitationId) => revokeInvitation(actor, { tenantId: own, invitationId }) },
    },
  },
  {
    targetType: "project",
    make: async (theirs) => (await project(theirs)).id,
    state: (id) => db.tenantProject.findUnique({ where: { id } }),
    calls: {
      renameProject: { event: "project.renamed", call: (actor, own, projectId) => renameProject(actor, { tenantId: own, projectId, name: "Mine now" }) },
      archiveProject: { event: "project.archived", call: (actor, own, projectId) => archiveProject(actor, { tenantId: own, projectId }) },
    },
  },
];

const PROBES = PROBED.flatMap((probed) => Object.entries(probed.calls).map(([name, { event, call }]) => ({ name, event, call, probed })));

describe.each(PROBES)("$name naming another tenant's $probed.targetType", ({ event, call, probed }) => {
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
      action: event, tenantId: own.id, isFailure: true, targetType: probed.targetType, targetId: id, description: expect.stringMatching(/^not_found: /),
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
      action: "tenant.budget_changed", tenantId: null, chain: "platform", isFailure: true, description: "not_found: That tenant does not exist.",
      metadata: { attemptedTenantId: tenantId },
    }]);
  });
});
