import { expect, type Page } from "@playwright/test";

/** Signs in through the local GitHub-compatible server by picking `identity` (its button's name). */
export async function signInAs(page: Page, identity: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Local demo identity provider");
  await page.getByRole("button", { name: identity, exact: true }).click();
}
