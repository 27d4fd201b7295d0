// Migration saml_signing_certificates on a database migrated up to just before it: a SAML configuration stored
// with one `certificate` gets `certificates`, a list of one; other rows are left as they are; and down.sql
// keeps the certificate valid longest.
import { afterAll, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_DIR, Migrator, listMigrations } from "../../lib/db/migrator";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { scratchDatabase } from "../support/database";

const MIGRATION = "20261203074425_saml_signing_certificates";
const dir = mkdtempSync(join(tmpdir(), "gatehouse-migrations-"));
const copy = (name: string) => cpSync(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });

let url: string | undefined;
afterAll(async () => {
  if (url) await dropDatabase(url);
  rmSync(dir, { recursive: true, force: true });
});

const certificate = (cn: string, validTo: string) => ({
  subject: `CN=${cn}`, issuer: `CN=${cn}`, validFrom: "2025-01-01T00:00:00.000Z", validTo, fingerprintSha256: cn, pem: "",
});
const CURRENT = certificate("idp.example.com", "2045-01-01T00:00:00.000Z");
const OLD = certificate("old-idp.example.com", "2027-01-01T00:00:00.000Z");

const query = (sql: string, values: unknown[] = []) => withClient(url!, (client) => client.query(sql, values));
const metadataOf = async (tenantId: string) => {
  const { rows } = await query("SELECT type, metadata FROM tenant_idp_config WHERE tenant_id = $1 ORDER BY type", [tenantId]);
  return Object.fromEntries(rows.map((row) => [row.type, row.metadata]));
};

it("turns a stored certificate into a list of one, leaves other rows alone, and goes back to the one valid longest", async () => {
  url = await scratchDatabase();
  for (const { name } of listMigrations().filter((m) => m.name < MIGRATION)) copy(name);
  const migrator = new Migrator(url, dir);
  await migrator.up();

  const saml = { entityId: "https://idp.example.com", ssoUrl: "https://idp.example.com/sso", ssoBinding: "HTTP-POST" };
  const oidc = { discoveryUrl: "https://login.example.com/.well-known/openid-configuration", clientId: "console" };
  const { rows: [tenant] } = await query("INSERT INTO tenants (slug, name, status, trial_ends_at) VALUES ('migrated', 'Migrated', 'trial', now()) RETURNING id");
  await query("INSERT INTO tenant_idp_config (tenant_id, type, metadata) VALUES ($1, 'saml', $2), ($1, 'oidc', $3)",
    [tenant.id, { ...saml, certificate: CURRENT }, oidc]);

  copy(MIGRATION);
  expect(await migrator.up()).toEqual([MIGRATION]);
  expect(await metadataOf(tenant.id)).toEqual({ oidc, saml: { ...saml, certificates: [CURRENT] } });

  await query("UPDATE tenant_idp_config SET metadata = $2 WHERE tenant_id = $1 AND type = 'saml'", [tenant.id, { ...saml, certificates: [OLD, CURRENT] }]);
  expect(await migrator.down(1)).toEqual([MIGRATION]);
  expect(await metadataOf(tenant.id)).toEqual({ oidc, saml: { ...saml, certificate: CURRENT } });
});
