// An owner adds an upstream provider by keyboard, tests the connection before saving (a wrong key, then the right
// one) against the local OpenAI-compatible stub, sees only the key's last four, edits and tests it saved, makes it
// the default and removes it; a viewer reads the masked list with no controls. Acme ends as it began.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { rowActionByKeyboard, rowMenuButton } from "./support/row-menu";
import { toasts } from "./support/toasts";
import { E2E_UPSTREAM } from "./support/upstream";

test("an owner adds, tests, edits, makes default and removes a provider", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/providers");
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
  const table = page.getByRole("table", { name: "Upstream providers" });
  await expect(table.getByRole("row", { name: /OpenAI Default/ })).toBeVisible();

  const add = page.getByRole("button", { name: "Add provider" });
  await expect(async () => {
    await add.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Add a provider" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const dialog = page.getByRole("dialog", { name: "Add a provider" });
  await dialog.getByLabel("Provider").selectOption("openai-compatible");
  await expect(dialog.getByText("Required: where the API is")).toBeVisible();
  await dialog.getByLabel("API key").fill("sk-not-the-right-key-9999");
  await dialog.getByLabel("Base URL").fill(E2E_UPSTREAM.url);
  await dialog.getByRole("button", { name: "Test connection" }).press("Enter");
  const verdict = dialog.getByRole("status");
  await expect(verdict).toContainText("Failed OpenAI-compatible refused the key (401)");
  await dialog.getByLabel("API key").fill(E2E_UPSTREAM.key);
  await dialog.getByRole("button", { name: "Test connection" }).click();
  await expect(verdict).toContainText(/Works OpenAI-compatible answered in \d+ ms with 3 models/);
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);
  await dialog.getByRole("button", { name: "Add provider" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page).filter({ hasText: "OpenAI-compatible added" })).toBeVisible();
  const row = table.getByRole("row", { name: /OpenAI-compatible/ });
  await expect(row).toContainText("••••0001");
  await expect(page.getByText(E2E_UPSTREAM.key)).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // after saving: the key left empty is the saved one
  await rowActionByKeyboard(table, "OpenAI-compatible", "Edit…");
  const edit = page.getByRole("dialog", { name: "Edit OpenAI-compatible" });
  await expect(edit.getByLabel("Base URL")).toHaveValue(E2E_UPSTREAM.url);
  await edit.getByRole("button", { name: "Test connection" }).click();
  await expect(edit.getByRole("status")).toContainText("Works");
  await edit.getByLabel("Base URL").fill("ftp://example.com");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("The base URL must use https.")).toBeVisible();
  await edit.getByRole("button", { name: "Cancel" }).click();

  await rowActionByKeyboard(table, "OpenAI-compatible", "Make default");
  await page.getByRole("dialog", { name: "Make OpenAI-compatible the default?" }).getByRole("button", { name: "Make default" }).click();
  await expect(table.getByRole("row", { name: /OpenAI-compatible Default/ })).toBeVisible();
  await rowActionByKeyboard(table, "OpenAI", "Make default");
  await page.getByRole("dialog", { name: "Make OpenAI the default?" }).getByRole("button", { name: "Make default" }).click();
  await expect(table.getByRole("row", { name: /^OpenAI Default/ })).toBeVisible();

  await rowActionByKeyboard(table, "OpenAI-compatible", "Remove");
  await page.getByRole("dialog", { name: "Remove OpenAI-compatible?" }).getByRole("button", { name: "Remove" }).click();
  await expect(toasts(page).filter({ hasText: "OpenAI-compatible removed" })).toBeVisible();
  await expect(table.getByRole("row", { name: /OpenAI-compatible/ })).toHaveCount(0);
});

test("a viewer reads the masked providers, with nothing to change", async ({ page }) => {
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme/providers");
  const table = page.getByRole("table", { name: "Upstream providers" });
  await expect(table.getByRole("row", { name: /OpenAI Default/ })).toContainText("••••");
  await expect(page.getByRole("button", { name: "Add provider" })).toHaveCount(0);
  await expect(rowMenuButton(table, "OpenAI")).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
