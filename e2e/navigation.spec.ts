// Every area is one navigation entry away for the people who may open it, and only for them: per role, the
// console's and Acme's navigation offer exactly the expected pages, and a click on each opens it with its heading,
// marks it current and passes axe; what it hides answers not found when its URL is typed. The skip link takes a
// keyboard past the header into the page.
import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";

/** A navigation entry's label, and the heading of the page it opens. */
type Entry = [label: string, heading: string];

const CONSOLE_FOR_EVERYONE: Entry[] = [["Overview", "Overview"]];
const CONSOLE_FOR_SALES: Entry[] = [...CONSOLE_FOR_EVERYONE, ["Tenants", "Tenants"], ["Usage", "Usage by tenant"], ["Audit log", "Audit log"]];
const CONSOLE_FOR_SUPPORT: Entry[] = [...CONSOLE_FOR_SALES, ["People", "People"]];
const EVERY_TENANT_PAGE: Entry[] = [
  ["Overview", "Acme Corp"], ["Members", "Members"], ["Projects", "Projects"], ["API keys", "API keys"], ["Providers", "Providers"], ["Routing", "Routing"], ["Usage", "Usage"],
  ["Audit log", "Audit log"], ["Settings", "Settings"], ["Products", "Products"], ["Single sign-on", "Single sign-on"],
];

// what the navigation hides from a member of a tenant, typed as a URL instead
const STAFF_PAGES = ["/tenants", "/usage", "/audit", "/staff"];

const ROLES: { who: string; identity: string; consolePages: Entry[]; tenantPages: Entry[]; hidden: string[] }[] = [
  { who: "an owner", identity: "Olivia Owner (@olivia-owner)", consolePages: CONSOLE_FOR_EVERYONE, tenantPages: EVERY_TENANT_PAGE, hidden: STAFF_PAGES },
  { who: "a member", identity: "Max Member (@max-member)", consolePages: CONSOLE_FOR_EVERYONE, tenantPages: EVERY_TENANT_PAGE, hidden: STAFF_PAGES },
  { who: "a viewer", identity: "Vera Viewer (@vera-viewer)", consolePages: CONSOLE_FOR_EVERYONE, tenantPages: EVERY_TENANT_PAGE, hidden: STAFF_PAGES },
  // sales staff read no API keys and no gateway configuration
  { who: "sales staff", identity: "Sam Sales (@sam-sales)", consolePages: CONSOLE_FOR_SALES,
    tenantPages: EVERY_TENANT_PAGE.filter(([label]) => !["API keys", "Providers", "Routing"].includes(label)),
    hidden: ["/staff", "/t/acme/keys", "/t/acme/providers", "/t/acme/routing"] },
  { who: "support staff", identity: "Sue Support (@sue-support)", consolePages: CONSOLE_FOR_SUPPORT, tenantPages: EVERY_TENANT_PAGE, hidden: [] },
  { who: "an admin", identity: "Ada Admin (@ada-admin)", consolePages: CONSOLE_FOR_SUPPORT, tenantPages: EVERY_TENANT_PAGE, hidden: [] },
];

/** Checks that `nav` offers exactly `entries`, then opens each by a click. */
async function walk(page: Page, nav: Locator, entries: Entry[]) {
  await expect(nav.getByRole("link")).toHaveText(entries.map(([label]) => label));
  for (const [label, heading] of entries) {
    const link = nav.getByRole("link", { name: label, exact: true });
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(link).toHaveAttribute("aria-current", "page");
    await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
    expect((await new AxeBuilder({ page }).analyze()).violations, `${label}: axe`).toEqual([]);
  }
}

for (const { who, identity, consolePages, tenantPages, hidden } of ROLES) {
  test(`${who} reaches every page they may open, and only those, from the navigation`, async ({ page }) => {
    test.setTimeout(180_000); // up to fourteen pages, each with an axe scan, on a shared machine
    await signInAs(page, identity);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();

    await page.goto("/");
    // the skip link is the first thing the keyboard reaches, and it puts the focus in the page
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();

    await walk(page, page.getByRole("navigation", { name: "Main" }), consolePages);
    await page.goto("/t/acme");
    await walk(page, page.getByRole("navigation", { name: "Tenant pages" }), tenantPages);

    // a hidden entry is not only missing: its URL, typed, answers not found
    for (const path of hidden) {
      expect((await page.goto(path))!.status(), `${who} typing ${path}`).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    }
  });
}
