// Migration sales_owner_reference: each tenant's sales owner text becomes a reference to the sales or admin
// staff person whose name, or else GitHub login, it is; text naming nobody such leaves no owner.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { MIGRATIONS_DIR, Migrator } from "../../lib/db/migrator";
import { scratchDatabase } from "../support/database";

const MIGRATION = readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith("_sales_owner_reference"))!;

let url: string;
let before: string;
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await dropDatabase(url);
});

it("moves each sales owner's name or login to the staff person it names, and drops the text", async () => {
  url = await scratchDatabase();
  before = mkdtempSync(join(tmpdir(), "migrations-before-"));
  for (const name of readdirSync(MIGRATIONS_DIR).filter((name) => name < MIGRATION)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
  await new Migrator(url, before).up();
  await withClient(url, async (client) => {
    await client.query(`INSERT INTO users (github_login, name, email, staff_role) VALUES
      ('sam-sales', 'Sam Sales', 'sam@example.test', 'sales'), ('ada-admin', 'Ada Admin', 'ada@example.test', 'admin'),
      ('sue-support', 'Sue Support', 'sue@example.test', 'support'), ('olivia', 'Olivia Owner', 'olivia@example.test', NULL)`);
    await client.query(`INSERT INTO tenants (slug, name, status, sales_owner) VALUES
      ('by-name', 'A', 'active', 'Sam Sales'), ('by-login', 'B', 'active', 'ada-admin'), ('nobody', 'C', 'active', 'Bob Nobody'),
      ('support', 'D', 'active', 'Sue Support'), ('customer', 'E', 'active', 'Olivia Owner'), ('none', 'F', 'active', NULL)`);
  });

  await new Migrator(url).up();

  const { rows } = await withClient(url, (client) => client.query(
    `SELECT t.slug, u.github_login AS owner FROM tenants t LEFT JOIN users u ON u.id = t.sales_owner_id ORDER BY t.slug`));
  expect(rows).toEqual([
    { slug: "by-login", owner: "ada-admin" }, { slug: "by-name", owner: "sam-sales" }, { slug: "customer", owner: null },
    { slug: "nobody", owner: null }, { slug: "none", owner: null }, { slug: "support", owner: null },
  ]);
  const { rows: columns } = await withClient(url, (client) => client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'tenants' AND column_name LIKE 'sales_owner%'`));
  expect(columns).toEqual([{ column_name: "sales_owner_id" }]);
});
