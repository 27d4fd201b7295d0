import { expect, type Page } from "@playwright/test";

/** Signs in through the local GitHub-compatible server by picking `identity` (its button's name). */
export async function signInAs(page: Page, identity: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Local demo identity provider");
  await page.getByRole("button", { name: identity, exact: true }).click();
}

/**
 * Opens the tenant switcher by keyboard. Retried: a key pressed before React has hydrated the header
 * does nothing, and the page gives no other sign of when hydration is done.
 */
export async function openTenantSwitcher(page: Page) {
  await expect(async () => {
    await page.getByRole("button", { name: /Switch tenant/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox")).toBeVisible({ timeout: 1_000 });
  }).toPass();
}
