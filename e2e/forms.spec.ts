// Every edit survives a validation error, one test per kind of control: change it, make another field invalid,
// save, see the error and the edit kept, fix, save, see the edit saved. React resets a form after each
// submission, and a select or a controlled checkbox would come back showing the saved value. And a date
// field offers the days its server accepts.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { dayAfter, dayBounds, KEY_EXPIRY, TRIAL_END } from "../lib/domain/date-bounds";
import { signInAs } from "./sign-in";
import { rowAction } from "./support/row-menu";

test("select: a plan changed beside an invalid field is kept, and saved once the field is fixed", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/wayne/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  await expect(details.getByLabel("Plan")).toHaveValue("pro");
  await details.getByLabel("Plan").selectOption("enterprise");
  await details.getByLabel("Stripe customer id").fill("wayne-0010");
  await details.getByRole("button", { name: "Save details" }).click();

  await expect(details.getByText("Stripe customer ids look like cus_…")).toBeVisible();
  await expect(details.getByLabel("Stripe customer id")).toBeFocused(); // brought to what to correct
  await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
  await expect(details.getByLabel("Stripe customer id")).toHaveValue("wayne-0010");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await details.getByLabel("Stripe customer id").fill("cus_Wayne0010");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved: plan."); // not the old plan, silently
  await page.reload();
  await expect(details.getByLabel("Plan")).toHaveValue("enterprise");
});

test("checkbox: scopes ticked beside a missing name are kept, and the key gets them", async ({ page }) => {
  await signInAs(page, "Pepper Potts (@pepper-stark)");
  await page.goto("/t/stark/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("checkbox", { name: "usage:read" }).check();
  await dialog.getByRole("checkbox", { name: "proxy" }).uncheck();
  await dialog.getByRole("button", { name: "Generate key" }).click();

  await expect(dialog.getByText("Give the key a name.")).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "usage:read" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "proxy" })).not.toBeChecked();

  await dialog.getByRole("textbox", { name: "Name" }).fill("Usage reader");
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await page.getByRole("dialog", { name: "Copy your new key" }).getByRole("button", { name: "Done" }).click();
  await page.getByRole("dialog", { name: "Copy your new key" }).getByRole("button", { name: "Close without copying" }).click(); // not copied: asked first
  await expect(page.getByRole("row", { name: /Usage reader/ }).getByRole("cell").nth(2)).toHaveText("usage:read");
});

test("date: an expiry picked beside a missing name is kept, within the days the server accepts", async ({ page }) => {
  await signInAs(page, "Pepper Potts (@pepper-stark)");
  await page.goto("/t/stark/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  const expiry = dialog.getByLabel("Expires on");
  const { min, max } = dayBounds(KEY_EXPIRY);
  await expect(expiry).toHaveAttribute("min", min);
  await expect(expiry).toHaveAttribute("max", max);
  await expiry.fill(max);
  await dialog.getByLabel("Product").selectOption({ label: "Analytics" });
  await dialog.getByRole("button", { name: "Generate key" }).click();

  await expect(dialog.getByText("Give the key a name.")).toBeVisible();
  await expect(expiry).toHaveValue(max);
  await expect(dialog.getByLabel("Product")).toHaveValue("analytics");

  await dialog.getByRole("textbox", { name: "Name" }).fill("Expires late");
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await page.getByRole("dialog", { name: "Copy your new key" }).getByRole("button", { name: "Done" }).click();
  await page.getByRole("dialog", { name: "Copy your new key" }).getByRole("button", { name: "Close without copying" }).click(); // not copied: asked first
  const row = page.getByRole("row", { name: /Expires late/ });
  await expect(row).toContainText(`${max} 00:00 UTC`);
  await expect(row).toContainText("Analytics");
});

test("JSON: a configuration with an error keeps its text, and the enabled box and expiry beside it", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/cyberdyne/settings/products");
  await rowAction(page, "the Gateway entitlement", /^(Edit|Set up)$/);
  const dialog = page.getByRole("dialog", { name: "Gateway entitlement" });
  const broken = '{\n  "rate_limit_rpm": 0,\n  "allowed_models": ["gpt-4o"]\n}';
  const expiresOn = dayAfter(new Date(Date.now() + 90 * 86_400_000));
  await dialog.getByRole("checkbox", { name: "Enabled" }).uncheck();
  await dialog.getByLabel("Expires on").fill(expiresOn);
  await dialog.getByLabel("Configuration (JSON)").fill(broken);
  await dialog.getByRole("button", { name: "Save entitlement" }).click();

  await expect(dialog.getByText("rate_limit_rpm: At least 1 request per minute.")).toBeVisible();
  await expect(dialog.getByLabel("Configuration (JSON)")).toHaveValue(broken);
  await expect(dialog.getByLabel("Configuration (JSON)")).toBeFocused();
  await expect(dialog.getByRole("checkbox", { name: "Enabled" })).not.toBeChecked();
  await expect(dialog.getByLabel("Expires on")).toHaveValue(expiresOn);
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);

  await dialog.getByLabel("Configuration (JSON)").fill(broken.replace('"rate_limit_rpm": 0', '"rate_limit_rpm": 1200'));
  await dialog.getByRole("button", { name: "Save entitlement" }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole("table", { name: "Product entitlements" }).getByRole("row", { name: /Gateway/ });
  await expect(row).toContainText("disabled");
  await expect(row).toContainText(expiresOn);
  await expect(row).toContainText('"rate_limit_rpm": 1200');
});

test("the trial end field offers the days the server accepts: after the current end, within 180 days of today", async ({ page }) => {
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/umbrella");
  await page.getByRole("button", { name: "Extend trial…" }).click();
  const dialog = page.getByRole("dialog", { name: "Extend the trial" });
  const currentEnd = /The trial ends (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC now\./.exec(await dialog.innerText())![1];
  const field = dialog.getByLabel("New trial end");
  await expect(field).toHaveAttribute("min", dayAfter(new Date(`${currentEnd.replace(" ", "T")}Z`)));
  await expect(field).toHaveAttribute("max", dayBounds(TRIAL_END).max);
  await field.fill("9999-12-31");
  expect(await field.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
  await field.fill(dayBounds(TRIAL_END).max);
  expect(await field.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true);
});
