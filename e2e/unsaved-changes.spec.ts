// A form holding an edit not yet saved asks before the page goes: the browser's own prompt on a reload, the
// console's question on a click on an in-app link or a pick in the tenant switcher. Declining stays with the
// edit; putting the value back, or saving it, ends the question.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./sign-in";

/**
 * The types of the dialogs `page` opens, in order: a reload's prompt (beforeunload) is let through, the console's
 * question (confirm) answered `confirm`.
 */
function dialogsOf(page: Page, confirm: "accept" | "dismiss") {
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void (dialog.type() === "beforeunload" || confirm === "accept" ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test("an edit of the tenant details asks before a reload or a click away, until it is put back or saved", async ({ page }) => {
  const asked = dialogsOf(page, "dismiss");
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/initech/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  const stripe = details.getByLabel("Stripe customer id");
  const saved = await stripe.inputValue();

  // a click (the browser asks on a reload only once the page has been used), then the edit
  await stripe.click();
  await stripe.fill("cus_Initech0042");
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);
  await expect(stripe).toHaveValue(saved); // let through: the edit is gone, as the prompt warned

  await stripe.click();
  await stripe.fill("cus_Initech0042");
  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Members", exact: true }).click();
  expect(asked).toEqual(["beforeunload", "confirm"]);
  await expect(page).toHaveURL(/\/t\/initech\/settings$/);
  await expect(stripe).toHaveValue("cus_Initech0042"); // declined: still here, with the edit

  // (the page is hydrated: the link was just declined by its script)
  await page.getByRole("button", { name: /Switch tenant/ }).click();
  await page.getByPlaceholder("Search by name or slug…").fill("globex");
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  expect(asked).toEqual(["beforeunload", "confirm", "confirm"]);
  await expect(page).toHaveURL(/\/t\/initech\/settings$/);
  await expect(stripe).toHaveValue("cus_Initech0042");

  // saved, nothing is lost by a reload: no question
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText(/^Saved: /);
  await page.reload();
  await expect(stripe).toHaveValue("cus_Initech0042");
  expect(asked).toEqual(["beforeunload", "confirm", "confirm"]);

  // an edit put back is no edit: the link opens its page at once
  await stripe.click();
  await stripe.fill("cus_Initech0043");
  await stripe.fill("cus_Initech0042");
  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  expect(asked).toEqual(["beforeunload", "confirm", "confirm"]);
});

test("a failed save keeps the question: the edit it shows is still not saved", async ({ page }) => {
  const asked = dialogsOf(page, "dismiss");
  await signInAs(page, "Sam Sales (@sam-sales)");
  await page.goto("/t/initech/settings");
  const details = page.getByRole("form", { name: "Tenant details" });
  await details.getByLabel("Stripe customer id").click();
  await details.getByLabel("Stripe customer id").fill("not-a-stripe-id");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText("Stripe customer ids look like cus_…")).toBeVisible();

  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Members", exact: true }).click();
  expect(asked).toEqual(["confirm"]);
  await expect(details.getByLabel("Stripe customer id")).toHaveValue("not-a-stripe-id");
});

test("a form in a dialog: a reload with the dialog open asks; closing the dialog takes the edit with it", async ({ page }) => {
  const asked = dialogsOf(page, "accept");
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/keys");
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await page.getByRole("button", { name: "Create key" }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill("A key not created");
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);

  await page.getByRole("button", { name: "Create key" }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill("A key not created");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("navigation", { name: "Tenant pages" }).getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  expect(asked).toEqual(["beforeunload"]);
});
