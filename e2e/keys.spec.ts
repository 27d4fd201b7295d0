import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { heldBackAction, replayedAction } from "./support/replay";
import { rowAction } from "./support/row-menu";

test("an owner creates a key, copies it once, sees only its prefix in the list, and revokes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("CI pipeline");
  await dialog.getByRole("checkbox", { name: /usage:read/ }).check();
  await dialog.getByRole("button", { name: "Generate key" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your new key" });
  const field = reveal.getByRole("textbox", { name: "Your new API key" });
  const key = await field.inputValue();
  expect(key).toMatch(/^gth_[0-9A-Za-z]{8}_[0-9A-Za-z]{38}$/);
  await expect(reveal).toContainText("This is the only time the key is shown");
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(reveal.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(reveal).toHaveCount(0);

  const row = page.getByRole("row", { name: /CI pipeline/ });
  await expect(row).toContainText(`${key.slice(0, 13)}…`); // gth_<lookup>_…
  expect(await page.content()).not.toContain(key.slice(13)); // the secret part is nowhere on the page
  await page.reload();
  expect(await page.content()).not.toContain(key.slice(13));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await rowAction(row, "CI pipeline", "Revoke");
  await page.getByRole("dialog", { name: "Revoke CI pipeline?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("row", { name: /CI pipeline/ })).toContainText("revoked");
});

test("a viewer sees the keys but no create button, and the create action refuses them", async ({ page, context }) => {
  // The owner's submission of the create form, held back before it reaches the server, to replay as the viewer.
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Replayed by a viewer");
  const submission = await heldBackAction(page, "/t/acme/keys", () => dialog.getByRole("button", { name: "Generate key" }).click());

  await context.clearCookies();
  await signInAs(page, "Vera Viewer (@vera-viewer)");
  await page.goto("/t/acme/keys");
  const keys = page.getByRole("table", { name: "API keys" });
  await expect(keys).toContainText("Production");
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0); // no row menu: nothing to roll or revoke

  const answer = await replayedAction(page, submission);
  expect(answer).toContain('"kind":"forbidden"');
  expect(answer).toContain("You do not have permission to do that.");
  await page.reload();
  await expect(keys).toContainText("Production");
  await expect(page.getByRole("row", { name: /Replayed by a viewer/ })).toHaveCount(0);
});

test("an owner finds a key by name or by the prefix shown, and the URL keeps the search", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  const search = page.getByRole("search", { name: "Search keys" });
  await search.getByRole("searchbox", { name: "Name or key prefix" }).fill("produc");
  await search.getByRole("searchbox", { name: "Name or key prefix" }).press("Enter");
  await expect(page).toHaveURL(/[?&]q=produc/);
  const table = page.getByRole("table", { name: "API keys" });
  await expect(table.getByRole("row")).toHaveCount(2); // the head and Production
  const prefix = (await table.getByRole("row", { name: /Production/ }).getByRole("cell").nth(1).innerText()).trim();

  await page.getByRole("link", { name: "Revoked", exact: true }).click();
  await expect(page).toHaveURL(/status=revoked/);
  await expect(page).toHaveURL(/q=produc/);
  await expect(page.getByRole("table", { name: "Revoked API keys" })).toContainText("No revoked keys match “produc”.");

  await page.goto(`/t/acme/keys?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole("table", { name: "API keys" }).getByRole("row", { name: /Production/ })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("the overview's active keys are the keys page's active ones, an expired key in neither", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/");
  const overview = page.getByRole("table", { name: "Tenants" });
  const header = (await overview.getByRole("columnheader").allInnerTexts()).map((text) => text.trim());
  const onOverview = await overview.getByRole("row", { name: /Acme/ }).getByRole("cell").nth(header.indexOf("Active keys")).innerText();

  await page.goto("/t/acme/keys?status=active");
  const active = page.getByRole("table", { name: "Active API keys" });
  await expect(active.getByRole("row", { name: /Production/ })).toBeVisible();
  await expect(active.getByRole("row")).toHaveCount(Number(onOverview) + 1); // the head and each active key
  await page.goto("/t/acme/keys?status=expired");
  await expect(page.getByRole("table", { name: "Expired API keys" }).getByRole("row", { name: /Hackathon/ })).toBeVisible();
});

test("closing the new key's dialog before copying the key asks first, by keyboard or a click outside", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Not copied");
  await dialog.getByRole("button", { name: "Generate key" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your new key" });
  // the title is said once: the description is the warning, not the title again
  await expect(reveal).toHaveAccessibleDescription("This is the only time the key is shown. Store it in your secrets manager now.");
  const key = await reveal.getByRole("textbox", { name: "Your new API key" }).inputValue();
  const question = reveal.getByRole("group", { name: /Close without copying the key\?/ });

  await page.keyboard.press("Escape");
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: "Keep it open" })).toBeFocused();
  expect((await new AxeBuilder({ page }).include("[role=dialog]").analyze()).violations).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(question).toHaveCount(0);
  await expect(reveal.getByRole("textbox", { name: "Your new API key" })).toHaveValue(key);

  await page.mouse.click(5, 5); // outside the dialog
  await expect(question).toBeVisible();
  await question.getByRole("button", { name: "Close without copying" }).click();
  await expect(reveal).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Not copied/ })).toBeVisible();
});

test("a name already used by a key in force is refused on the name field, and the hint says why a roll shares it", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  const name = dialog.getByRole("textbox", { name: "Name" });
  await expect(name).toHaveAccessibleDescription(/unique among the keys in force.*successor the same name/);
  await name.fill("Production");
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription(/already named Production/);
  await expect(page.getByRole("dialog", { name: "Copy your new key" })).toHaveCount(0);
});
