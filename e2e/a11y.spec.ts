// Axe over the states of the console's pages that the specs of each area leave unscanned. Every page of app/ is
// scanned elsewhere, for each role that may open it: the console's and Acme's pages by the navigation walk of
// e2e/navigation.spec.ts, sign-in and no access in auth.spec.ts, errors and not found in errors.spec.ts and
// hostile.spec.ts, the sessions page in auth.spec.ts, the dialogs each area's spec opens beside what it checks,
// the toaster in toasts.spec.ts. Here: each page of a tenant with nothing in it, empty searches, the single
// sign-on page with each kind of provider, and the confirmation dialogs the specs open only to click through.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";

const violations = async (page: Page, include?: string) =>
  (await (include ? new AxeBuilder({ page }).include(include) : new AxeBuilder({ page })).analyze()).violations;

/** Opens `path` and scans it once its heading shows. */
async function scan(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  expect(await violations(page), `${path}: axe`).toEqual([]);
}

test("every page of an archived tenant with no members, keys or traffic", async ({ page }) => {
  test.setTimeout(120_000); // eleven pages, each with an axe scan, on a shared machine
  await signInAs(page, "Ada Admin (@ada-admin)");
  for (const [path, heading] of [
    ["", "Vandelay Industries"], ["/members", "Members"], ["/projects", "Projects"], ["/keys", "API keys"], ["/providers", "Providers"], ["/routing", "Routing"], ["/usage", "Usage"],
    ["/audit", "Audit log"], ["/settings", "Settings"], ["/settings/products", "Products"], ["/settings/sso", "Single sign-on"],
  ]) await scan(page, `/t/vandelay${path}`, heading);
});

test("searches that find nothing", async ({ page }) => {
  await signInAs(page, "Ada Admin (@ada-admin)");
  await scan(page, "/tenants?q=no-tenant-is-called-this", "Tenants");
  await scan(page, "/staff?q=nobody-is-called-this", "People");
  await scan(page, "/audit?q=nothing-happened-like-this", "Audit log");
  await scan(page, "/t/acme/keys?q=no-key-is-called-this", "API keys");
  await scan(page, "/t/acme/audit?action=nothing.here", "Audit log");
});

test("single sign-on with an OIDC provider, and with SAML metadata", async ({ page }) => {
  await signInAs(page, "Ada Admin (@ada-admin)");
  await scan(page, "/t/wayne/settings/sso", "Single sign-on");
  await scan(page, "/t/stark/settings/sso", "Single sign-on");
});

/**
 * Opens the dialog of `opener` on `path` (a button, or an item of the first row's menu), scans it, and closes it
 * without doing anything.
 */
async function scanDialog(page: Page, path: string, opener: RegExp | { rowMenuItem: string }) {
  await page.goto(path);
  if (opener instanceof RegExp) await page.getByRole("button", { name: opener }).first().click();
  else {
    await page.getByRole("button", { name: /^Actions for / }).first().click();
    await page.getByRole("menuitem", { name: opener.rowMenuItem, exact: true }).click();
  }
  const button = opener instanceof RegExp ? opener : opener.rowMenuItem;
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  expect(await violations(page, "[role=dialog]"), `${path}, ${button}: axe`).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
}

test("the confirmation dialogs of an owner, sales staff and an admin", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await scanDialog(page, "/t/acme/keys?status=active", { rowMenuItem: "Revoke" });
  await scanDialog(page, "/t/acme/members", { rowMenuItem: "Remove" });
  await scanDialog(page, "/t/acme/projects", { rowMenuItem: "Rename" });
  await scanDialog(page, "/t/acme/projects", { rowMenuItem: "Archive" });

  await context.clearCookies();
  await signInAs(page, "Sam Sales (@sam-sales)");
  await scanDialog(page, "/t/umbrella", /^Extend trial/);

  await context.clearCookies();
  await signInAs(page, "Ada Admin (@ada-admin)");
  await scanDialog(page, "/staff?q=dana-demo", { rowMenuItem: "Disable" });
  await scanDialog(page, "/t/stark/settings/sso", /^Remove the SAML/);
});
