// A table row's actions are in its row menu ("Actions for <row's name>"): these reach one of them, by mouse or by
// keyboard. The menu is drawn outside the table, so its items are looked for on the whole page.
import { expect, type Locator, type Page } from "@playwright/test";

type Scope = Page | Locator;
const pageOf = (scope: Scope): Page => ("page" in scope && typeof scope.page === "function" ? scope.page() : scope as Page);

/** The menu button of the row named `rowName`, within `scope` (a table, a row or the whole page). */
export const rowMenuButton = (scope: Scope, rowName: string) => scope.getByRole("button", { name: `Actions for ${rowName}`, exact: true });

/** Opens the row menu of `rowName` and picks `item`, by mouse. */
export async function rowAction(scope: Scope, rowName: string, item: string | RegExp) {
  await rowMenuButton(scope, rowName).click();
  await pageOf(scope).getByRole("menuitem", { name: item, exact: true }).click();
}

/**
 * Opens the row menu of `rowName` by keyboard (Enter on its button) and returns the menu. Retried: a key pressed
 * before React has hydrated the table does nothing. Rows people cannot tell apart (two sessions from one address
 * in one minute) share a name: `button` then says which one.
 */
export async function openRowMenuByKeyboard(scope: Scope, rowName: string, button: Locator = rowMenuButton(scope, rowName)) {
  const page = pageOf(scope);
  const menu = page.getByRole("menu", { name: `Actions for ${rowName}`, exact: true });
  // The pointer rests where the test last clicked. A menu opening under it gets a mouse move from Chromium, and
  // Radix then highlights the item under the pointer instead of the first: the arrows would count from there.
  await page.mouse.move(0, 0);
  await expect(async () => {
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return menu;
}

/** Opens the row menu of `rowName` by keyboard, moves to `item` with the arrow keys and picks it with Enter. */
export async function rowActionByKeyboard(scope: Scope, rowName: string, item: string) {
  const menu = await openRowMenuByKeyboard(scope, rowName);
  const items = await menu.getByRole("menuitem").allTextContents();
  const index = items.indexOf(item);
  expect(index, `"${item}" in the menu of ${rowName}`).toBeGreaterThanOrEqual(0);
  const page = pageOf(scope);
  // Radix focuses the first item when a menu opens by keyboard, once the menu has drawn: each arrow waits for
  // the one before it to land, or a press made too early would leave the count one short
  const focused = (at: number) => expect(menu.getByRole("menuitem", { name: items[at], exact: true })).toBeFocused();
  await focused(0);
  for (let step = 1; step <= index; step++) {
    await page.keyboard.press("ArrowDown");
    await focused(step);
  }
  await page.keyboard.press("Enter");
}
