// The lifecycle's automatic transitions: a trial past its end is frozen, and a tenant frozen for more than 30
// days is archived (its data removed as archiveTenant removes it). Run by `npm run jobs` and, while the
// console runs, by `npm start` every hour.
import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/db/mutation";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantStatus } from "@/lib/db/generated/enums";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { allowedTransitions, applyTransition, lockTenant, transitionEvent } from "./lifecycle";

const DAY_MS = 86_400_000;
export const ARCHIVE_AFTER_FROZEN_DAYS = 30;
// Archiving removes a tenant's usage, which can be many rows: more than an interactive transaction's 5 s.
const TRANSACTION_TIMEOUT_MS = 120_000;

interface Rule {
  to: "frozen" | "archived";
  /** the move's internal note, for staff (as a person's reason is); the job leaves the tenant no message */
  reason: string;
  /** the tenants due for this move at `now`; asked again under the row lock before moving one */
  due: (now: Date) => Prisma.TenantWhereInput;
}

const RULES: Rule[] = [
  { to: "frozen", reason: "trial ended", due: (now) => ({ status: "trial", trialEndsAt: { lt: now } }) },
  {
    to: "archived",
    reason: `frozen for more than ${ARCHIVE_AFTER_FROZEN_DAYS} days`,
    due: (now) => ({ status: "frozen", statusChangedAt: { lt: new Date(now.getTime() - ARCHIVE_AFTER_FROZEN_DAYS * DAY_MS) } }),
  },
];

export interface LifecycleJobResult {
  frozen: number;
  archived: number;
  /** each tenant moved, in order */
  changes: { slug: string; to: TenantStatus; reason: string }[];
}

/**
 * Applies every due automatic transition as the system, one transaction per tenant, each with its audit
 * event. Idempotent: a tenant no longer due (moved by this run, an earlier one or a person) is left alone.
 */
export async function runLifecycleJobs(now = new Date()): Promise<LifecycleJobResult> {
  const result: LifecycleJobResult = { frozen: 0, archived: 0, changes: [] };
  for (const { to, reason, due } of RULES) {
    const candidates = await db.tenant.findMany({ where: due(now), select: { id: true }, orderBy: { id: "asc" } });
    for (const { id } of candidates) {
      const slug = await db.$transaction(async (tx) => {
        const tenant = await lockTenant(tx, id);
        const stillDue = await tx.tenant.count({ where: { AND: [{ id }, due(now)] } });
        if (!tenant || !stillDue || !allowedTransitions(tenant).includes(to)) return null;
        await writeAudit(tx, SYSTEM_ACTOR, { event: transitionEvent(to), ...(await applyTransition(tx, tenant, to, reason, now)) });
        return tenant.slug;
      }, { timeout: TRANSACTION_TIMEOUT_MS });
      if (!slug) continue;
      result[to]++;
      result.changes.push({ slug, to, reason });
    }
  }
  return result;
}
