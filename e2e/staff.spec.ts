import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { rowAction, rowActionByKeyboard, rowMenuButton } from "./support/row-menu";

const axeViolations = async (page: Page, include?: string) =>
  (await (include ? new AxeBuilder({ page }).include(include) : new AxeBuilder({ page })).analyze()).violations;

// Bruce Wayne is nobody else's in the e2e specs: his role and account can change here (and /t/wayne shows no IdP).
test("an admin finds a person, grants a staff role and disables them, by keyboard; their open session is sent to sign-in", async ({ page: admin, browser }) => {
  const bruceContext = await browser.newContext();
  const bruce = await bruceContext.newPage();
  await signInAs(bruce, "Bruce Wayne (@bruce-wayne)");
  await expect(bruce).toHaveURL(/\/t\/wayne$/);

  await signInAs(admin, "Ada Admin (@ada-admin)");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  const people = admin.getByRole("table", { name: "People" });
  await expect(people.getByRole("row").nth(1)).toBeVisible();
  expect(await axeViolations(admin)).toEqual([]);

  await admin.getByRole("search", { name: "Find people" }).getByLabel("Search").fill("bruce");
  await expect(admin).toHaveURL(/q=bruce/);
  await expect(people.getByRole("row")).toHaveCount(2);
  const row = people.getByRole("row").nth(1);
  await expect(row).toContainText("Bruce Wayne");
  await expect(row).toContainText("@bruce-wayne");
  await expect(row.getByRole("link", { name: "Wayne Enterprises" })).toBeVisible();
  await expect(row).toContainText("enabled");

  // grant a staff role, by keyboard only
  await rowActionByKeyboard(row, "Bruce Wayne", "Staff role");
  const roleDialog = admin.getByRole("dialog", { name: "Staff role of Bruce Wayne" });
  await expect(roleDialog.getByLabel("Staff role")).toBeFocused();
  expect(await axeViolations(admin, "[role=dialog]")).toEqual([]);
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("ArrowDown");
  await expect(roleDialog.getByLabel("Staff role")).toHaveValue("sales");
  await admin.keyboard.press("Tab"); // Cancel
  await admin.keyboard.press("Tab");
  await expect(roleDialog.getByRole("button", { name: "Make Bruce Wayne sales" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(roleDialog).toBeHidden();
  await expect(row.getByText("sales", { exact: true })).toBeVisible();

  // disable, with a confirmation that says what happens
  await rowActionByKeyboard(row, "Bruce Wayne", "Disable");
  const disableDialog = admin.getByRole("dialog", { name: "Disable Bruce Wayne?" });
  await expect(disableDialog).toContainText("Every session of Bruce Wayne ends at once");
  await disableDialog.getByRole("button", { name: "Disable account" }).click();
  await expect(disableDialog).toBeHidden();
  await expect(row).toContainText("disabled");
  await rowMenuButton(row, "Bruce Wayne").click();
  await expect(admin.getByRole("menuitem", { name: "Enable" })).toBeVisible();
  await admin.keyboard.press("Escape");

  // his open session: the next page he opens (a client navigation) sends him to sign in, which refuses him
  await bruce.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(bruce).toHaveURL(/\/sign-in/);
  await signInAs(bruce, "Bruce Wayne (@bruce-wayne)");
  await expect(bruce).toHaveURL(/\/sign-in\?error=AccountDisabled/);
  await expect(bruce.getByRole("main").getByRole("alert")).toHaveText("This account is disabled. Ask a platform admin to enable it again.");
  expect(await axeViolations(bruce)).toEqual([]);

  // the platform's audit log holds all of it: the refusal with its reason, the disabling, the role given
  await admin.goto("/audit?action=user.*&tenant=platform");
  const audit = admin.getByRole("table", { name: "Audit events, newest first" });
  await expect(audit.getByRole("row").nth(1)).toContainText("user.sign_in_refused");
  await expect(audit).toContainText("user.disabled");
  await expect(audit).toContainText("user.staff_role_changed");
  // signing in opens a session: its event is in the session area
  await admin.goto("/audit?action=session.*&tenant=platform");
  await expect(audit).toContainText("session.created");

  // enabled again, he signs in as before
  await admin.goto("/staff?q=bruce");
  await rowAction(admin, "Bruce Wayne", "Enable");
  await admin.getByRole("dialog", { name: "Enable Bruce Wayne?" }).getByRole("button", { name: "Enable account" }).click();
  await expect(people.getByRole("row").nth(1)).toContainText("enabled");
  await signInAs(bruce, "Bruce Wayne (@bruce-wayne)");
  await expect(bruce.getByTestId("signed-in-as")).toHaveText("Bruce Wayne");
  await bruceContext.close();
});

test("an admin cannot disable themselves, and is told so when demoting the platform's last admin would leave none", async ({ page }) => {
  await signInAs(page, "Ada Admin (@ada-admin)");
  await page.goto("/staff?q=ada-admin");
  const row = page.getByRole("table", { name: "People" }).getByRole("row").nth(1);
  await expect(row).toContainText("(you)");
  await rowMenuButton(row, "Ada Admin").click();
  await expect(page.getByRole("menuitem", { name: "Staff role" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: /^Disable/ })).toHaveCount(0);

  await page.getByRole("menuitem", { name: "Staff role" }).click();
  const dialog = page.getByRole("dialog", { name: "Staff role of Ada Admin" });
  await dialog.getByLabel("Staff role").selectOption("support");
  await dialog.getByRole("button", { name: "Make Ada Admin support" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Ada Admin is the platform's last enabled admin and cannot be demoted: make someone else an admin first.");
  expect(await axeViolations(page, "[role=dialog]")).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByText("admin", { exact: true })).toBeVisible();
});

test("support reads the people page without controls; sales has neither the link nor the page; an empty search says what to do", async ({ page, context }) => {
  await signInAs(page, "Sue Support (@sue-support)");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0); // no row menu: no staff role, disable or enable

  await page.goto("/staff?q=nobody-is-called-this&staff=admin");
  await expect(page.getByRole("table", { name: "People" })).toContainText("Nobody matches this search.");
  await page.getByRole("link", { name: "Clear the search and filters" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("table", { name: "People" }).getByRole("row").nth(1)).toBeVisible();
  // hostile parameters are read as no filter at all, never an error
  expect((await page.goto(`/staff?staff=owner&status=gone&cursor=forged&q=${"x".repeat(5_000)}`))!.status()).toBe(200);
  expect(await axeViolations(page)).toEqual([]);

  await context.clearCookies();
  await signInAs(page, "Sam Sales (@sam-sales)");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);
  expect((await page.goto("/staff"))!.status()).toBe(404);
});
