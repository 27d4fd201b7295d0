// What of an audit event a reader may see: the one place that withholds from a tenant's reader (through a
// membership, not a staff role) what belongs to the platform's people. Every read of audit rows (the pages, the
// event's details, the overview's activity, the export) selects these columns, so what is withheld reads as
// NULL in SQL and never leaves the server.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { grantedByStaffRole } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { INTERNAL_NOTE_EVENTS } from "./events";

export interface ReaderColumns {
  sourceIp: Prisma.Sql;
  userAgent: Prisma.Sql;
  /** true where the source IP and user agent are withheld: the actor was staff */
  networkWithheld: Prisma.Sql;
  description: Prisma.Sql;
  metadata: Prisma.Sql;
  /** true where the description (and metadata.reason) is staff's internal note, whoever reads */
  internalNote: Prisma.Sql;
}

// A staff lifecycle move's reason is an internal note; a refused call's description says why it was refused, the
// refusal the tenant's own people may have met, so it stays.
const INTERNAL_NOTE = Prisma.sql`(a.action IN (${Prisma.join(INTERNAL_NOTE_EVENTS)}) AND NOT a.is_failure)`;

/**
 * The columns of an event as `principal` may read them. Staff read everything. A tenant's reader does not see:
 * - the source IP and user agent of an event whose actor was staff when it was written (actor_staff_role, which
 *   the insert trigger records from the user's staff role at that moment): the addresses and browsers of the
 *   platform's people are not the tenant's to know;
 * - staff's internal note on a lifecycle move (its description and metadata.reason): why sales froze a tenant
 *   ("invoice 60 days overdue") is for staff; what the tenant is told is the move's message, in its after.
 */
export function readerColumns(principal: Principal): ReaderColumns {
  if (grantedByStaffRole(principal, "audit.read")) {
    return {
      sourceIp: Prisma.sql`host(a.source_ip)`, userAgent: Prisma.sql`a.user_agent`, networkWithheld: Prisma.sql`FALSE`,
      description: Prisma.sql`a.description`, metadata: Prisma.sql`a.metadata`, internalNote: INTERNAL_NOTE,
    };
  }
  // Events written before actor_staff_role existed (migration 20261203075002) record no role: for those, and for
  // anyone who became staff since, the actor's staff role now decides, so no staff address shows by omission.
  // The CASE keeps a non-uuid actor id (a service's) from failing the cast, and the lookup on users' key.
  const staffActor = Prisma.sql`(a.actor_staff_role IS NOT NULL OR EXISTS (
    SELECT 1 FROM users u
    WHERE u.id = CASE WHEN a.actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.actor_id::uuid END
      AND u.staff_role IS NOT NULL))`;
  return {
    sourceIp: Prisma.sql`CASE WHEN NOT ${staffActor} THEN host(a.source_ip) END`,
    userAgent: Prisma.sql`CASE WHEN NOT ${staffActor} THEN a.user_agent END`,
    networkWithheld: staffActor,
    description: Prisma.sql`CASE WHEN NOT ${INTERNAL_NOTE} THEN a.description END`,
    metadata: Prisma.sql`CASE WHEN ${INTERNAL_NOTE} THEN a.metadata - 'reason' ELSE a.metadata END`,
    internalNote: INTERNAL_NOTE,
  };
}
