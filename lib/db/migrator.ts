// The project's own migrator (the Prisma CLI cannot migrate on this machine). Migrations are folders under
// prisma/migrations named <timestamp>_<name>, each with migration.sql and down.sql. Applied ones are recorded
// in Prisma's _prisma_migrations table with a sha256 checksum, so an edited file is noticed and refused.
import pg from "pg";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// pg_advisory_lock key: any fixed bigint, the same in every process that migrates this database.
const LOCK_KEY = 7_461_726_560_923_001;

export class MigrationError extends Error {}

export interface Migration {
  name: string;
  upPath: string;
  downPath: string;
  checksum: string;
}

export interface MigrationStatus {
  name: string;
  state: "applied" | "pending" | "changed" | "missing";
  appliedAt?: Date;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const upPath = join(dir, name, "migration.sql");
      const downPath = join(dir, name, "down.sql");
      if (!existsSync(upPath)) throw new MigrationError(`${upPath} is missing`);
      return { name, upPath, downPath, checksum: sha256(readFileSync(upPath, "utf8")) };
    });
}

export class Migrator {
  constructor(
    private readonly databaseUrl: string,
    private readonly dir = MIGRATIONS_DIR,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Applies every pending migration, each in its own transaction. Returns the names applied. */
  up(): Promise<string[]> {
    return this.locked(async (client) => {
      const applied = await this.applied(client);
      this.assertUnchanged(applied);
      const done: string[] = [];
      for (const migration of listMigrations(this.dir)) {
        if (applied.has(migration.name)) continue;
        await this.transaction(client, async () => {
          await client.query(readFileSync(migration.upPath, "utf8")).catch((error: Error) => {
            throw new MigrationError(`${migration.name}/migration.sql failed: ${error.message}`);
          });
          await client.query(
            `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
        });
        this.log(`applied ${migration.name}`);
        done.push(migration.name);
      }
      return done;
    });
  }

  /** Reverts the last `count` applied migrations (all of them with count = Infinity), newest first. */
  down(count = 1): Promise<string[]> {
    return this.locked(async (client) => {
      const applied = [...(await this.applied(client)).keys()].sort().reverse().slice(0, count);
      const known = new Map(listMigrations(this.dir).map((m) => [m.name, m]));
      const done: string[] = [];
      for (const name of applied) {
        const migration = known.get(name);
        if (!migration || !existsSync(migration.downPath)) {
          throw new MigrationError(`cannot revert ${name}: ${migration?.downPath ?? `${name}/down.sql`} is missing`);
        }
        await this.transaction(client, async () => {
          await client.query(readFileSync(migration.downPath, "utf8")).catch((error: Error) => {
            throw new MigrationError(`${name}/down.sql failed: ${error.message}`);
          });
          await client.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [name]);
        });
        this.log(`reverted ${name}`);
        done.push(name);
      }
      return done;
    });
  }

  status(): Promise<MigrationStatus[]> {
    return this.locked(async (client) => {
      const applied = await this.applied(client);
      const files = listMigrations(this.dir);
      const rows: MigrationStatus[] = files.map((m) => {
        const row = applied.get(m.name);
        if (!row) return { name: m.name, state: "pending" };
        return { name: m.name, state: row.checksum === m.checksum ? "applied" : "changed", appliedAt: row.finished_at };
      });
      for (const [name, row] of applied) {
        if (!files.some((m) => m.name === name)) rows.push({ name, state: "missing", appliedAt: row.finished_at });
      }
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /**
   * Records `name` as applied with the file's current checksum, without running it: for a migration applied
   * by hand, or to accept a deliberate edit of an applied file (golang-migrate's `force`).
   */
  force(name: string): Promise<void> {
    return this.locked(async (client) => {
      const migration = listMigrations(this.dir).find((m) => m.name === name);
      if (!migration) throw new MigrationError(`no migration named ${name} in ${this.dir}`);
      await this.transaction(client, async () => {
        await client.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [name]);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count, logs)
           VALUES ($1, $2, $3, now(), now(), 0, 'forced')`,
          [randomUUID(), migration.checksum, name],
        );
      });
      this.log(`forced ${name}`);
    });
  }

  private assertUnchanged(applied: Map<string, AppliedRow>): void {
    for (const migration of listMigrations(this.dir)) {
      const row = applied.get(migration.name);
      if (row && row.checksum !== migration.checksum) {
        throw new MigrationError(
          `${migration.upPath} has changed since it was applied. Applied migrations are never edited: ` +
            `revert the edit and add a new migration (npm run db -- create NAME), ` +
            `or accept it with npm run db -- force ${migration.name}.`,
        );
      }
    }
  }

  private async applied(client: pg.Client): Promise<Map<string, AppliedRow>> {
    await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id                  VARCHAR(36) PRIMARY KEY,
      checksum            VARCHAR(64) NOT NULL,
      finished_at         TIMESTAMPTZ,
      migration_name      VARCHAR(255) NOT NULL,
      logs                TEXT,
      rolled_back_at      TIMESTAMPTZ,
      started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
      applied_steps_count INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Map(rows.map((row) => [row.migration_name, row]));
  }

  private async transaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
    await client.query("BEGIN");
    try {
      await work();
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }

  // One connection holds a session advisory lock for the whole run, so two processes never migrate at once.
  private async locked<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query("SET client_min_messages = warning");
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        return await work(client);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    } finally {
      await client.end();
    }
  }
}

/** Creates prisma/migrations/<UTC timestamp>_<name>/ with empty migration.sql and down.sql. */
export function createMigration(name: string, dir = MIGRATIONS_DIR, now = new Date()): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new MigrationError("a migration name is lowercase letters, digits and _");
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), `-- ${name}\n`);
  writeFileSync(join(folder, "down.sql"), `-- reverts ${name}\n`);
  return folder;
}
