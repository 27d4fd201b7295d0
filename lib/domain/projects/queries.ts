import "server-only";
import { db } from "@/lib/db/client";
import { scoped } from "@/lib/domain/tenant-scope";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

/** The tenant's projects, active ones first (archived ones stay listed), or [] when it may not be read. */
export async function listProjects(principal: Principal, tenantId: string) {
  if (!can(principal, "tenant.read", tenantId)) return [];
  return db.tenantProject.findMany({
    where: scoped(db, tenantId).where(),
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, status: true, createdAt: true },
  });
}
