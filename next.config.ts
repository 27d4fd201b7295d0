import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and driver packages are loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  // Metadata is never streamed: every page's <title> (our tenant pages' generateMetadata is async) is in the head
  // as the page is, not injected after it, so a re-render after an action never leaves a page without one.
  htmlLimitedBots: /.*/,
  // The same for every response; the Content-Security-Policy (a nonce per request) and HSTS (https only,
  // known at run time) are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
