import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { rowMenuButton } from "./support/row-menu";

test("sales filter the tenant list by status and trial end, and the URL keeps the view", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.getByRole("link", { name: "Tenants" }).click();
  const table = page.getByRole("table", { name: /Tenants/ });
  await expect(table.getByRole("link", { name: "Acme Corp" })).toBeVisible();

  await page.getByLabel("Trial ends within").selectOption("7");
  await expect(table.getByRole("link", { name: "Initech" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Soylent Foods" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Umbrella Health" })).toHaveCount(0); // ends in 20 days
  await expect(table.getByRole("link", { name: "Acme Corp" })).toHaveCount(0);
  await expect(page).toHaveURL(/trialWithin=7/);

  await page.getByRole("button", { name: /^Trial ends/ }).click(); // sort by trial end
  await expect(page).toHaveURL(/sort=trialEndsAt/);
  await expect(table.getByRole("row").nth(1)).toContainText("Soylent Foods"); // ends first

  await page.reload();
  await expect(page.getByLabel("Trial ends within")).toHaveValue("7");
  await expect(table.getByRole("row")).toHaveCount(3);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("sales create a tenant; bad input is shown on its field and kept", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/tenants");
  await page.getByRole("button", { name: "New tenant" }).click();
  const dialog = page.getByRole("dialog", { name: "New tenant" });
  await dialog.getByLabel("Name").fill("Nakatomi Trading");
  await dialog.getByLabel("Slug").fill("acme"); // taken
  await dialog.getByLabel("First owner's email").fill("holly@nakatomi.example");
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  await expect(dialog.getByText("acme is already a tenant's slug.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Nakatomi Trading");
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);

  await dialog.getByLabel("Slug").fill("nakatomi");
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(/\/t\/nakatomi$/);
  await expect(page.getByRole("heading", { level: 1, name: "Nakatomi Trading" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent activity" })).toContainText("tenant.created");
});

test("the new tenant dialog suggests the slug from the name until it is typed, and says a bad slug in its own words", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/tenants");
  // one name per plan, the same in the list and in the dialog's choice
  await expect(page.getByRole("table", { name: "Tenants" }).getByRole("row").filter({ hasText: "Acme Corp" })).toContainText("Enterprise");
  await page.getByRole("button", { name: "New tenant" }).click();
  const dialog = page.getByRole("dialog", { name: "New tenant" });
  await expect(dialog.getByLabel("Plan").locator("option")).toHaveText(["Free", "Starter", "Pro", "Enterprise"]);
  const slug = dialog.getByLabel("Slug");
  await dialog.getByLabel("Name").fill("Wonka Industries (EU)");
  await expect(slug).toHaveValue("wonka-industries-eu");

  await slug.fill("Wonka EU"); // by hand, and not a slug
  await dialog.getByLabel("Name").fill("Wonka Industries");
  await expect(slug).toHaveValue("Wonka EU");
  await dialog.getByLabel("First owner's email").fill("willy@wonka.example");
  await dialog.getByRole("button", { name: "Create tenant" }).click();
  // the browser does not stop the form with a bubble of its own: the server's message is the one shown
  await expect(dialog.getByText("3–40 characters: lowercase letters, digits and dashes, not starting or ending with a dash.")).toBeVisible();
  await expect(slug).toHaveValue("Wonka EU");
  expect(await slug.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
});

test("a second editor's save is refused with what changed, keeping their typing", async ({ browser }) => {
  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await first.newPage(), await second.newPage()];
  await signInAs(a, "Sam Sales (@sam-sales)");
  await signInAs(b, "Ada Admin (@ada-admin)");
  await a.goto("/t/globex/settings");
  await b.goto("/t/globex/settings");

  await a.getByLabel("Sales owner").selectOption({ label: "Ada Admin" }); // a staff person, picked from the list
  await a.getByRole("button", { name: "Save details" }).click();
  await expect(a.getByRole("status")).toHaveText("Saved: sales owner.");

  await b.getByLabel("ERP customer id").fill("ERP-2002");
  await b.getByRole("button", { name: "Save details" }).click();
  await expect(b.getByText(/saved this tenant after you opened it/)).toBeVisible();
  await expect(b.getByText("changed this to “Ada Admin” meanwhile.")).toBeVisible();
  await expect(b.getByLabel("ERP customer id")).toHaveValue("ERP-2002"); // their typing is kept
  await expect(b.getByLabel("Sales owner").locator("option:checked")).toHaveText("Ada Admin"); // the other's change is shown

  await b.getByRole("button", { name: "Save details" }).click(); // now against the current version
  await expect(b.getByRole("status")).toContainText("ERP customer id");
  await b.reload();
  await expect(b.getByLabel("ERP customer id")).toHaveValue("ERP-2002");
  await expect(b.getByLabel("Sales owner").locator("option:checked")).toHaveText("Ada Admin"); // no update lost
  await first.close();
  await second.close();
});

test("sales convert a trial ending within 7 days to active with a reason, and see the audit event", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.getByRole("link", { name: "Tenants" }).click();
  await page.getByLabel("Trial ends within").selectOption("7");
  await expect(page).toHaveURL(/trialWithin=7/);
  const trials = page.getByRole("table", { name: /Tenants/ });
  await expect(trials.getByRole("link", { name: "Acme Corp" })).toHaveCount(0); // active: filtered out
  await trials.getByRole("link", { name: "Initech" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Initech" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole("button", { name: "Activate" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Signed the annual contract");
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(dialog).toHaveCount(0);
  // now active: the next move offered is a freeze, no longer an activation or a trial extension
  await expect(page.getByRole("button", { name: "Freeze" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate" })).toHaveCount(0);
  const activity = page.getByRole("table", { name: "Recent activity" });
  await expect(activity.getByRole("row").nth(1)).toContainText("tenant.status_changed");
  await expect(activity.getByRole("row").nth(1)).toContainText("Signed the annual contract");
});

test("an owner invites a member, who signs in and lands in the tenant", async ({ browser }) => {
  const [ownerContext, inviteeContext] = [await browser.newContext(), await browser.newContext()];
  const owner = await ownerContext.newPage();
  await signInAs(owner, "Olivia Owner (@olivia-owner)");
  await owner.goto("/t/acme/members");
  await owner.getByLabel("Email", { exact: true }).fill("otto@acme.example");
  await owner.getByLabel("Role", { exact: true }).selectOption("member");
  await owner.getByRole("button", { name: "Invite" }).click();
  await expect(owner.getByRole("table", { name: "Pending invitations" })).toContainText("otto@acme.example");
  // the page's title streams in again after the action's re-render (generateMetadata is async): scan once it has
  await expect(owner).toHaveTitle(/Members/);
  expect((await new AxeBuilder({ page: owner }).analyze()).violations).toEqual([]);

  const invitee = await inviteeContext.newPage();
  await signInAs(invitee, "Otto Invitee (@otto-invitee)");
  await expect(invitee).toHaveURL(/\/t\/acme$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Acme Corp" })).toBeVisible();
  await expect(invitee.getByText("your role: member")).toBeVisible();
  await expect(invitee.getByTestId("signed-in-as")).toHaveText("Otto Invitee");
  await ownerContext.close();
  await inviteeContext.close();
});

test("an owner is offered no demotion or removal of the tenant's last owner, and is for everyone else", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)"); // Acme's only owner
  await page.goto("/t/acme/members");
  const members = page.getByRole("table", { name: "Members of this tenant" });
  await rowMenuButton(members, "Max Member").click();
  await expect(page.getByRole("menuitem", { name: "Remove" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(members.getByRole("combobox", { name: "Role of Max Member" })).toBeVisible();
  await expect(members.getByRole("button", { name: "Change the role of Max Member" })).toBeVisible();
  await expect(rowMenuButton(members, "Olivia Owner")).toHaveCount(0); // Remove is her row's only action
  await expect(members.getByRole("combobox", { name: "Role of Olivia Owner" })).toHaveCount(0);
  await expect(members.getByRole("button", { name: "Change the role of Olivia Owner" })).toHaveCount(0);
  await expect(members.getByRole("row").filter({ hasText: "Olivia Owner" })).toContainText("owner");
});

test("the owner of a frozen tenant is told so on every page, and offered no change the tenant would refuse", async ({ page }) => {
  await signInAs(page, "Gavin Belson (@gavin-hooli)");
  await expect(page).toHaveURL(/\/t\/hooli$/); // his only tenant
  const notice = page.getByRole("status").filter({ hasText: "Hooli is frozen" });
  await expect(notice).toContainText("change nothing until it is reactivated");
  await expect(notice).toContainText("Your account is on hold while an invoice is overdue"); // the freeze's message
  // whom to contact: Hooli's sales owner, with her address
  await expect(notice).toContainText("Sam Sales, your account manager (sam@gatehouse.example)");
  await expect(notice.getByRole("link", { name: "sam@gatehouse.example" })).toHaveAttribute("href", "mailto:sam@gatehouse.example");
  const tenantPages = page.getByRole("navigation", { name: "Tenant pages" });
  await tenantPages.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("table", { name: "Members of this tenant" })).toContainText("Gavin Belson");
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await tenantPages.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create project" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(notice).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0); // no row menu: nothing to roll or revoke
});

test("the tenant list names each sales owner and filters by a staff person, me first; a made-up owner is said", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/tenants");
  const owner = page.getByLabel("Sales owner");
  await expect(owner.locator("option").nth(1)).toHaveText("Me (Sam Sales)");
  await expect(owner.locator("option")).not.toContainText(["Sue Support"]); // support staff own no accounts
  await owner.selectOption({ label: "Ada Admin" });
  const tenants = page.getByRole("table", { name: "Tenants" });
  await expect(tenants).toContainText("Stark Industries");
  await expect(tenants).not.toContainText("Acme Corp");
  await expect(tenants.getByRole("row").filter({ hasText: "Stark Industries" })).toContainText("Ada Admin");
  await page.goto("/tenants?owner=Bob%20Nobody");
  await expect(page.getByRole("alert")).toContainText("is no one on the sales or admin staff");
});

test("the new tenant dialog says what the chosen plan starts with", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/tenants");
  await page.getByRole("button", { name: "New tenant" }).click();
  const dialog = page.getByRole("dialog", { name: "New tenant" });
  const defaults = dialog.getByText(/^Starts with/);
  await expect(defaults).toHaveText("Starts with Gateway enabled, a project “Default”, and you as its sales owner."); // starter
  await dialog.getByLabel("Plan").selectOption("enterprise");
  await expect(defaults).toHaveText("Starts with Gateway, Analytics, Guardrails enabled, a project “Default”, and you as its sales owner.");
});
