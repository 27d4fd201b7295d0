// The variables the console and the gateway need, and their rules, in one place: lib/env.ts checks the console's
// when a Next server starts, and `npm start` checks them all before it migrates or builds anything.
import { z } from "zod";

export const CONSOLE_VARIABLES = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  NEXTAUTH_URL: z.url(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  GITHUB_ID: z.string().min(1),
  GITHUB_SECRET: z.string().min(1),
  GITHUB_BASE_URL: z.url().default("https://github.com"),
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  GATEHOUSE_ENCRYPTION_KEYS: z.string().regex(/^\d+:[A-Za-z0-9+/=]{43,44}(,\d+:[A-Za-z0-9+/=]{43,44})*$/, "must be <version>:<base64 of 32 bytes>[,…]"),
};

/** What scripts/gateway.ts needs besides DATABASE_URL (it checks the same itself, without zod, to stay lean). */
export const GATEWAY_VARIABLES = {
  GATEWAY_SERVICE_TOKEN: z.string().min(32, "must be at least 32 characters"),
};

/** Each variable of `variables` that `environment` lacks or gets wrong, as "NAME is not set" or "NAME: why". */
export function environmentProblems(variables: Record<string, z.ZodType>, environment: NodeJS.ProcessEnv): string[] {
  // empty counts as unset, as lib/env.ts has it (emptyStringAsUndefined)
  const values = Object.fromEntries(Object.keys(variables).map((name) => [name, environment[name] || undefined]));
  const parsed = z.object(variables).safeParse(values);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return values[name] === undefined ? `${name} is not set` : `${name}: ${issue.message}`;
  });
}
