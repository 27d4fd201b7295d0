// A scratch database migrated up to just before one migration, to fill with what that migration must handle.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropDatabase } from "../../lib/db/embedded";
import { MIGRATIONS_DIR, Migrator } from "../../lib/db/migrator";
import { scratchDatabase } from "./database";

/** The migration named `…_<suffix>`, and a fresh database with every migration before it applied; `drop` removes both. */
export async function databaseBefore(suffix: string) {
  const migration = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith(`_${suffix}`))!;
  const url = await scratchDatabase();
  const before = mkdtempSync(join(tmpdir(), "migrations-before-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((name) => name < migration)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
  await new Migrator(url, before).up();
  return {
    migration, url,
    drop: async () => {
      rmSync(before, { recursive: true, force: true });
      await dropDatabase(url);
    },
  };
}
