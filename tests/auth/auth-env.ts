// What lib/env.ts requires of a server, for tests that load NextAuth's options (lib/auth/options.ts). Import it
// before them: it must run before lib/env.ts validates the environment.
process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
process.env.NEXTAUTH_SECRET ??= "vitest-only-secret-of-at-least-32-characters";
process.env.GITHUB_ID ??= "gatehouse-vitest";
process.env.GITHUB_SECRET ??= "vitest-only";
