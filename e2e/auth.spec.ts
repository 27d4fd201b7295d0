import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openTenantSwitcher, signInAs } from "./sign-in";
import { rowAction } from "./support/row-menu";

test("an owner signs in through GitHub, lands on the console with their name, and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Olivia Owner");
  const tenants = page.getByRole("table", { name: "Tenants" });
  await expect(tenants.getByRole("link", { name: "Acme Corp" })).toBeVisible();
  await expect(tenants.getByRole("link", { name: "Globex" })).toHaveCount(0); // not hers
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole("button", { name: "Account menu for Olivia Owner" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in page, the console and the demo identity picker all have an icon", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);
  const consoleIcon = await page.request.get("/favicon.ico");
  expect(consoleIcon.status()).toBe(200);
  expect(consoleIcon.headers()["content-type"]).toBe("image/x-icon");

  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Local demo identity provider");
  const pickerIcon = await page.request.get(new URL("/favicon.ico", page.url()).href);
  expect(pickerIcon.status()).toBe(200);
  expect(pickerIcon.headers()["content-type"]).toBe("image/x-icon");
});

test("a GitHub user with no membership, staff role or invitation sees no access", async ({ page }) => {
  await signInAs(page, "Stan Stranger (@stranger)");
  await expect(page).toHaveURL(/\/no-access/);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe.serial("an invited person", () => {
  test("signs in with the invited email, accepts the invitation and lands in the tenant", async ({ page }) => {
    await signInAs(page, "Nia Newhire (@new-hire)");
    await expect(page).toHaveURL(/\/t\/acme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
    await expect(page.getByText("your role: member")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText("Nia Newhire");
  });

  test("removed from their only tenant while signed in, sees no access on the next page she opens and signs out", async ({ page: invitee, browser }) => {
    await signInAs(invitee, "Nia Newhire (@new-hire)");
    await expect(invitee).toHaveURL(/\/t\/acme$/); // her only tenant, the one she accepted above

    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await signInAs(owner, "Olivia Owner (@olivia-owner)");
    await owner.goto("/t/acme/members");
    await rowAction(owner, "Nia Newhire", "Remove");
    await owner.getByRole("dialog", { name: "Remove Nia Newhire?" }).getByRole("button", { name: "Remove" }).click();
    await expect(owner.getByRole("table", { name: "Members of this tenant" })).not.toContainText("Nia Newhire");

    // a client navigation re-renders only the page, so the page itself must send her away
    await invitee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(invitee).toHaveURL(/\/no-access$/);
    await expect(invitee.getByRole("heading", { name: "No access" })).toBeVisible();
    expect((await new AxeBuilder({ page: invitee }).analyze()).violations).toEqual([]);
    await invitee.getByRole("button", { name: "Sign out" }).click();
    await expect(invitee).toHaveURL(/\/sign-in/);
    await invitee.goto("/");
    await expect(invitee).toHaveURL(/\/sign-in/);
    await ownerContext.close();
  });
});

test("staff search every tenant from the switcher, by keyboard", async ({ page }) => {
  await signInAs(page, "Sue Support (@sue-support)");
  await openTenantSwitcher(page);
  await page.keyboard.type("tyrell");
  await expect(page.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/t\/tyrell$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tyrell Systems" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a member cannot open another tenant by changing the URL", async ({ page }) => {
  await signInAs(page, "Max Member (@max-member)");
  await page.goto("/t/globex");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
});

test("on a tenant she cannot see, a viewer's tenant switcher names no tenant of the URL", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)"); // a viewer of Acme and Globex, not of Initech
  await page.goto("/t/initech");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  const switcher = page.getByRole("button", { name: /Switch tenant/ });
  await expect(switcher).toHaveAccessibleName("Switch tenant");
  await expect(page.getByRole("banner")).not.toContainText("initech");
});

test("a revoked session is signed out on its next navigation", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const revoked = await first.newPage();
  const other = await second.newPage();
  // someone no other test signs in as, so these are their only two sessions
  await signInAs(revoked, "Gus Globex (@gus-globex)");
  await expect(revoked.getByTestId("signed-in-as")).toHaveText("Gus Globex");
  await signInAs(other, "Gus Globex (@gus-globex)");

  await other.goto("/account/sessions");
  await expect(other.getByRole("table", { name: "Signed-in sessions" }).getByRole("row")).toHaveCount(3);
  // each session's browser in words, its raw user agent on hover
  const agent = await other.evaluate(() => navigator.userAgent);
  await expect(other.getByRole("table", { name: "Signed-in sessions" }).getByTitle(agent)).toHaveText([/^(Headless )?Chrome \d+ on Linux/, /^(Headless )?Chrome \d+ on Linux/]);
  await expect(other.getByRole("table", { name: "Signed-in sessions" })).not.toContainText("Mozilla/5.0");
  expect((await new AxeBuilder({ page: other }).analyze()).violations).toEqual([]);
  await other.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(other.getByRole("table", { name: "Signed-in sessions" }).getByRole("row")).toHaveCount(2);

  await revoked.goto("/");
  await expect(revoked).toHaveURL(/\/sign-in/);
  await other.goto("/");
  await expect(other.getByTestId("signed-in-as")).toHaveText("Gus Globex");
  await first.close();
  await second.close();
});

test("pages carry the security headers and the session cookie is httpOnly and SameSite", async ({ page, context }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await signInAs(page, "Sam Sales (@sam-sales)");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sam Sales");
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("gatehouse.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(session!.expires).toBeGreaterThan(Date.now() / 1000);
});

test("a made-up X-Forwarded-For header neither breaks the console nor reaches the session or audit rows", async ({ page }) => {
  // the session's first request stores its address in an inet column: a value that is no address must be dropped
  // no proxy is trusted (TRUSTED_PROXY_HOPS=0): the address is the TCP peer's, whatever the header claims
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "not-an-address, 203.0.113.7", "x-gatehouse-peer": "198.51.100.9" });
  await signInAs(page, "Sue Support (@sue-support)");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Sue Support");
  await page.goto("/account/sessions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("127.0.0.1");
  for (const claimed of ["203.0.113.7", "198.51.100.9", "not-an-address"]) await expect(page.locator("body")).not.toContainText(claimed);
});
