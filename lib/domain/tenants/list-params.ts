// The tenant list's filters, sort and page, kept in the URL (nuqs) so a link reproduces the view. Shared by
// the server page that parses them and the client controls that set them. Built from the bounds
// (lib/domain/bounds.ts): a value out of range becomes the nearest valid one, one that is no value none.
// nuqs/server: the parsers without the client hooks, so server and client code can share this module
import { parseAsArrayOf, createSerializer } from "nuqs/server";
import { MAX_DAY_COUNT, parseAsIntegerWithin, parseAsOneOf, parseAsPage, parseAsText } from "@/lib/domain/bounds";
import { TenantKind, TenantPlan, TenantStatus } from "@/lib/db/generated/enums";

export const TENANT_STATUSES = Object.values(TenantStatus);
export const TENANT_KINDS = Object.values(TenantKind);
export const TENANT_PLANS = Object.values(TenantPlan);
/** How a plan is named wherever one is shown; URLs and the database keep its lowercase value. */
export const PLAN_LABELS: Record<TenantPlan, string> = { free: "Free", starter: "Starter", pro: "Pro", enterprise: "Enterprise" };
export const TENANT_PLAN_OPTIONS = TENANT_PLANS.map((plan) => ({ value: plan, label: PLAN_LABELS[plan] }));
export const TENANT_SORTS = ["name", "slug", "status", "plan", "trialEndsAt", "createdAt", "salesOwner"] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];
export const TENANT_PAGE_SIZE = 25;

export const tenantListParsers = {
  q: parseAsText().withDefault(""),
  status: parseAsArrayOf(parseAsOneOf(TENANT_STATUSES)).withDefault([]),
  kind: parseAsOneOf(TENANT_KINDS),
  plan: parseAsOneOf(TENANT_PLANS),
  owner: parseAsText(),
  /** trials ending within this many days (or already past their end); longer than any day a trial can end on is the same as that */
  trialWithin: parseAsIntegerWithin(0, MAX_DAY_COUNT),
  sort: parseAsOneOf(TENANT_SORTS).withDefault("name"),
  dir: parseAsOneOf(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsPage.withDefault(1),
};

export const serializeTenantListParams = createSerializer(tenantListParsers);
