// One PostgreSQL for the whole vitest run, migrated once. Tests that need an empty or private database make a
// scratch one on the same server (tests/support/database.ts).
import type { TestProject } from "vitest/node";
import { startThrowawayDatabase } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // With DATABASE_URL set, tests run in a fresh database on that server and never touch the one named.
  const { url, stop } = await startThrowawayDatabase();
  await new Migrator(url).up();
  project.provide("databaseUrl", url);
  return stop;
}
