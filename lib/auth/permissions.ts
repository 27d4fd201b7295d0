// The one permission table: which tenant roles and which staff roles may do each action. Every service asks
// `can` before it reads or writes tenant data; pages hiding a button are never the protection.
import type { MemberRole, StaffRole } from "@/lib/db/generated/enums";
import type { Principal } from "./principal";

const TENANT_READERS: MemberRole[] = ["owner", "member", "viewer"];
const ALL_STAFF: StaffRole[] = ["admin", "sales", "support"];

export const PERMISSIONS = {
  // tenants
  "tenant.read": { tenant: TENANT_READERS, staff: ALL_STAFF },
  /** every tenant at once: the staff tenant list, searching all tenants in the switcher */
  "tenant.list_all": { tenant: [], staff: ALL_STAFF },
  "tenant.create": { tenant: [], staff: ["admin", "sales"] },
  "tenant.update_commercial": { tenant: [], staff: ["admin", "sales"] },
  "tenant.change_lifecycle": { tenant: [], staff: ["admin", "sales"] },
  "project.manage": { tenant: ["owner"], staff: ["admin"] },
  "product.manage": { tenant: [], staff: ["admin", "sales"] },
  "idp.manage": { tenant: ["owner"], staff: ["admin"] },
  "idp.verify": { tenant: [], staff: ["admin"] },
  // people
  "member.read": { tenant: TENANT_READERS, staff: ALL_STAFF },
  "member.invite": { tenant: ["owner"], staff: ["admin"] },
  "member.change_role": { tenant: ["owner"], staff: ["admin"] },
  "member.remove": { tenant: ["owner"], staff: ["admin"] },
  // everyone's accounts and the platform's staff (the staff page): support reads, to answer "why can't I sign in"
  "person.read": { tenant: [], staff: ["admin", "support"] },
  "person.change_staff_role": { tenant: [], staff: ["admin"] },
  /** disabling an account, and enabling it again */
  "person.disable": { tenant: [], staff: ["admin"] },
  // gateway configuration
  "api_key.read": { tenant: TENANT_READERS, staff: ["admin", "support"] },
  "api_key.create": { tenant: ["owner", "member"], staff: ["admin"] },
  "api_key.revoke": { tenant: ["owner", "member"], staff: ["admin"] },
  "provider.read": { tenant: TENANT_READERS, staff: ["admin", "support"] },
  "provider.manage": { tenant: ["owner"], staff: ["admin"] },
  "routing.read": { tenant: TENANT_READERS, staff: ["admin", "support"] },
  "routing.manage": { tenant: ["owner"], staff: ["admin"] },
  "flag.manage": { tenant: ["owner"], staff: ["admin"] },
  // platform-wide (no tenant)
  "flag.manage_global": { tenant: [], staff: ["admin"] },
  "price.manage": { tenant: [], staff: ["admin"] },
  // reading history
  "usage.read": { tenant: TENANT_READERS, staff: ALL_STAFF },
  /** usage across every tenant (the staff usage page) */
  "usage.read_platform": { tenant: [], staff: ALL_STAFF },
  "budget.manage": { tenant: ["owner"], staff: ["admin"] },
  "audit.read": { tenant: TENANT_READERS, staff: ALL_STAFF },
  "audit.read_platform": { tenant: [], staff: ALL_STAFF },
  // one's own sign-in sessions: any signed-in person (the service checks the session is theirs)
  "session.revoke": { tenant: [], staff: [], anySignedIn: true },
} as const satisfies Record<string, { tenant: readonly MemberRole[]; staff: readonly StaffRole[]; anySignedIn?: boolean }>;

export type Action = keyof typeof PERMISSIONS;


export function roleIn(principal: Principal, tenantId: string): MemberRole | null {
  return principal.memberships.find((m) => m.tenantId === tenantId)?.role ?? null;
}

/** Whether `principal` may do `action` in `tenantId` (null for platform-wide actions). */
export function can(principal: Principal, action: Action, tenantId: string | null): boolean {
  const rule: { tenant: readonly MemberRole[]; staff: readonly StaffRole[]; anySignedIn?: boolean } = PERMISSIONS[action];
  if (rule.anySignedIn && principal.type === "user") return true;
  if (principal.staffRole && rule.staff.includes(principal.staffRole)) return true;
  if (!tenantId) return false;
  const role = roleIn(principal, tenantId);
  return role !== null && rule.tenant.includes(role);
}

/**
 * Whether `principal`'s staff role itself grants `action`, whatever their tenant roles: a staff person acting
 * through a membership (support staff who also own a tenant, creating a key there) is not acting as staff.
 */
export function grantedByStaffRole(principal: Principal, action: Action): boolean {
  const staff: readonly StaffRole[] = PERMISSIONS[action].staff;
  return principal.staffRole !== null && staff.includes(principal.staffRole);
}
