// The two modes end to end, in child processes: `npm start`'s starter in a deployment checks the environment
// before it touches anything, in the local demo generates secrets, runs the local identity provider and seeds;
// `npm run db -- seed` by hand outside the demo never generates a secret. Each runs in a scratch working copy
// (symlinks to the sources), so a .data/local.env written by mistake lands there, where the test sees it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newEncryptionKeyring } from "../../lib/crypto/secret-box";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { scratchDatabase } from "../support/database";

const ROOT = resolve(__dirname, "../..");
const SOURCES = ["node_modules", "package.json", "tsconfig.json", "scripts", "lib", "prisma"];
// Far more than a refusal takes; a starter that goes on to seed 500k events is stopped here and fails the test.
const DEADLINE_MS = 30_000;

const workdirs: string[] = [];
const databases: string[] = [];
afterAll(async () => {
  for (const dir of workdirs) rmSync(dir, { recursive: true, force: true });
  await Promise.all(databases.map(dropDatabase));
});

function workingCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-mode-"));
  for (const entry of SOURCES) symlinkSync(join(ROOT, entry), join(dir, entry));
  workdirs.push(dir);
  return dir;
}

async function emptyDatabase(): Promise<string> {
  const url = await scratchDatabase();
  databases.push(url);
  return url;
}

/**
 * Runs `tsx <script> ...args` in `cwd` with exactly `env` (plus PATH and HOME), until it exits, its output
 * matches `until` or the deadline passes.
 */
function run(cwd: string, args: string[], env: Record<string, string>, until?: RegExp): Promise<{ code: number | null; output: string }> {
  const childEnv: Record<string, string> = { PATH: process.env.PATH!, HOME: process.env.HOME ?? tmpdir(), NEXT_TELEMETRY_DISABLED: "1", ...env };
  return new Promise((done) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), args, {
      cwd, detached: true, stdio: ["ignore", "pipe", "pipe"],
      env: childEnv as NodeJS.ProcessEnv, // Next's declarations make NODE_ENV required; these tests choose it
    });
    // the whole group: a starter that got as far as the embedded database or Next has children of its own
    const stop = () => process.kill(-child.pid!, "SIGKILL");
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (until?.test(output)) stop();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(stop, DEADLINE_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

/** The tables `url` has: none, for a database nothing has migrated or seeded. */
const tablesOf = (url: string) =>
  withClient(url, async (client) => (await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.tablename));

let keyring: string;
beforeAll(() => {
  keyring = newEncryptionKeyring();
});

describe("npm start in deployment mode", () => {
  it("with DATABASE_URL and no NEXTAUTH_SECRET exits non-zero naming it, and seeds, migrates, generates and starts nothing", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    const { code, output } = await run(cwd, ["scripts/start.ts"], {
      DATABASE_URL: url, NEXTAUTH_URL: "https://console.example", GITHUB_ID: "Iv1.real-app", GITHUB_SECRET: "real-secret",
      GATEHOUSE_ENCRYPTION_KEYS: keyring, GATEWAY_SERVICE_TOKEN: "t".repeat(40),
    });
    expect(code).toBe(1);
    expect(output).toContain("deployment mode (DATABASE_URL is set)");
    expect(output).toMatch(/^ {2}NEXTAUTH_SECRET is not set$/m);
    expect(output).not.toMatch(/^ {2}(?!NEXTAUTH_SECRET)[A-Z_]+( is not set|:)/m); // it names only what is missing
    expect(output).not.toContain("identity provider");
    expect(existsSync(join(cwd, ".data"))).toBe(false);
    expect(await tablesOf(url)).toEqual([]);
  });

  it("names every missing or malformed variable at once, the gateway's token too", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    const { code, output } = await run(cwd, ["scripts/start.ts"], {
      DATABASE_URL: url, NODE_ENV: "production", NEXTAUTH_SECRET: "too-short", GATEHOUSE_ENCRYPTION_KEYS: "1:not-a-key",
    });
    expect(code).toBe(1);
    for (const line of [
      "NEXTAUTH_URL is not set", "NEXTAUTH_SECRET: must be at least 32 characters", "GITHUB_ID is not set", "GITHUB_SECRET is not set",
      "GATEHOUSE_ENCRYPTION_KEYS: must be <version>:<base64 of 32 bytes>[,…]", "GATEWAY_SERVICE_TOKEN is not set",
    ]) expect(output).toContain(`  ${line}\n`);
    expect(existsSync(join(cwd, ".data"))).toBe(false);
    expect(await tablesOf(url)).toEqual([]);
  });

  it("refuses GATEHOUSE_LOCAL_DEMO=1 beside NODE_ENV=production before anything starts", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    const { code, output } = await run(cwd, ["scripts/start.ts"], { DATABASE_URL: url, NODE_ENV: "production", GATEHOUSE_LOCAL_DEMO: "1" });
    expect(code).toBe(1);
    expect(output).toContain("GATEHOUSE_LOCAL_DEMO=1 is refused beside NODE_ENV=production");
    expect(existsSync(join(cwd, ".data"))).toBe(false);
    expect(await tablesOf(url)).toEqual([]);
  });
});

describe("npm start in the local demo", () => {
  it("generates its secrets into .data/local.env, runs the local identity provider and seeds an empty database", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    // stopped once the first demo people are in: the rest of the seed and the build take minutes
    const { output } = await run(cwd, ["scripts/start.ts"], { DATABASE_URL: url, GATEHOUSE_LOCAL_DEMO: "1" }, /seed: \d+ people/);
    expect(output).toContain("local demo mode (GATEHOUSE_LOCAL_DEMO=1)");
    expect(output).toMatch(/signing in through the local demo identity provider at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toContain("empty database: adding demo data");
    const secrets = readFileSync(join(cwd, ".data/local.env"), "utf8");
    for (const name of ["GATEHOUSE_ENCRYPTION_KEYS", "NEXTAUTH_SECRET", "GATEWAY_SERVICE_TOKEN"]) expect(secrets).toMatch(new RegExp(`^${name}=.{32,}$`, "m"));
    const ids = await withClient(url, async (client) => (await client.query("SELECT github_id::int AS id FROM users")).rows.map((row) => row.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id >= 0)).toEqual([]);
  });
});

describe("npm run db -- seed outside the local demo", () => {
  it("without GATEHOUSE_ENCRYPTION_KEYS says it needs the console's keyring, and generates none", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    const { code, output } = await run(cwd, ["scripts/db.ts", "seed", "--events", "0"], { DATABASE_URL: url });
    expect(code).toBe(1);
    expect(output).toContain("db: GATEHOUSE_ENCRYPTION_KEYS is not set. Seeding seals the demo provider keys with the console's keyring");
    expect(existsSync(join(cwd, ".data"))).toBe(false);
    expect(await tablesOf(url)).toEqual([]);
  });

  it("seeds with the environment's keyring, still without writing .data/local.env", async () => {
    const cwd = workingCopy();
    const url = await emptyDatabase();
    const { code, output } = await run(cwd, ["scripts/db.ts", "seed", "--events", "0"], { DATABASE_URL: url, GATEHOUSE_ENCRYPTION_KEYS: keyring });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain("seed: 16 people");
    expect(existsSync(join(cwd, ".data"))).toBe(false);
    const [{ count }] = await withClient(url, async (client) => (await client.query("SELECT count(*)::int AS count FROM provider_configs WHERE key_version = 1")).rows);
    expect(count).toBeGreaterThan(0);
  });
});
