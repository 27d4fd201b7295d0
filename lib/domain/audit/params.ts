// The audit log's filters and position, kept in the URL (nuqs) so a link reproduces the view. Shared by the
// server pages and the export route that parse them and the client controls that set them.
import { createLoader, createSerializer, parseAsIsoDate, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";

export const AUDIT_OUTCOMES = ["success", "failure"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The staff page's tenant filter value for events that belong to no tenant. */
export const PLATFORM_TENANT_FILTER = "platform";

export const auditListParsers = {
  /** an actor's id, or their name */
  actor: parseAsString,
  /** an exact action (member.invited) or an area (api_key.* or api_key) */
  action: parseAsString,
  /** the target's type (tenant, membership, api_key…) */
  target: parseAsString,
  outcome: parseAsStringLiteral(AUDIT_OUTCOMES),
  /** first and last day, inclusive, in UTC */
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  /** text searched in the target's name */
  q: parseAsString,
  /** staff page only: a tenant's slug, or "platform" */
  tenant: parseAsString,
  /** the page: an opaque keyset cursor (lib/domain/audit/cursor.ts); none for the newest events */
  cursor: parseAsString,
  /** the event whose details are open */
  event: parseAsString,
};

export type AuditListParams = inferParserType<typeof auditListParsers>;

export const serializeAuditListParams = createSerializer(auditListParsers);
export const loadAuditListParams = createLoader(auditListParsers);
