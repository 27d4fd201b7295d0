// Unexpected errors keep the person's work: the database is made to fail for real (a trigger, a renamed
// column) under a form's save and under pages, and each says so in plain words with a reference.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { breakColumn, failUpdatesOfTenant } from "./database";
import { signInAs } from "./sign-in";

const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations;

test("a save the database fails says so with a reference, and the form keeps what was typed", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/umbrella");
  const details = page.getByRole("form", { name: "Tenant details" });
  await details.getByLabel("Plan").selectOption("enterprise");
  await details.getByLabel("Sales owner").fill("Sam Sales (EMEA)");
  await details.getByLabel("Contract end").fill("2029-06-30");

  const restore = await failUpdatesOfTenant("umbrella");
  try {
    await details.getByRole("button", { name: "Save details" }).click();
    const alert = details.getByRole("alert");
    await expect(alert).toHaveText(/^Something went wrong on our side\. Your changes were not saved \(reference [0-9a-f]{8}\)\.$/);
    await expect(alert).toBeFocused();
    expect(await page.content()).not.toContain("simulated outage"); // the error itself stays on the server
    await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
    await expect(details.getByLabel("Sales owner")).toHaveValue("Sam Sales (EMEA)");
    await expect(details.getByLabel("Contract end")).toHaveValue("2029-06-30");
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await restore();
  }

  // the database is back: the same form, unchanged, saves what was typed
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved: plan, contract end, sales owner.");
  await page.reload();
  await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
  await expect(details.getByLabel("Contract end")).toHaveValue("2029-06-30");
});

test("a tenant page that fails to render shows its reference inside the tenant's frame, and recovers", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  const restore = await breakColumn("tenant_products", "config"); // read by the tenant page's products
  try {
    await page.goto("/t/cyberdyne");
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    await expect(page.getByText("This page of the tenant could not be shown.")).toBeVisible();
    await expect(page.getByText(/tell your administrator this reference: \d+/)).toBeVisible(); // Next's digest
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible(); // the console's header stays
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await restore();
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cyberdyne" })).toBeVisible();
});

test("a console page that fails to render says so under the console's header, with a way home", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  const restore = await breakColumn("usage_hourly", "requests"); // read by the staff usage page
  try {
    await page.goto("/usage");
    await expect(page.getByText("This page could not be shown.")).toBeVisible();
    await expect(page.getByText(/tell your administrator this reference: \d+/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // keyboard: Try again, then the way home
    await page.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Back to the overview" })).toBeFocused();
  } finally {
    await restore();
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Usage by tenant" })).toBeVisible();
});

test("when the console's own frame fails, the root boundary says so", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const restore = await breakColumn("tenants", "name"); // the header's tenant switcher lists tenants by name
  try {
    await page.goto("/tenants");
    await expect(page.getByText("Gatehouse could not show this page.")).toBeVisible();
    await expect(page.getByText(/tell your administrator this reference: \d+/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await restore();
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tenants" })).toBeVisible();
});
