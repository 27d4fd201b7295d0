import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { signInAs } from "./sign-in";

test("a viewer switches the range to 7 days and the grouping to feature; chart and table follow, and the CSV downloads", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme");
  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Usage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Spend per day by model" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Totals for the last 30 days/ })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // the chart's numbers, as its table (collapsed until asked for): a header row and one row a day
  const spendDays = page.getByRole("table", { name: "Spend per day by model", includeHidden: true }).getByRole("row", { includeHidden: true });
  await expect(spendDays).toHaveCount(1 + 30);
  // a model without a price has an unknown cost, not $0.00 and 0%
  const unpriced = page.getByRole("table", { name: "Top models by spend, sortable by column" }).getByRole("row", { name: /mistral-large/ });
  await expect(unpriced.getByRole("cell").nth(1)).toHaveText("no price on file");
  await expect(unpriced.getByRole("cell").nth(2)).toHaveText("—");

  await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole("heading", { name: /^Totals for the last 7 days/ })).toBeVisible();
  await expect(spendDays).toHaveCount(1 + 7);

  await page.getByLabel("Group by").selectOption("feature");
  await expect(page).toHaveURL(/groupBy=feature/);
  await expect(page.getByRole("heading", { name: "Spend per day by feature" })).toBeVisible();
  const table = page.getByRole("table", { name: "Top features by spend, sortable by column" });
  await expect(table.getByRole("row", { name: /summarize/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /gpt-4o/ })).toHaveCount(0); // models are no longer the rows

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^usage-acme-by-feature-.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(csv[0]).toMatch(/^Feature,Spend \(USD\),Requests/);
  expect(csv.some((line) => line.startsWith("summarize,"))).toBe(true);
});

test("a viewer changing the URL to a tenant she is not in gets not found, for the usage page and its CSV alike", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  // Globex, which she views, answers: the same URLs for Initech are refused, not mistyped
  expect((await page.goto("/t/globex/usage"))!.status()).toBe(200);
  const globexCsv = await page.request.get("/api/usage/export?tenant=globex&range=7d&groupBy=model");
  expect(globexCsv.status()).toBe(200);
  expect(await globexCsv.text()).toMatch(/^Model,Spend \(USD\)/);

  // as a tenant that does not exist: nothing tells that Initech is there
  for (const slug of ["initech", "no-such-tenant"]) {
    expect((await page.goto(`/t/${slug}/usage`))!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    const csv = await page.request.get(`/api/usage/export?tenant=${slug}&range=7d&groupBy=model`);
    expect(csv.status()).toBe(404);
    expect(await csv.text()).toBe("Not found.\n");
  }
});

test("sales staff see a tenant's usage by key as anonymous keys, on the page and in the CSV; its owner sees them named", async ({ page, browser }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/acme/usage?groupBy=key");
  const table = page.getByRole("table", { name: "Top API keys by spend, sortable by column" });
  await expect(table.getByRole("row", { name: /^Key 1 / })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Key 2 / })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // nowhere in the page, nor in what it sent the browser: no key's name or prefix
  const html = await page.content();
  for (const secret of ["Production", "Staging", "Analytics export", "gth_"]) expect(html, secret).not.toContain(secret);
  const csv = (await (await page.request.get("/api/usage/export?tenant=acme&range=30d&groupBy=key")).text()).trim().split("\r\n");
  expect(csv[0]).toMatch(/^API key,Key prefix,Key id,Spend \(USD\)/);
  expect(csv[1]).toMatch(/^Key 1,,,/);
  for (const secret of ["Production", "Staging", "gth_"]) expect(csv.join("\n"), secret).not.toContain(secret);

  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, "Olivia Owner (@olivia-owner)");
  await owner.goto("/t/acme/usage?groupBy=key");
  await expect(owner.getByRole("table", { name: "Top API keys by spend, sortable by column" }).getByRole("row", { name: /^Production\s*gth_/ })).toBeVisible();
});

test("an owner sets the budget as people type money, and too large an amount is refused with the real limit", async ({ page }) => {
  await signInAs(page, "Ina Initech (@ina-initech)");
  await page.goto("/t/initech/usage");
  const amount = page.getByLabel("Monthly budget (USD)");
  await amount.fill("12345678901");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(amount).toHaveAccessibleDescription(/The budget can be at most \$9,999,999,999\.99\./);
  await expect(amount).toHaveValue("12345678901"); // kept, to be corrected

  await amount.fill("$3,000.50");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Budget saved." })).toBeVisible();
  await expect(amount).toHaveValue("3000.50");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
