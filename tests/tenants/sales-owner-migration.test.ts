// Migration sales_owner_reference: each tenant's sales owner text becomes a reference to the sales or admin
// staff person whose name, or else GitHub login, it is; text naming nobody such leaves no owner, and an audit
// event that keeps it.
import { afterAll, expect, it } from "vitest";
import { withClient } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";
import { databaseBefore } from "../support/migrations";

let database: Awaited<ReturnType<typeof databaseBefore>>;
afterAll(() => database?.drop());

it("moves each sales owner's name or login to the staff person it names, and drops the text", async () => {
  database = await databaseBefore("sales_owner_reference");
  const { url } = database;
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

  // the values that named nobody who may own accounts are kept in their tenant's audit log, and hashed into it
  const { rows: kept } = await withClient(url, (client) => client.query(
    `SELECT t.slug, a.actor_type AS "actorType", a.metadata, a.hash = audit_log_hash(a.prev_hash, a) AS chained
     FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE a.action = 'tenant.details_updated' ORDER BY t.slug`));
  expect(kept).toEqual(["customer", "nobody", "support"].map((slug) => ({
    slug, actorType: "system", chained: true,
    metadata: { before: { salesOwner: { customer: "Olivia Owner", nobody: "Bob Nobody", support: "Sue Support" }[slug] }, after: { salesOwner: null } },
  })));
});
