// An owner writes a routing rule by keyboard, simulates it, moves it up (where it shadows a narrower rule, which the list says)
// and back, drags it first and back last, edits it, sees a field error, disables and deletes it; a viewer reads the
// rules with no controls, and the owner's reorder replayed with the viewer's session is refused. Acme ends as it began.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { heldBackAction, replayedAction } from "./support/replay";
import { rowActionByKeyboard, rowMenuButton } from "./support/row-menu";
import { toasts } from "./support/toasts";

test("an owner writes, orders, edits, disables and deletes a rule", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/routing");
  await expect(page.getByRole("heading", { level: 1, name: "Routing" })).toBeVisible();
  const table = page.getByRole("table", { name: "Routing rules, first match wins" });
  const names = () => table.locator("tbody tr td:nth-child(2) span.font-medium");
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat"]);

  const dialog = page.getByRole("dialog", { name: "New routing rule" });
  await expect(async () => {
    await page.getByRole("button", { name: "New rule" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await dialog.getByLabel("Name").fill("E2E all chat");
  await dialog.getByLabel("Strategy").selectOption("cascading");
  await dialog.getByLabel("Target model").fill("gpt-4o-mini");
  await dialog.getByLabel("Fallbacks").fill("gpt-4o");
  // the what-if, before saving: the draft replayed through last week's usage, the typing kept
  await dialog.getByRole("button", { name: "Simulate" }).press("Enter");
  await expect(dialog.getByRole("status")).toContainText(/Over the last 7 days, [\d,]+ requests|No usage in the last 7 days to replay/);
  await expect(dialog.getByLabel("Name")).toHaveValue("E2E all chat");
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);
  await dialog.getByRole("button", { name: "Create rule" }).press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page).filter({ hasText: "“E2E all chat” saved" })).toBeVisible();
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat", "E2E all chat"]);
  await expect(table.getByText("Never matches")).toHaveCount(0);

  // above "Cascade simple chat", a rule for any request takes all of its requests
  await table.getByRole("button", { name: "Move “E2E all chat” up" }).press("Enter");
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "E2E all chat", "Cascade simple chat"]);
  await expect(table.getByRole("row", { name: /Cascade simple chat/ })).toContainText("Never matches: “E2E all chat” comes first");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await table.getByRole("button", { name: "Move “E2E all chat” down" }).press("Enter");
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat", "E2E all chat"]);

  // by drag: onto the first row puts it first, onto the last puts it back last
  const row = (name: string) => table.locator("tbody tr").filter({ has: page.locator("span.font-medium").getByText(name, { exact: true }) });
  await row("E2E all chat").dragTo(row("Cheap summaries"));
  await expect(names()).toHaveText(["E2E all chat", "Cheap summaries", "Research gets the best", "Cascade simple chat"]);
  await expect(toasts(page).filter({ hasText: "Order saved" })).toBeVisible();
  await page.reload();
  await expect(names()).toHaveText(["E2E all chat", "Cheap summaries", "Research gets the best", "Cascade simple chat"]);
  await row("E2E all chat").dragTo(row("Cascade simple chat"));
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat", "E2E all chat"]);
  await page.reload();
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat", "E2E all chat"]);

  await rowActionByKeyboard(table, "E2E all chat", "Edit…");
  const edit = page.getByRole("dialog", { name: "Edit “E2E all chat”" });
  await expect(edit.getByLabel("Fallbacks")).toHaveValue("gpt-4o");
  await edit.getByLabel("Name").fill("");
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(edit.getByText("Give the rule a name.")).toBeVisible();
  await edit.getByLabel("Name").fill("E2E chat");
  await edit.getByLabel("Feature").fill("e2e");
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(toasts(page).filter({ hasText: "“E2E chat” saved" })).toBeVisible();
  await expect(table.getByRole("row", { name: /E2E chat/ })).toContainText("feature e2e");

  await rowActionByKeyboard(table, "E2E chat", "Disable");
  await page.getByRole("dialog", { name: "Disable “E2E chat”?" }).getByRole("button", { name: "Disable" }).click();
  await expect(table.getByRole("row", { name: /E2E chat/ })).toContainText("Disabled");
  await rowActionByKeyboard(table, "E2E chat", "Delete");
  await page.getByRole("dialog", { name: "Delete “E2E chat”?" }).getByRole("button", { name: "Delete" }).click();
  await expect(toasts(page).filter({ hasText: "“E2E chat” deleted" })).toBeVisible();
  await expect(names()).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat"]);
});

test("a viewer reads the rules, with nothing to change, and the owner's reorder replayed as the viewer is refused", async ({ page, context }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/routing");
  const table = page.getByRole("table", { name: "Routing rules, first match wins" });
  const row = (name: string) => table.locator("tbody tr").filter({ has: page.locator("span.font-medium").getByText(name, { exact: true }) });
  const submission = await heldBackAction(page, "/t/acme/routing", () => row("Cascade simple chat").dragTo(row("Cheap summaries")));

  await context.clearCookies();
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme/routing");
  await expect(row("Cheap summaries")).toContainText("Cheapest");
  await expect(page.getByRole("button", { name: "New rule" })).toHaveCount(0);
  await expect(table.getByRole("button", { name: /^Move / })).toHaveCount(0);
  await expect(rowMenuButton(table, "Cheap summaries")).toHaveCount(0);
  await expect(table.locator("tr[draggable=true]")).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const answer = await replayedAction(page, submission);
  expect(answer).toContain('"kind":"forbidden"');
  await page.reload();
  await expect(table.locator("tbody tr td:nth-child(2) span.font-medium")).toHaveText(["Cheap summaries", "Research gets the best", "Cascade simple chat"]);
});
