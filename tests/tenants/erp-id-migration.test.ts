// Migration erp_id_case_insensitive: a database whose ERP ids differ only by case is not migrated, with a message
// naming them; once they are told apart it is, and from then on the index refuses a case twin.
import { afterAll, expect, it } from "vitest";
import { withClient } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";
import { databaseBefore } from "../support/migrations";

let database: Awaited<ReturnType<typeof databaseBefore>>;
afterAll(() => database?.drop());

it("stops on ERP ids that differ only by case, naming them, and applies once they are told apart", async () => {
  database = await databaseBefore("erp_id_case_insensitive");
  const { url, migration } = database;
  await withClient(url, (client) => client.query(
    `INSERT INTO tenants (slug, name, status, erp_customer_id) VALUES ('acme', 'Acme', 'active', 'ERP-1001'), ('twin', 'Twin', 'active', 'erp-1001'), ('other', 'Other', 'active', 'ERP-1002')`));

  await expect(new Migrator(url).up()).rejects.toThrow(
    "ERP customer ids that differ only by case: ERP-1001 (tenant acme), erp-1001 (tenant twin). Change or clear all but one of each");

  await withClient(url, (client) => client.query(`UPDATE tenants SET erp_customer_id = 'ERP-1003' WHERE slug = 'twin'`));
  expect(await new Migrator(url).up()).toContain(migration);
  await expect(withClient(url, (client) => client.query(`UPDATE tenants SET erp_customer_id = 'erp-1002' WHERE slug = 'twin'`)))
    .rejects.toThrow(/tenants_erp_customer_id_lower_key/);
});
