// A tenant's lifecycle as sales and a tenant's owner see it: activating a trial in one step, and a freeze whose
// internal note stays with staff while the owner reads the message meant for them.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { toasts } from "./support/toasts";

test("sales activate a trial with its plan and contract in one dialog, and the details and lifecycle show them", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  // a trial of its own, so no other spec's tenant changes under it
  await page.goto("/tenants");
  await page.getByRole("button", { name: "New tenant" }).click();
  const create = page.getByRole("dialog", { name: "New tenant" });
  await create.getByLabel("Name").fill("Tessier-Ashpool");
  await create.getByLabel("Plan").selectOption("pro");
  await create.getByLabel("First owner's email").fill("3jane@tessier.example");
  await create.getByRole("button", { name: "Create tenant" }).click();
  await expect(page).toHaveURL(/\/t\/tessier-ashpool$/);

  await expect(page.getByRole("region", { name: "Lifecycle" })).toContainText(/Trial ends \d{4}-\d{2}-\d{2}/);
  await page.getByRole("button", { name: "Activate" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate Tessier-Ashpool" });
  await expect(dialog.getByLabel("Plan")).toHaveValue("pro"); // what the tenant has
  await dialog.getByLabel("Plan").selectOption("enterprise");
  await dialog.getByLabel("Contract start").fill("2027-01-31");
  await dialog.getByLabel("Contract end").fill("2027-01-01");
  await dialog.getByLabel("Reason").fill("Signed the enterprise agreement");
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(dialog.getByText("The contract cannot end before it starts.")).toBeVisible(); // nothing changed yet
  await expect(dialog.getByLabel("Plan")).toHaveValue("enterprise"); // what was typed is kept
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);

  await dialog.getByLabel("Contract end").fill("2028-01-30");
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page).filter({ hasText: "Tessier-Ashpool is now active" })).toBeVisible();
  const lifecycle = page.getByRole("region", { name: "Lifecycle" });
  await expect(lifecycle).toContainText("Contract from 2027-01-31 to 2028-01-30");
  await expect(lifecycle).not.toContainText("Trial");
  await page.goto("/t/tessier-ashpool/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
  await expect(details.getByLabel("Contract start")).toHaveValue("2027-01-31");
  await expect(details.getByLabel("Contract end")).toHaveValue("2028-01-30");
});

test("a freeze's reason stays with staff; the owner reads the message, that keys are refused, and whom to contact", async ({ browser }) => {
  const [salesContext, ownerContext] = [await browser.newContext(), await browser.newContext()];
  const sales = await salesContext.newPage();
  await signInAs(sales, "Sam Sales (@sam-sales)");
  await sales.goto("/t/cyberdyne");
  await sales.getByRole("button", { name: "Freeze" }).click();
  const dialog = sales.getByRole("dialog", { name: "Freeze Cyberdyne" });
  // the dialog says who reads what
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/shown to staff only, never to the tenant's people/);
  await expect(dialog.getByLabel("Message to the tenant (optional)")).toHaveAccessibleDescription(/Shown to the tenant's people/);
  await dialog.getByLabel("Reason").fill("Unpaid invoice INV-778, 60 days overdue");
  await dialog.getByLabel("Message to the tenant (optional)").fill("Your account is on hold until invoice INV-778 is settled.");
  await dialog.getByRole("button", { name: "Freeze" }).click();
  await expect(dialog).toHaveCount(0);
  // staff read their note in the activity, marked as theirs
  const staffActivity = sales.getByRole("table", { name: "Recent activity" }).getByRole("row").nth(1);
  await expect(staffActivity).toContainText("Unpaid invoice INV-778, 60 days overdue");
  await expect(staffActivity).toContainText("staff only");

  const owner = await ownerContext.newPage();
  await signInAs(owner, "Miles Dyson (@miles-cyberdyne)");
  await expect(owner).toHaveURL(/\/t\/cyberdyne$/);
  const banner = owner.getByRole("status").filter({ hasText: "Cyberdyne is frozen" });
  await expect(banner).toContainText("its API keys are refused by the gateway");
  await expect(banner).toContainText("Your account is on hold until invoice INV-778 is settled.");
  await expect(banner).toContainText("contact your account team"); // Cyberdyne has no sales owner
  const activity = owner.getByRole("table", { name: "Recent activity" });
  await expect(activity.getByRole("row").nth(1)).toContainText("tenant.status_changed");
  await expect(activity).not.toContainText("60 days overdue");
  await owner.goto("/t/cyberdyne/audit");
  await expect(owner.getByRole("table", { name: "Audit events, newest first" })).toContainText("tenant.status_changed");
  await expect(owner.locator("main")).not.toContainText("60 days overdue");
  expect((await new AxeBuilder({ page: owner }).analyze()).violations).toEqual([]);
  await salesContext.close();
  await ownerContext.close();
});
