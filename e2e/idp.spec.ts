// A tenant's identity providers in the browser: SAML metadata whose signing certificates have all expired is
// refused on its field; metadata published during a key rotation is saved with every signing certificate
// listed, each with its expiry and the expired one marked. The OIDC form to change a provider starts from it.
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { signInAs } from "./sign-in";

const fixture = (name: string) => readFileSync(new URL(`../tests/idp/fixtures/${name}`, import.meta.url), "utf8");

test("an owner saves metadata from a key rotation and sees each signing certificate with its expiry", async ({ page }) => {
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await page.goto("/t/acme/settings/sso");
  const section = page.getByRole("region", { name: "Single sign-on" });

  await section.getByLabel("Metadata XML").fill(fixture("metadata-all-expired.xml"));
  await section.getByRole("button", { name: "Save SAML provider" }).click();
  await expect(section.getByText(/^None of the 2 signing certificates is valid now: CN=retired-idp\.example\.com/)).toBeVisible();

  await section.getByLabel("Metadata XML").fill(fixture("metadata-rotation.xml"));
  await section.getByRole("button", { name: "Save SAML provider" }).click();
  const certificates = section.getByRole("listitem").filter({ hasText: "SHA-256 fingerprint" });
  await expect(section.getByText("Signing certificates (2)")).toBeVisible();
  await expect(certificates).toHaveCount(2);
  await expect(certificates.nth(0)).toContainText("CN=old-idp.example.com, O=Example IdP");
  await expect(certificates.nth(0)).toContainText("2023-05-01 – 2024-05-01");
  await expect(certificates.nth(0)).toContainText("expired");
  await expect(certificates.nth(1)).toContainText("CN=idp.example.com, O=Example IdP");
  await expect(certificates.nth(1)).toContainText("2025-01-01 – 2045-01-01");
  await expect(certificates.nth(1)).not.toContainText("expired");
  expect((await new AxeBuilder({ page }).include("section[aria-labelledby=idp-heading]").analyze()).violations).toEqual([]);
});

test("the OIDC Change form starts from the saved provider, and says why it asks for no client secret", async ({ page }) => {
  await signInAs(page, "Ada Admin (@ada-admin)");
  await page.goto("/t/wayne/settings/sso");
  const change = page.getByRole("region", { name: "Single sign-on" }).locator("form").filter({ has: page.getByRole("button", { name: "Save OIDC changes" }) });
  await expect(change.getByLabel("Discovery URL")).toHaveValue("https://login.wayne.example/.well-known/openid-configuration");
  await expect(change.getByLabel("Client id")).toHaveValue("gatehouse-console");
  await expect(change.getByLabel("Client id")).toHaveAccessibleDescription(/There is no client secret: Gatehouse signs in as a public client with PKCE/);
});
