// The gateway's entry stays lean: what scripts/gateway.ts loads at run time (type-only imports are erased) must
// not reach Next, React, zod, Prisma or the console's environment and actor modules.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const FORBIDDEN = [/^next(\/|$)/, /^react(-dom)?(\/|$)/, /^zod(\/|$)/, /^@prisma\//, /^server-only$/, /^lib\/env\.ts$/, /^lib\/auth\/actor\.ts$/, /^lib\/db\/(client|prisma|mutation)\.ts$/, /^lib\/db\/generated\//];

/** The specifiers a file imports or re-exports at run time. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^"';]*?)\s*from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)) {
    if (match[5]) found.push(match[5]);
    else if (!match[2]) found.push(match[4]);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (base === null) return null;
  return [base, `${base}.ts`, `${base}/index.ts`].find((path) => existsSync(path) && path.endsWith(".ts")) ?? null;
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, specifier);
      if (local) pending.push(local);
      else seen.add(specifier);
    }
  }
  return seen;
}

it("scripts/gateway.ts loads none of Next, React, zod, Prisma, lib/env or lib/auth/actor", () => {
  const loaded = graph(join(ROOT, "scripts/gateway.ts"));
  expect(loaded).toContain("lib/gateway/server.ts");
  expect(loaded).toContain("lib/domain/keys/format.ts");
  expect(loaded).toContain("lib/gateway/routes/verify.ts");
  // the OpenAPI document and the routes' descriptions hold the zod schemas: imported on the document's first request
  expect([...loaded].filter((module) => /openapi/.test(module))).toEqual(["lib/gateway/routes/openapi.ts"]);
  expect([...loaded].filter((module) => FORBIDDEN.some((pattern) => pattern.test(module)))).toEqual([]);
});

it("notices a forbidden import (the check itself works)", () => {
  expect(runtimeImports('import { z } from "zod";\nimport type { Tx } from "@/lib/db/mutation";\nimport "server-only";')).toEqual(["zod", "server-only"]);
});
