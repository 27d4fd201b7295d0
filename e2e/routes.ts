// Every page and route handler of app/, with the query parameters it reads: what the hostile-input test
// (e2e/hostile.spec.ts) drives with bad values, and what tests/hostile/routes.test.ts checks is complete (it
// fails for a page.tsx or route.ts listed in neither ROUTES nor NOT_DRIVEN). A new route is one entry.

/** Stands for a tenant's slug, in a path or a base value; the test puts in each tenant it tries. */
export const SLUG = "[slug]";

export interface ListedRoute {
  /** the URL's path, with SLUG where a tenant's slug goes */
  path: string;
  /** the query parameters it reads; none: it reads no query (the test sends it one all the same) */
  params: string[];
  /** valid values sent beside the parameters under test, so that what reads them runs (a custom range for dates) */
  base?: Record<string, string>;
  /**
   * parameters that decide what the others mean (a tenant, the range): the test drives these one at a time,
   * beside the base, and the others all at once
   */
  alone?: string[];
  /** a signed-out person sees it too (everything else sends them to sign in) */
  public?: true;
}

const AUDIT_FILTERS = ["actor", "action", "target", "outcome", "from", "to", "q", "tenant"];
const AUDIT_PAGE = [...AUDIT_FILTERS, "cursor", "event"];
const USAGE_RANGE = ["range", "from", "to"];

/** Today and 30 days before it, as a custom range any usage page shows. */
const today = new Date();
const CUSTOM_RANGE = {
  range: "custom",
  from: new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
  to: today.toISOString().slice(0, 10),
};

/** Keyed by the file under app/ that serves the route. */
export const ROUTES: Record<string, ListedRoute> = {
  "(console)/page.tsx": { path: "/", params: [] },
  "(console)/account/sessions/page.tsx": { path: "/account/sessions", params: [] },
  "(console)/audit/page.tsx": { path: "/audit", params: AUDIT_PAGE, alone: ["tenant"] },
  "(console)/tenants/page.tsx": { path: "/tenants", params: ["q", "status", "kind", "plan", "owner", "trialWithin", "sort", "dir", "page"] },
  "(console)/staff/page.tsx": { path: "/staff", params: ["q", "staff", "status", "cursor"] },
  "(console)/usage/page.tsx": { path: "/usage", params: [...USAGE_RANGE, "status", "plan", "page"], base: CUSTOM_RANGE, alone: ["range"] },
  "(console)/t/[slug]/page.tsx": { path: `/t/${SLUG}`, params: [] },
  "(console)/t/[slug]/members/page.tsx": { path: `/t/${SLUG}/members`, params: [] },
  "(console)/t/[slug]/projects/page.tsx": { path: `/t/${SLUG}/projects`, params: [] },
  "(console)/t/[slug]/settings/page.tsx": { path: `/t/${SLUG}/settings`, params: [] },
  "(console)/t/[slug]/settings/products/page.tsx": { path: `/t/${SLUG}/settings/products`, params: [] },
  "(console)/t/[slug]/settings/sso/page.tsx": { path: `/t/${SLUG}/settings/sso`, params: [] },
  "(console)/t/[slug]/audit/page.tsx": { path: `/t/${SLUG}/audit`, params: AUDIT_PAGE },
  "(console)/t/[slug]/keys/page.tsx": { path: `/t/${SLUG}/keys`, params: ["status", "q", "page"] },
  "(console)/t/[slug]/providers/page.tsx": { path: `/t/${SLUG}/providers`, params: [] },
  "(console)/t/[slug]/routing/page.tsx": { path: `/t/${SLUG}/routing`, params: [] },
  "(console)/t/[slug]/usage/page.tsx": { path: `/t/${SLUG}/usage`, params: [...USAGE_RANGE, "groupBy"], base: CUSTOM_RANGE, alone: ["range"] },
  // an export refuses the whole query for one bad value: the dates and the scope also go alone, to reach the export
  "api/audit/export/route.ts": {
    path: "/api/audit/export", params: [...AUDIT_FILTERS, "format", "slug"], base: { slug: SLUG }, alone: ["slug", "from", "to"],
  },
  "api/usage/export/route.ts": {
    path: "/api/usage/export", params: [...USAGE_RANGE, "groupBy", "tenant"], base: { tenant: SLUG, ...CUSTOM_RANGE }, alone: ["tenant", ...USAGE_RANGE],
  },
  "sign-in/page.tsx": { path: "/sign-in", params: ["error", "callbackUrl"], public: true },
  "no-access/page.tsx": { path: "/no-access", params: ["reason"], public: true },
};

/** Files under app/ the test does not drive, each with the reason. */
export const NOT_DRIVEN: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts": "NextAuth's own endpoints: their query is the OAuth protocol's, read and refused by NextAuth",
  "api/health/route.ts": "reads no query and no session: the liveness probe every test run starts by polling",
};
