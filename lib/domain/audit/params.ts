// The audit log's filters and position, kept in the URL (nuqs) so a link reproduces the view. Shared by the
// server pages and the export route that parse them and the client controls that set them. Built from the
// bounds (lib/domain/bounds.ts): a value out of range becomes the nearest valid one, one that is no value none.
import { createLoader, createSerializer, type inferParserType } from "nuqs/server";
import { parseAsBigintId, parseAsDay, parseAsOneOf, parseAsText } from "@/lib/domain/bounds";

export const AUDIT_OUTCOMES = ["success", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The staff page's tenant filter value for events that belong to no tenant. */
export const PLATFORM_TENANT_FILTER = "platform";

/** The filters: the page's and the export's, which exports exactly the filtered set. */
const auditFilterParsers = {
  /** an actor's id, or their name */
  actor: parseAsText(),
  /** an exact action (member.invited) or an area (api_key.* or api_key) */
  action: parseAsText(),
  /** the target's type (tenant, membership, api_key…) */
  target: parseAsText(),
  outcome: parseAsOneOf(AUDIT_OUTCOMES),
  /** first and last day, inclusive, in UTC */
  from: parseAsDay,
  to: parseAsDay,
  /** text searched in the target's name */
  q: parseAsText(),
  /** staff page only: a tenant's slug, or "platform" */
  tenant: parseAsText(),
};

export const auditListParsers = {
  ...auditFilterParsers,
  /** the page: an opaque keyset cursor (lib/domain/audit/cursor.ts, which validates it); none for the newest events */
  cursor: parseAsText(),
  /** the event whose details are open */
  event: parseAsBigintId,
};

/** GET /api/audit/export: the filters, the format, and the tenant page's slug (none: the staff page's view). */
export const auditExportParsers = {
  ...auditFilterParsers,
  format: parseAsOneOf(["csv", "jsonl"] as const).withDefault("csv"),
  slug: parseAsText(),
};

export type AuditListParams = inferParserType<typeof auditListParsers>;

export const serializeAuditListParams = createSerializer(auditListParsers);
export const loadAuditListParams = createLoader(auditListParsers);

/** Why no event can match the dates, to say so beside the filters; null when they can. */
export function auditDatesProblem({ from, to }: Pick<AuditListParams, "from" | "to">): string | null {
  return from && to && from > to ? "The “From” day is after the “To” day, so no event can match. Change one of them." : null;
}
