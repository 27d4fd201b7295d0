// The authorization matrix: who may do what, written out by hand so a change to the permission table must
// be a deliberate change here too. Every action of the table has its row (a test below says so).
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Action } from "../../lib/auth/permissions";
import type { Principal } from "../../lib/auth/principal";

const A = "tenant-a";
const B = "tenant-b";
const PRINCIPALS: Record<string, Principal> = {
  owner: { type: "user", staffRole: null, memberships: [{ tenantId: A, role: "owner" }] },
  member: { type: "user", staffRole: null, memberships: [{ tenantId: A, role: "member" }] },
  viewer: { type: "user", staffRole: null, memberships: [{ tenantId: A, role: "viewer" }] },
  outsider: { type: "user", staffRole: null, memberships: [{ tenantId: B, role: "owner" }] },
  admin: { type: "user", staffRole: "admin", memberships: [] },
  sales: { type: "user", staffRole: "sales", memberships: [] },
  support: { type: "user", staffRole: "support", memberships: [] },
  gateway: { type: "service", staffRole: null, memberships: [] },
};
type Who = keyof typeof PRINCIPALS;

// action, the tenant it happens in, and exactly who may do it
const MATRIX: [Action, string | null, Who[]][] = [
  ["tenant.read", A, ["owner", "member", "viewer", "admin", "sales", "support"]],
  ["tenant.list_all", null, ["admin", "sales", "support"]],
  ["tenant.create", null, ["admin", "sales"]],
  ["tenant.change_lifecycle", A, ["admin", "sales"]],
  ["tenant.update_commercial", A, ["admin", "sales"]],
  ["project.manage", A, ["owner", "admin"]],
  ["product.manage", A, ["admin", "sales"]],
  ["idp.manage", A, ["owner", "admin"]],
  ["idp.verify", A, ["admin"]],
  ["member.read", A, ["owner", "member", "viewer", "admin", "sales", "support"]],
  ["member.invite", A, ["owner", "admin"]],
  ["member.change_role", A, ["owner", "admin"]],
  ["member.remove", A, ["owner", "admin"]],
  ["person.read", null, ["admin", "support"]],
  ["person.change_staff_role", null, ["admin"]],
  ["person.disable", null, ["admin"]],
  ["api_key.read", A, ["owner", "member", "viewer", "admin", "support"]],
  ["api_key.create", A, ["owner", "member", "admin"]],
  ["api_key.revoke", A, ["owner", "member", "admin"]],
  ["provider.read", A, ["owner", "member", "viewer", "admin", "support"]],
  ["provider.manage", A, ["owner", "admin"]],
  ["routing.read", A, ["owner", "member", "viewer", "admin", "support"]],
  ["routing.manage", A, ["owner", "admin"]],
  ["flag.manage", A, ["owner", "admin"]],
  ["price.manage", null, ["admin"]],
  ["usage.read", A, ["owner", "member", "viewer", "admin", "sales", "support"]],
  ["usage.read_platform", null, ["admin", "sales", "support"]],
  ["budget.manage", A, ["owner", "admin"]],
  ["audit.read", A, ["owner", "member", "viewer", "admin", "sales", "support"]],
  ["audit.read_platform", null, ["admin", "sales", "support"]],
  ["flag.manage_global", null, ["admin"]],
  ["session.revoke", null, ["owner", "member", "viewer", "outsider", "admin", "sales", "support"]],
];

describe("authorization matrix", () => {
  const cases = MATRIX.flatMap(([action, tenant, allowed]) =>
    (Object.keys(PRINCIPALS) as Who[]).map((who) => [who, action, tenant, allowed.includes(who)] as const));

  it.each(cases)("%s → %s in %s: %s", (who, action, tenant, allowed) => {
    expect(can(PRINCIPALS[who], action, tenant)).toBe(allowed);
  });

  it("has a row for every action of the permission table, and one only", () => {
    expect(MATRIX.map(([action]) => action).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("gives a role in one tenant nothing in another", () => {
    expect(can(PRINCIPALS.owner, "member.invite", B)).toBe(false);
    expect(can(PRINCIPALS.outsider, "tenant.read", A)).toBe(false);
  });
});
