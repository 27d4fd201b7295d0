// Avatars come from GitHub's CDN, which may be unreachable (it always is in the local demo): a picture that cannot
// be loaded shows the person's initials, never a broken image.
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { signInAs } from "./sign-in";

test("a person whose picture cannot be loaded, and one without a picture, are shown by their initials", async ({ page }) => {
  await page.route("https://avatars.githubusercontent.com/**", (route) => route.abort());
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  // after signing in, which writes her GitHub profile's (empty) picture
  await sql("UPDATE users SET avatar_url = 'https://avatars.githubusercontent.com/u/1?v=4' WHERE github_login = 'olivia-owner'");
  try {
    await page.goto("/t/acme/members");
    const members = page.getByRole("table", { name: "Members of this tenant" });
    const olivia = members.getByRole("row", { name: /Olivia Owner/ });
    await expect(olivia.getByTestId("avatar-initials")).toHaveText("OO");
    await expect(members.locator("img")).toHaveCount(0);
    await expect(members.getByRole("row", { name: /Max Member/ }).getByTestId("avatar-initials")).toHaveText("MM");
  } finally {
    await sql("UPDATE users SET avatar_url = NULL WHERE github_login = 'olivia-owner'");
  }
});
