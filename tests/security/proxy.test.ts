// proxy.ts's headers: a Content-Security-Policy with a fresh nonce for scripts and no 'unsafe-inline' in
// script-src, handed to Next in the request headers too (where Next reads the nonce); HSTS only when the console
// is served over https. The browser side (nonced scripts run, no violation) is e2e/security-headers.spec.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "../../proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

function headersFor(nextAuthUrl: string, nodeEnv = "production") {
  vi.stubEnv("NEXTAUTH_URL", nextAuthUrl);
  vi.stubEnv("NODE_ENV", nodeEnv);
  const response = proxy(new NextRequest(`${nextAuthUrl}/t/acme`));
  const policy = response.headers.get("Content-Security-Policy") ?? "";
  const directive = (name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));
  return { response, policy, directive };
}

describe("the Content-Security-Policy", () => {
  it("allows scripts by this request's nonce only, 'strict-dynamic', never 'unsafe-inline' or (outside dev) 'unsafe-eval'", () => {
    const { directive } = headersFor("http://localhost:3000");
    expect(directive("script-src")).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("adds 'unsafe-eval' in dev only", () => {
    expect(headersFor("http://localhost:3000", "development").directive("script-src")).toMatch(/'strict-dynamic' 'unsafe-eval'$/);
  });

  it("has a new nonce on every request, and hands the policy to Next in the request headers", () => {
    const first = headersFor("http://localhost:3000");
    const second = headersFor("http://localhost:3000");
    expect(first.policy).not.toBe(second.policy);
    // NextResponse.next({ request: { headers } }) passes request headers on this way
    expect(first.response.headers.get("x-middleware-request-content-security-policy")).toBe(first.policy);
  });
});

describe("HSTS", () => {
  it("is sent, with upgrade-insecure-requests in the policy, when NEXTAUTH_URL is https", () => {
    const { response, policy } = headersFor("https://console.example.com");
    expect(response.headers.get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(policy).toMatch(/; upgrade-insecure-requests$/);
  });

  it("is never sent over plain http", () => {
    const { response, policy } = headersFor("http://localhost:3000");
    expect(response.headers.get("Strict-Transport-Security")).toBeNull();
    expect(policy).not.toContain("upgrade-insecure-requests");
  });
});
