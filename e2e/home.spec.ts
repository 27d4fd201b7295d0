import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test("the home page shows the demo tenants from the database and passes an axe check", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Gatehouse" })).toBeVisible();
  const tenants = page.getByRole("table", { name: "Tenants" });
  await expect(tenants.getByRole("row", { name: /Acme Corp/ })).toContainText("active");
  await expect(tenants.getByRole("row", { name: /Initech/ })).toContainText("trial");
  await expect(tenants.getByRole("row")).toHaveCount(14); // header + 13 demo tenants

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
