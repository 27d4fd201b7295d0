// A tenant with a known set of audit events, for the query and export tests: each event's filters are chosen
// so that every filter matches a different, known subset.
import type { Prisma } from "../../lib/db/generated/client";
import type { PrismaClient } from "../../lib/db/prisma";
import { actorFor, tenantFor } from "../support/actors";

export const at = (day: string, time = "12:00:00") => new Date(`${day}T${time}Z`);

/** Writes `rows` in order (the chain's order), each through the insert trigger. Returns their ids as strings. */
export async function writeEvents(db: PrismaClient, rows: Prisma.AuditLogUncheckedCreateInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const data of rows) ids.push(String((await db.auditLog.create({ data, select: { id: true } })).id));
  return ids;
}

/** Tenant A with events e1…e8 (by Alice, Bob, the gateway service and the system) and tenant B with look-alikes. */
export async function auditWorld(db: PrismaClient) {
  const a = await tenantFor(db);
  const b = await tenantFor(db);
  const alice = await actorFor(db, { roles: { [a.id]: "owner" } });
  const bob = await actorFor(db, { roles: { [a.id]: "member", [b.id]: "owner" } });
  const viewerA = await actorFor(db, { roles: { [a.id]: "viewer" } });
  const support = await actorFor(db, { staffRole: "support" });
  const user = (actor: { id: string | null; name: string }) => ({ actorType: "user" as const, actorId: actor.id, actorName: actor.name, sourceIp: "192.0.2.1" });
  const gateway = { actorType: "service" as const, actorId: "svc-gateway", actorName: "gateway" };
  const system = { actorType: "system" as const, actorId: null, actorName: "system" };
  const inA = { tenantId: a.id };
  const [e1, e2, e3, e4, e5, e6, e7, e8] = await writeEvents(db, [
    { ...inA, ...user(alice), action: "member.invited", targetType: "invitation", targetName: "carol@example.test", createdAt: at("2026-03-01"), metadata: { after: { role: "member" } } },
    { ...inA, ...user(alice), action: "api_key.created", targetType: "api_key", targetId: "k1", targetName: "Prod key", createdAt: at("2026-03-05", "00:00:00") },
    { ...inA, ...gateway, action: "api_key.revoked", targetType: "api_key", targetId: "k0", targetName: "old key", isFailure: true, createdAt: at("2026-03-10") },
    { ...inA, ...system, action: "tenant.status_changed", targetType: "tenant", targetName: a.slug, createdAt: at("2026-03-15", "23:59:59"), metadata: { before: { status: "trial" }, after: { status: "active" } } },
    { ...inA, ...user(bob), action: "api_key.rolled", targetType: "api_key", targetId: "k2", targetName: "PROD key 2", createdAt: at("2026-03-16") },
    { ...inA, ...user(bob), action: "member.role_changed", targetType: "membership", targetName: "alice", isFailure: true, createdAt: at("2026-03-20") },
    { ...inA, ...user(alice), action: "routing_rule.updated", targetType: "routing_rule", targetName: "100%_off", createdAt: at("2026-03-25"),
      description: 'Rule "cheap", reordered,\nthen saved', metadata: { before: { priority: 1 }, after: { priority: 2 } } },
    { ...inA, ...user(alice), action: "provider.updated", targetType: "provider", targetName: "=HYPERLINK(\"http://evil.test\")", createdAt: at("2026-03-26"),
      description: "-2+3", metadata: { note: "@SUM(A1)" } },
  ]);
  await writeEvents(db, [
    { tenantId: b.id, ...user(bob), action: "api_key.created", targetType: "api_key", targetName: "Prod key", createdAt: at("2026-03-05") },
    { tenantId: b.id, ...user(alice), action: "member.invited", targetType: "invitation", targetName: "dave@example.test", createdAt: at("2026-03-06") },
  ]);
  return { a, b, alice, bob, viewerA, support, e: { e1, e2, e3, e4, e5, e6, e7, e8 } };
}

export const STAFF_IP = "198.51.100.7";
export const STAFF_AGENT = "staff-browser/1.0";

/**
 * A tenant with two events, each with a source IP and user agent: one by a support staff person (who is also its
 * owner, acting through the membership), one by its owner; and a viewer of it.
 */
export async function staffActorWorld(db: PrismaClient) {
  const tenant = await tenantFor(db);
  const staff = await actorFor(db, { staffRole: "support", roles: { [tenant.id]: "owner" } });
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
  const by = (actor: { id: string | null; name: string }) => ({ tenantId: tenant.id, actorType: "user" as const, actorId: actor.id, actorName: actor.name });
  const [byStaff, byOwner] = await writeEvents(db, [
    { ...by(staff), action: "api_key.created", targetType: "api_key", targetName: "Staff key", sourceIp: STAFF_IP, userAgent: STAFF_AGENT },
    { ...by(owner), action: "api_key.created", targetType: "api_key", targetName: "Owner key", sourceIp: "192.0.2.44", userAgent: "owner-browser/1.0" },
  ]);
  return { tenant, staff, owner, viewer, scope: { kind: "tenant" as const, tenantId: tenant.id }, e: { byStaff, byOwner } };
}
