import { afterEach, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_DIR, Migrator, listMigrations } from "../../lib/db/migrator";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { scratchDatabase } from "../support/database";

const TABLES = [
  "accounts", "api_keys", "audit_log", "feature_flags", "invitations", "memberships", "model_prices",
  "provider_configs", "routing_rules", "sessions", "tenant_idp_config", "tenant_products", "tenant_projects",
  "tenants", "usage_daily", "usage_events", "usage_hourly", "usage_routing_daily", "users", "verification_tokens", "webhook_deliveries",
  "webhooks",
];
const ENUMS = [
  "actor_type", "complexity", "idp_kind", "member_role", "routing_strategy", "staff_role", "tenant_kind",
  "tenant_plan", "tenant_project_status", "tenant_status", "webhook_delivery_status",
];
// every mutable table has updated_at and its trigger: all but the append-only ones and tokens inserted then deleted
const TOUCHED = TABLES.filter((t) => !["audit_log", "usage_events", "verification_tokens"].includes(t));

async function schemaOf(url: string) {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
    const enums = await client.query<{ name: string }>(
      "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY 1");
    const triggers = await client.query<{ name: string }>(
      "SELECT DISTINCT event_object_table AS name FROM information_schema.triggers WHERE trigger_schema = 'public' AND trigger_name LIKE '%_touch_updated_at' ORDER BY 1");
    const functions = await client.query<{ name: string }>(
      "SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1");
    const pick = (r: { rows: { name: string }[] }) => r.rows.map((row) => row.name);
    return { tables: pick(tables), enums: pick(enums), triggers: pick(triggers), functions: pick(functions) };
  });
}

const scratch: string[] = [];
async function freshDatabase() {
  const url = await scratchDatabase();
  scratch.push(url);
  return url;
}
afterEach(async () => {
  await Promise.all(scratch.splice(0).map(dropDatabase));
});

describe("migrations", () => {
  it("go up to every table, enum and trigger, down to an empty schema, and up again cleanly", async () => {
    const url = await freshDatabase();
    const migrator = new Migrator(url);

    expect(await migrator.up()).toEqual(listMigrations().map((m) => m.name));
    const up = await schemaOf(url);
    expect(up.tables).toEqual(["_prisma_migrations", ...TABLES].sort());
    expect(up.enums).toEqual(ENUMS);
    expect(up.triggers).toEqual(TOUCHED);

    await migrator.down(Infinity);
    expect(await schemaOf(url)).toEqual({ tables: ["_prisma_migrations"], enums: [], triggers: [], functions: [] });

    await migrator.up();
    expect(await schemaOf(url)).toEqual(up);
    expect((await migrator.status()).every((row) => row.state === "applied")).toBe(true);
  });

  it("down N reverts only the newest N", async () => {
    const url = await freshDatabase();
    const migrator = new Migrator(url);
    await migrator.up();
    const names = listMigrations().map((m) => m.name);
    expect(await migrator.down(1)).toEqual([names.at(-1)]);
    expect((await migrator.status()).map((row) => row.state)).toEqual([...names.slice(0, -1).map(() => "applied"), "pending"]);
  });

  it("refuses to run when an applied migration has changed, naming the file, until it is forced", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const migrator = new Migrator(url, dir);
    await migrator.up();

    const first = readdirSync(dir).sort()[0];
    appendFileSync(join(dir, first, "migration.sql"), "\n-- an edit after the fact\n");
    await expect(migrator.up()).rejects.toThrow(`${join(dir, first, "migration.sql")} has changed since it was applied`);
    expect((await migrator.status()).find((row) => row.name === first)?.state).toBe("changed");

    await migrator.force(first);
    await expect(migrator.up()).resolves.toEqual([]);
  });

  it("lets two processes migrate at once without applying anything twice", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([new Migrator(url).up(), new Migrator(url).up()]);
    expect([...a, ...b].sort()).toEqual(listMigrations().map((m) => m.name));
    const count = await withClient(url, (c) => c.query("SELECT count(*)::int AS n FROM _prisma_migrations"));
    expect(count.rows[0].n).toBe(listMigrations().length);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(join(dir, "29990101000000_broken"));
    writeFileSync(join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE broken_probe (id int);\nSELECT 1/0;\n");
    const migrator = new Migrator(url, dir);
    await expect(migrator.up()).rejects.toThrow("29990101000000_broken/migration.sql failed: division by zero");
    expect((await migrator.status()).find((row) => row.name === "29990101000000_broken")?.state).toBe("pending");
    expect((await schemaOf(url)).tables).not.toContain("broken_probe");
  });
});
