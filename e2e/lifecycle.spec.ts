// A tenant's lifecycle as sales and a tenant's owner see it: activating a trial in one step, and a freeze whose
// internal note stays with staff while the owner reads the message meant for them.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";

test("sales activate a trial with its plan and contract in one dialog, and the details and lifecycle show them", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/umbrella");
  await expect(page.getByRole("region", { name: "Lifecycle" })).toContainText(/Trial ends \d{4}-\d{2}-\d{2}/);
  await page.getByRole("button", { name: "Activate" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate Umbrella Health" });
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
  const lifecycle = page.getByRole("region", { name: "Lifecycle" });
  await expect(lifecycle).toContainText("Contract from 2027-01-31 to 2028-01-30");
  await expect(lifecycle).not.toContainText("Trial");
  await page.goto("/t/umbrella/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
  await expect(details.getByLabel("Contract start")).toHaveValue("2027-01-31");
  await expect(details.getByLabel("Contract end")).toHaveValue("2028-01-30");
});
