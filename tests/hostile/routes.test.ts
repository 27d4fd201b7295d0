// The hostile-input test drives the routes e2e/routes.ts lists: every page and route handler of app/ must be
// listed there, or be named as not driven with the reason, and nothing listed may be gone.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NOT_DRIVEN, ROUTES } from "../../e2e/routes";

const routeFiles = readdirSync("app", { recursive: true, encoding: "utf8" })
  .map((file) => file.replaceAll("\\", "/"))
  .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
  .sort();

describe("the hostile-input test's route list", () => {
  it("finds the app's pages and route handlers", () => {
    expect(routeFiles).toContain("(console)/audit/page.tsx");
    expect(routeFiles).toContain("api/audit/export/route.ts");
  });

  it("lists every page and route handler, or says why it is not driven", () => {
    const unlisted = routeFiles.filter((file) => !(file in ROUTES) && !(file in NOT_DRIVEN));
    expect(unlisted, "add these to ROUTES in e2e/routes.ts, with the query parameters each reads").toEqual([]);
  });

  it("lists nothing that is not there, and nothing twice", () => {
    const listed = [...Object.keys(ROUTES), ...Object.keys(NOT_DRIVEN)];
    expect(listed.filter((file) => !routeFiles.includes(file))).toEqual([]);
    expect(Object.keys(ROUTES).filter((file) => file in NOT_DRIVEN)).toEqual([]);
  });

  it("puts the slug in the path of every route under [slug]", () => {
    for (const [file, route] of Object.entries(ROUTES)) {
      if (file.includes("[slug]")) expect(route.path, file).toContain("[slug]");
    }
  });
});
