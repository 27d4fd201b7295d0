// Unexpected errors keep the person's work: the database is made to fail for real (a trigger, a renamed
// column) under a form's save and under pages, and each says so in plain words with a reference.
import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { breakColumn, failUpdatesOfTenant } from "./database";
import { serverLog } from "./server-log";
import { signInAs } from "./sign-in";

const axeViolations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations;

test("a save the database fails says so with a reference, and the form keeps what was typed", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/umbrella/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  await details.getByLabel("Plan").selectOption("enterprise");
  await details.getByLabel("Sales owner").selectOption({ label: "Ada Admin" });
  await details.getByLabel("Contract end").fill("2029-06-30");

  const restore = await failUpdatesOfTenant("umbrella");
  try {
    await details.getByRole("button", { name: "Save details" }).click();
    const alert = details.getByRole("alert");
    await expect(alert).toHaveText(/^Something went wrong on our side\. Your changes were not saved \(reference [0-9a-f]{8}\)\.$/);
    await expect(alert).toBeFocused();
    expect(await page.content()).not.toContain("simulated outage"); // the error itself stays on the server
    // where it is logged in full, under the reference the browser shows
    const reference = /reference ([0-9a-f]{8})/.exec((await alert.textContent()) ?? "")![1];
    // the line crosses a pipe from the server's process: it may reach the file a moment after the answer
    await expect.poll(serverLog).toContain(`"reference":"${reference}"`);
    const logged = serverLog().split("\n").find((line) => line.includes(`"reference":"${reference}"`))!;
    expect(JSON.parse(logged.slice(logged.indexOf("{")))).toMatchObject({ event: "server_action_failed", reference, error: expect.stringContaining("e2e: simulated outage") });
    await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
    await expect(details.getByLabel("Sales owner").locator("option:checked")).toHaveText("Ada Admin");
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

// A read the page needs is made to fail (its column renamed away) while the page is drawn. The usage page's 30
// days always read the daily rollup; the hourly one only for today's hours, none between 23:00 and midnight UTC.
const BOUNDARIES = [
  { boundary: "the tenant pages'", path: "/t/cyberdyne/settings/products", breaks: ["tenant_products", "config"], says: "This page of the tenant could not be shown.", inConsole: true, heading: "Products" },
  { boundary: "the console's", path: "/usage", breaks: ["usage_daily", "requests"], says: "This page could not be shown.", inConsole: true, heading: "Usage by tenant" },
  // the console's own layout fails: its header lists tenants by name
  { boundary: "the root", path: "/tenants", breaks: ["tenants", "name"], says: "Gatehouse could not show this page.", inConsole: false, heading: "Tenants" },
] as const;

for (const { boundary, path, breaks: [table, column], says, inConsole, heading } of BOUNDARIES) {
  test(`${boundary} error boundary says what happened with Next's reference, and Try again recovers`, async ({ page }) => {
    await signInAs(page, "Sam Sales (@sam-sales)");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const restore = await breakColumn(table, column);
    try {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
      await expect(page.getByText(says)).toBeVisible();
      await expect(page.getByText(/tell your administrator this reference: \d+/)).toBeVisible(); // the digest
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(inConsole ? 1 : 0); // the header stays
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Try again" }).focus();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Back to the overview" })).toBeFocused();
    } finally {
      await restore();
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}
