import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { signInAs } from "./sign-in";

test("a viewer filters the audit log by action and date, opens an event with its diff, and downloads the CSV", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme");
  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").fill("routing_rule.*");
  await filters.getByLabel("Action").press("Enter");
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await filters.getByLabel("From").fill(from);
  await filters.getByLabel("From").press("Enter");
  await expect(page).toHaveURL(/action=routing_rule/);
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("routing_rule.updated");
  // retried: the URL changes before the filtered rows arrive; then only the header row lacks the action
  await expect(rows.filter({ hasNotText: "routing_rule." })).toHaveCount(1);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await rows.nth(1).getByRole("link", { name: /^Details of routing_rule.updated/ }).click();
  const detail = page.getByRole("dialog", { name: "Audit event" });
  await expect(detail.getByRole("heading", { name: "Changes" })).toBeVisible();
  await expect(detail.locator("[data-changed=true]")).toContainText("priority");
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);
  await detail.getByRole("button", { name: "Close" }).click();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(csv[0]).toContain("action");
  expect(csv.length).toBeGreaterThan(1);
  expect(csv.slice(1).every((line) => line.includes("routing_rule."))).toBe(true);
});

test("the audit log says how many events match: the page's rows against the whole filtered set", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme/audit");
  // Acme's seeded history is more than a page of 50
  await expect(page.getByTestId("audit-count")).toHaveText(/^50 of [\d,]+ events$/);
  await page.goto("/t/acme/audit?actor=Sam%20Sales&action=tenant.created");
  await expect(page.getByTestId("audit-count")).toHaveText("1 matching event");
  await page.goto("/t/acme/audit?action=nothing.here");
  await expect(page.getByTestId("audit-count")).toHaveText("0 matching events");
});

test("a viewer changing the URL to a tenant she is not in gets not found, for the audit log and its export alike", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  // Globex, which she views, answers: the same URLs for Initech are refused, not mistyped
  expect((await page.goto("/t/globex/audit"))!.status()).toBe(200);
  const globexCsv = await page.request.get("/api/audit/export?format=csv&slug=globex");
  expect(globexCsv.status()).toBe(200);
  expect((await globexCsv.text()).split("\n")[0]).toContain("action");

  // as a tenant that does not exist: nothing tells that Initech is there
  for (const slug of ["initech", "no-such-tenant"]) {
    expect((await page.goto(`/t/${slug}/audit`))!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    // the tenant's export, and the staff export filtered to that tenant
    for (const url of [`/api/audit/export?format=csv&slug=${slug}`, `/api/audit/export?format=jsonl&tenant=${slug}`]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text()).toBe("Not found.\n");
    }
  }
});

test("an owner is not shown a staff person's source IP or user agent, in the log, its details or its export; staff are", async ({ page, browser }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  // Sam Sales (sales staff) created Acme from 10.0.0.12
  await page.goto("/t/acme/audit?actor=Sam%20Sales&action=tenant.created");
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  const row = table.getByRole("row", { name: /tenant\.created/ });
  await expect(row).toContainText("not shown (staff)");
  await expect(table).not.toContainText("10.0.0.12");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await row.getByRole("link", { name: /^Details of tenant.created/ }).click();
  const detail = page.getByRole("dialog", { name: "Audit event" });
  await expect(detail.getByText("Not shown: the actor is platform staff")).toHaveCount(2);
  expect(await page.content()).not.toContain("10.0.0.12");
  for (const format of ["csv", "jsonl"]) {
    const exported = await (await page.request.get(`/api/audit/export?format=${format}&slug=acme&actor=Sam%20Sales`)).text();
    expect(exported).toContain("tenant.created");
    expect(exported, format).not.toContain("10.0.0.12");
  }
  // her own events keep their address
  await page.goto("/t/acme/audit?actor=Olivia%20Owner");
  await expect(table.getByRole("row").nth(1)).toContainText("198.51.100.4");

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "Sue Support (@sue-support)");
  await staff.goto("/t/acme/audit?actor=Sam%20Sales&action=tenant.created");
  await expect(staff.getByRole("table", { name: "Audit events, newest first" }).getByRole("row", { name: /tenant\.created/ })).toContainText("10.0.0.12");
});
