// A change that succeeded is confirmed by a toast (sonner, bottom right): a project created, an identity provider
// marked verified, a staff role changed. A failed submission shows none: its message stays in its form. The
// toaster passes axe, and its close button takes a toast off the page at once.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAs } from "./sign-in";
import { rowAction } from "./support/row-menu";
import { toasts } from "./support/toasts";

test("creating a project is confirmed by a toast; a refused one shows none, and its error stays in the form", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/projects");
  const create = page.locator("form").filter({ has: page.getByRole("button", { name: "Create project" }) });

  await create.getByRole("button", { name: "Create project" }).click();
  // the toast would be raised before the form is redrawn with its error
  await expect(create.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(toasts(page)).toHaveCount(0);

  await create.getByLabel("Name").fill("Toasted reports");
  await create.getByRole("button", { name: "Create project" }).click();
  await expect(toasts(page)).toHaveText(["Project created"]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await toasts(page).getByRole("button", { name: "Close toast" }).click();
  await expect(toasts(page)).toHaveCount(0);
});

test("marking an identity provider verified is confirmed by a toast", async ({ page }) => {
  await signInAs(page, "Ada Admin (@ada-admin)");
  await page.goto("/t/wayne/settings/sso");
  await page.getByRole("button", { name: "Mark OIDC verified" }).click();
  await expect(toasts(page)).toHaveText(["OIDC marked verified"]);
  await expect(page.getByRole("region", { name: "Single sign-on" }).getByText("Verified", { exact: true })).toBeVisible();
});

test("a staff role change is confirmed by a toast", async ({ page }) => {
  // Dana Demo is nobody else's in the e2e specs
  await signInAs(page, "Ada Admin (@ada-admin)");
  await page.goto("/staff?q=dana-demo");
  await rowAction(page, "Dana Demo", "Staff role");
  const dialog = page.getByRole("dialog", { name: "Staff role of Dana Demo" });
  await dialog.getByLabel("Staff role").selectOption("support");
  await dialog.getByRole("button", { name: "Make Dana Demo support" }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toHaveText(["Dana Demo is now support"]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a member's role change is confirmed by a toast, and so is changing it back", async ({ page }) => {
  // Olivia is a member of Initech, and that is all any spec asks of her there
  await signInAs(page, "Ina Initech (@ina-initech)");
  await page.goto("/t/initech/members");
  const members = page.getByRole("table", { name: "Members of this tenant" });
  const change = members.getByRole("button", { name: "Change the role of Olivia Owner" });
  // The toast comes as the action answers, a moment before the row is drawn afresh with the saved role (the
  // form is keyed by it): a choice made in between would be lost with the old row. The row has settled when
  // its button, no longer pending, is disabled because the saved role is the one chosen.
  const settled = members.getByRole("button", { name: "Change the role of Olivia Owner", disabled: true }).filter({ hasText: /^Change$/ });
  await members.getByRole("combobox", { name: "Role of Olivia Owner" }).selectOption("viewer");
  await change.click();
  await expect(toasts(page).filter({ hasText: "Olivia Owner is now a viewer" })).toBeVisible();
  await expect(settled).toBeVisible();
  await members.getByRole("combobox", { name: "Role of Olivia Owner" }).selectOption("member");
  await change.click();
  await expect(toasts(page).filter({ hasText: "Olivia Owner is now a member" })).toBeVisible();
  await expect(settled).toBeVisible();
});

test("extending a trial is confirmed by a toast", async ({ page }) => {
  // Soylent's trial is nobody else's in the e2e specs
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/soylent");
  await page.getByRole("button", { name: "Extend trial…" }).click();
  const dialog = page.getByRole("dialog", { name: "Extend the trial" });
  const field = dialog.getByLabel("New trial end");
  await field.fill((await field.getAttribute("min"))!);
  await dialog.getByLabel("Reason").fill("Evaluation needs another week");
  await dialog.getByRole("button", { name: "Extend trial" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toasts(page)).toHaveText(["Trial extended"]);
});
