// The console's environment, validated once at server start (instrumentation.ts): a missing or malformed
// variable stops the server with its name instead of failing on some later request.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    NEXTAUTH_URL: z.url(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    GITHUB_ID: z.string().min(1),
    GITHUB_SECRET: z.string().min(1),
    GITHUB_BASE_URL: z.url().default("https://github.com"),
    GITHUB_API_URL: z.url().default("https://api.github.com"),
    GATEHOUSE_ENCRYPTION_KEYS: z.string().regex(/^\d+:[A-Za-z0-9+/=]{43,44}(,\d+:[A-Za-z0-9+/=]{43,44})*$/, "must be <version>:<base64 of 32 bytes>[,…]"),
  },
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` imports server modules without the production secrets at hand.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
});
