// The security headers on the production build: every page has a Content-Security-Policy allowing scripts by a
// per-request nonce only (proxy.ts), every script Next writes carries that nonce, the app still hydrates and
// works with no violation reported, the route handlers and NextAuth keep working, and there is no HSTS over
// plain http (the https case is tests/security/proxy.test.ts).
import { expect, test, type Page } from "@playwright/test";
import { openTenantSwitcher, signInAs } from "./sign-in";

const nonceOf = (policy: string) => /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1];

/** CSP violations and CSP console errors on `page`, across its navigations, from before the first script. */
async function cspComplaints(page: Page): Promise<string[]> {
  const complaints: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) complaints.push(message.text());
  });
  page.on("pageerror", (error) => complaints.push(`uncaught: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (line: string) => complaints.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void }).reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${window.location.pathname}`);
    });
  });
  return complaints;
}

test("every page, static ones too, has a nonce-based policy that each of its scripts carries, and no HSTS over http", async ({ request }) => {
  const nonces = new Set<string>();
  for (const [path, status] of [["/sign-in", 200], ["/no-access", 200], ["/no-such-page", 404]] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(headers["strict-transport-security"], path).toBeUndefined();
    expect(headers["x-content-type-options"], path).toBe("nosniff");

    const nonce = nonceOf(policy)!;
    nonces.add(nonce);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3); // one per request
});

test("under the policy the console hydrates and works, and nothing is blocked", async ({ page }) => {
  const complaints = await cspComplaints(page);
  // the sign-in button and the tenant switcher are client components: they work only once hydrated
  await signInAs(page, "Olivia Owner (@olivia-owner)");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Olivia Owner");
  await openTenantSwitcher(page);
  await page.keyboard.type("initech");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/t\/initech$/);
  await expect(page.getByRole("heading", { level: 1, name: "Initech" })).toBeVisible();
  // a chart (recharts sets style attributes) and a client-side change of its range
  await page.goto("/t/acme/usage");
  await expect(page.getByRole("heading", { name: "Spend per day by model" })).toBeVisible();
  await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "7 days" }).click();
  await expect(page.getByRole("heading", { name: /^Totals for the last 7 days/ })).toBeVisible();

  // route handlers and NextAuth's, which proxy.ts runs in front of too
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toMatchObject({ user: { name: "Olivia Owner" } });
  expect((await page.request.get("/api/health")).ok()).toBe(true);
  const csv = await page.request.get("/api/audit/export?format=csv&slug=initech");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");

  expect(complaints).toEqual([]);
});
