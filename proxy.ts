// The security headers that depend on the request, for every page and route handler (next.config.ts sets the
// fixed ones): a Content-Security-Policy whose script-src allows only scripts carrying this request's nonce
// (Next reads the nonce from the policy in the request headers and puts it on its own scripts, which is why
// every page renders per request: see app/layout.tsx), and HSTS when the console is served over https.
// Not an auth boundary (DESIGN.md): pages and services decide who sees and changes what.
import { NextResponse, type NextRequest } from "next/server";

const HSTS = "max-age=63072000; includeSubDomains";

function contentSecurityPolicy(nonce: string, { https, dev }: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run too, and host allow-lists are ignored.
    // 'unsafe-eval' only in dev, where React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Pages carry style attributes (Radix's popper positions, recharts' sizes), which no nonce can allow, so
    // styles keep 'unsafe-inline' (CSS runs no script). No nonce here: beside one, 'unsafe-inline' is ignored.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https://avatars.githubusercontent.com",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    // over plain http (localhost) it would send the page's own requests to https, which nothing serves there
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const https = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // Not Next's build output and optimized images: files, never a document a policy would govern. Nor
      // prefetches, whose payloads are not documents either (as Next's CSP guide advises).
      source: "/((?!_next/static|_next/image).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
