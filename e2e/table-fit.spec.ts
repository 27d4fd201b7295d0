import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { openRowMenuByKeyboard, rowAction, rowActionByKeyboard, rowMenuButton } from "./support/row-menu";

// The narrowest page the console is made for: every table fits it, and every row's actions are in reach.
const VIEWPORT = { width: 1280, height: 800 };
test.use({ viewport: VIEWPORT });

const ROLES = [
  { role: "a tenant owner", identity: "Olivia Owner (@olivia-owner)" },
  { role: "a member", identity: "Max Member (@max-member)" },
  { role: "a viewer", identity: "Vera Viewer (@vera-viewer)" },
  { role: "sales staff", identity: "Sam Sales (@sam-sales)" },
  { role: "support staff", identity: "Sue Support (@sue-support)" },
  { role: "a platform admin", identity: "Ada Admin (@ada-admin)" },
];

/** Every page the person may open: the top bar's, Acme's sidebar's, and their own sessions. */
async function pagesOf(page: Page): Promise<string[]> {
  const hrefs = async (navigation: string) =>
    page.getByRole("navigation", { name: navigation }).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  await page.goto("/");
  const consolePages = await hrefs("Main");
  await page.goto("/t/acme");
  const tenantPages = await hrefs("Tenant pages");
  return [...new Set([...consolePages, ...tenantPages, "/account/sessions"])];
}

/** No table scrolls sideways in its card, the page does not either, and each row's menu button is on screen. */
async function expectTablesFit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[aria-busy=true]"), `${path} still loading`).toHaveCount(0); // a streamed page's skeleton
  for (const table of await page.getByRole("table").all()) {
    const name = await table.locator("caption").textContent();
    // the table's card is its scroll container
    const { scrollWidth, clientWidth } = await table.evaluate((element) => ({ scrollWidth: element.parentElement!.scrollWidth, clientWidth: element.parentElement!.clientWidth }));
    expect(scrollWidth, `the table "${name}" on ${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  }
  const pageWidth = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(pageWidth.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(pageWidth.clientWidth);
  for (const button of await page.getByRole("button", { name: /^Actions for / }).all()) {
    const box = (await button.boundingBox())!;
    expect(box.x, `${await button.getAttribute("aria-label")} on ${path}`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await button.getAttribute("aria-label")} on ${path}`).toBeLessThanOrEqual(VIEWPORT.width);
  }
}

/** A second signed-in browser of `identity`, so that their sessions page lists one they may sign out. */
async function secondSession(browser: Browser, identity: string) {
  const context = await browser.newContext();
  await signInAs(await context.newPage(), identity);
  await context.close();
}

for (const { role, identity } of ROLES) {
  test(`at 1280 px, ${role}'s tables fit their pages and each row menu opens its dialog by keyboard`, async ({ page, browser }) => {
    // every page of the navigation, a page for each area: the default 30 s is too little for staff on a busy machine
    test.setTimeout(120_000);
    await secondSession(browser, identity);
    await signInAs(page, identity);
    const pages = await pagesOf(page);

    let tried: string | undefined;
    for (const path of pages) {
      await expectTablesFit(page, path);
      const first = page.getByRole("button", { name: /^Actions for / }).first();
      if (tried || (await first.count()) === 0) continue;

      // the first row menu of the first page that has one: by keyboard, its items, the first one's dialog
      const rowName = (await first.getAttribute("aria-label"))!.slice("Actions for ".length);
      const menu = await openRowMenuByKeyboard(page, rowName, first);
      const items = menu.getByRole("menuitem");
      await expect(items.first()).toBeFocused();
      expect((await new AxeBuilder({ page }).include("[role=menu]").analyze()).violations).toEqual([]);
      const item = (await items.first().textContent())!;
      await page.keyboard.press("Enter");
      await expect(menu).toHaveCount(0);
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(dialog).toHaveCount(0);
      await expect(first, `focus back on the menu of ${rowName} after "${item}"`).toBeFocused();
      tried = path;
    }
    expect(tried, `a page of ${role} with a row menu`).toBeDefined();
  });
}

/** Copies the key the reveal dialog shows, once, and closes it. */
async function copyRevealedKey(page: Page) {
  const reveal = page.getByRole("dialog", { name: "Copy your new key" });
  await reveal.getByRole("button", { name: "Copy" }).click();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toHaveCount(0);
}

/** Acme's owner, on its keys page with a new key named `name`; answers the keys table. */
async function ownerWithNewKey(page: Page, context: BrowserContext, name: string) {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const create = page.getByRole("dialog", { name: "Create an API key" });
  await create.getByRole("textbox", { name: "Name" }).fill(name);
  await create.getByRole("button", { name: "Generate key" }).click();
  await copyRevealedKey(page);
  return page.getByRole("table", { name: "API keys" });
}

test("a key's Roll opens the table's one roll dialog, which gives focus back to the row menu; Revoke says so in a toast", async ({ page, context }) => {
  const keys = await ownerWithNewKey(page, context, "Row menu check");
  await rowActionByKeyboard(keys, "Row menu check", "Roll");
  const roll = page.getByRole("dialog", { name: "Roll Row menu check" });
  await expect(roll).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(roll).toHaveCount(0);
  await expect(rowMenuButton(keys, "Row menu check")).toBeFocused();

  await rowAction(keys, "Row menu check", "Revoke");
  await page.getByRole("dialog", { name: "Revoke Row menu check?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("Row menu check revoked")).toBeVisible();
  await expect(keys.getByRole("row", { name: /Row menu check/ })).toContainText("revoked");
});

test("after a roll, the old key running out beside its successor, the keys table still fits at 1280 px", async ({ page, context }) => {
  const keys = await ownerWithNewKey(page, context, "Rolled fit check");
  await rowAction(keys, "Rolled fit check", "Roll");
  await page.getByRole("dialog", { name: "Roll Rolled fit check" }).getByRole("button", { name: "Roll key" }).click();
  await copyRevealedKey(page);
  await expect(rowMenuButton(keys, "Rolled fit check")).toHaveCount(2); // the old key, until it runs out, and its successor
  await expectTablesFit(page, "/t/acme/keys");
});
