// What the navigation offers each kind of person: exactly the pages the permission table lets them open.
import { describe, expect, it } from "vitest";
import { consoleNavigation, currentHref, tenantNavigation, type NavLink } from "../../lib/navigation";
import type { Principal } from "../../lib/auth/principal";

const ACME = { id: "tenant-a", slug: "acme" };
const PRINCIPALS: Record<string, Principal> = {
  owner: { type: "user", staffRole: null, memberships: [{ tenantId: ACME.id, role: "owner" }] },
  member: { type: "user", staffRole: null, memberships: [{ tenantId: ACME.id, role: "member" }] },
  viewer: { type: "user", staffRole: null, memberships: [{ tenantId: ACME.id, role: "viewer" }] },
  outsider: { type: "user", staffRole: null, memberships: [{ tenantId: "tenant-b", role: "owner" }] },
  sales: { type: "user", staffRole: "sales", memberships: [] },
  support: { type: "user", staffRole: "support", memberships: [] },
  admin: { type: "user", staffRole: "admin", memberships: [] },
};

/** "Label href", children indented beneath their parent. */
const outline = (links: NavLink[], indent = ""): string[] =>
  links.flatMap((link) => [`${indent}${link.label} ${link.href}`, ...outline(link.children, `${indent}  `)]);

const EVERY_TENANT_PAGE = [
  "Overview /t/acme",
  "Members /t/acme/members",
  "Projects /t/acme/projects",
  "API keys /t/acme/keys",
  "Providers /t/acme/providers",
  "Routing /t/acme/routing",
  "Usage /t/acme/usage",
  "Audit log /t/acme/audit",
  "Settings /t/acme/settings",
  "  Products /t/acme/settings/products",
  "  Single sign-on /t/acme/settings/sso",
];

describe("the tenant navigation", () => {
  const expected: Record<string, string[]> = {
    owner: EVERY_TENANT_PAGE,
    member: EVERY_TENANT_PAGE,
    viewer: EVERY_TENANT_PAGE,
    outsider: [],
    // sales staff read neither API keys nor the gateway's configuration
    sales: EVERY_TENANT_PAGE.filter((line) => !/^(API keys|Providers|Routing) /.test(line)),
    support: EVERY_TENANT_PAGE,
    admin: EVERY_TENANT_PAGE,
  };
  for (const [who, pages] of Object.entries(expected)) {
    it(`offers the ${who} ${pages.length ? pages.length + " pages" : "nothing"}`, () => {
      expect(outline(tenantNavigation(PRINCIPALS[who], ACME))).toEqual(pages);
    });
  }

  it("puts the slug in each path as a path segment", () => {
    expect(tenantNavigation(PRINCIPALS.admin, { id: "x", slug: "a b" })[0].href).toBe("/t/a%20b");
  });
});

describe("the console navigation", () => {
  const expected: Record<string, string[]> = {
    owner: ["Overview /"],
    member: ["Overview /"],
    viewer: ["Overview /"],
    outsider: ["Overview /"],
    sales: ["Overview /", "Tenants /tenants", "Usage /usage", "Audit log /audit"],
    support: ["Overview /", "Tenants /tenants", "Usage /usage", "Audit log /audit", "People /staff"],
    admin: ["Overview /", "Tenants /tenants", "Usage /usage", "Audit log /audit", "People /staff"],
  };
  for (const [who, pages] of Object.entries(expected)) {
    it(`offers the ${who} ${pages.map((line) => line.split(" /")[0]).join(", ")}`, () => {
      expect(outline(consoleNavigation(PRINCIPALS[who]))).toEqual(pages);
    });
  }
});

describe("the current page", () => {
  const tenant = tenantNavigation(PRINCIPALS.owner, ACME);
  const console = consoleNavigation(PRINCIPALS.admin);

  it("is the entry whose path is the longest leading part of the URL's", () => {
    expect(currentHref(tenant, "/t/acme")).toBe("/t/acme");
    expect(currentHref(tenant, "/t/acme/keys")).toBe("/t/acme/keys");
    expect(currentHref(tenant, "/t/acme/keys/")).toBe("/t/acme/keys");
    expect(currentHref(tenant, "/t/acme/settings")).toBe("/t/acme/settings");
    expect(currentHref(tenant, "/t/acme/settings/sso")).toBe("/t/acme/settings/sso");
    expect(currentHref(tenant, "/t/acme/keys/some-key")).toBe("/t/acme/keys");
  });

  it("matches whole segments only, and the overview of the console only at /", () => {
    expect(currentHref(tenant, "/t/acme-two")).toBeNull();
    expect(currentHref(tenant, "/t/acme/keysmith")).toBe("/t/acme");
    expect(currentHref(console, "/")).toBe("/");
    expect(currentHref(console, "/tenants")).toBe("/tenants");
    expect(currentHref(console, "/t/acme")).toBeNull();
    expect(currentHref(console, "/account/sessions")).toBeNull();
  });
});
