// The e2e server's database, for specs that make it fail on purpose: e2e/serve.ts writes its URL to a file
// the Playwright process reads (the server runs in a process of its own).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const URL_FILE = fileURLToPath(new URL("../.test-results/e2e-database-url", import.meta.url));

/** For e2e/serve.ts: hands the database's URL to the specs. */
export function shareDatabaseUrl(url: string): void {
  mkdirSync(dirname(URL_FILE), { recursive: true });
  writeFileSync(URL_FILE, url);
}

/** Runs `sql` on the e2e server's database. */
export async function sql(statements: string): Promise<void> {
  const client = new pg.Client({ connectionString: readFileSync(URL_FILE, "utf8") });
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/**
 * Makes the database refuse every UPDATE of the tenant `slug` (as a dropped connection or a broken migration
 * would) until the returned function is called.
 */
export async function failUpdatesOfTenant(slug: string): Promise<() => Promise<void>> {
  await sql(`
    CREATE FUNCTION e2e_fail_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'e2e: simulated outage'; END $$;
    CREATE TRIGGER e2e_fail_update BEFORE UPDATE ON tenants FOR EACH ROW
      WHEN (OLD.slug = '${slug}') EXECUTE FUNCTION e2e_fail_update();`);
  return () => sql("DROP TRIGGER IF EXISTS e2e_fail_update ON tenants; DROP FUNCTION IF EXISTS e2e_fail_update();");
}

/** Makes every read of `table`'s `column` fail (it is renamed away) until the returned function is called. */
export async function breakColumn(table: string, column: string): Promise<() => Promise<void>> {
  await sql(`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_e2e_broken`);
  return () => sql(`ALTER TABLE ${table} RENAME COLUMN ${column}_e2e_broken TO ${column}`);
}
