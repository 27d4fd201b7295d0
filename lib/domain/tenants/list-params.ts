// The tenant list's filters, sort and page, kept in the URL (nuqs) so a link reproduces the view. Shared by
// the server page that parses them and the client controls that set them.
// nuqs/server: the parsers without the client hooks, so server and client code can share this module
import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, createSerializer } from "nuqs/server";
import { TenantKind, TenantPlan, TenantStatus } from "@/lib/db/generated/enums";

export const TENANT_STATUSES = Object.values(TenantStatus);
export const TENANT_KINDS = Object.values(TenantKind);
export const TENANT_PLANS = Object.values(TenantPlan);
export const TENANT_SORTS = ["name", "slug", "status", "plan", "trialEndsAt", "createdAt", "salesOwner"] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];
export const TENANT_PAGE_SIZE = 25;

export const tenantListParsers = {
  q: parseAsString.withDefault(""),
  status: parseAsArrayOf(parseAsStringLiteral(TENANT_STATUSES)).withDefault([]),
  kind: parseAsStringLiteral(TENANT_KINDS),
  plan: parseAsStringLiteral(TENANT_PLANS),
  owner: parseAsString,
  trialWithin: parseAsInteger,
  sort: parseAsStringLiteral(TENANT_SORTS).withDefault("name"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
};

export const serializeTenantListParams = createSerializer(tenantListParsers);
