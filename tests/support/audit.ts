// The audit log as tests read it back: always narrowed to the test's own rows (its tenant, its target, its actor),
// since other test files write to the same table at the same time.
import type { Prisma } from "../../lib/db/generated/client";
import type { PrismaClient } from "../../lib/db/prisma";

/** The audit events matching `where` (e.g. `{ tenantId }`, `{ targetId }`, `{ tenantId, actorId }`), oldest first. */
export const auditOf = (db: PrismaClient, where: Prisma.AuditLogWhereInput) =>
  db.auditLog.findMany({ where, orderBy: { id: "asc" } });
