// The console's environment, validated once at server start (instrumentation.ts): a missing or malformed
// variable stops the server with its name instead of failing on some later request.
import { createEnv } from "@t3-oss/env-nextjs";
import { CONSOLE_VARIABLES } from "./env-variables";

export const env = createEnv({
  server: CONSOLE_VARIABLES,
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` imports server modules without the production secrets at hand.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
});
