// The console's embedded PostgreSQL shared by the scripts: beside a running `npm start`, `npm run db`, `npm run
// jobs` and `npm run audit` connect to the server it runs (postgres refuses a second one on the same data) and
// leave it running; and a postmaster.pid left behind by a crashed run does not stop the next start.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { freePort, startPersistentDatabase, withClient } from "../../lib/db/embedded";
import { Migrator } from "../../lib/db/migrator";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;

// Not mkdtemp: its 0700 folder would shut out the postgres user when running as root.
const dataDir = `/tmp/gatehouse-embedded-test-${randomBytes(4).toString("hex")}`;
const lockFile = `${dataDir}/postmaster.pid`;
const saved = { dir: process.env.GATEHOUSE_DATA_DIR, port: process.env.GATEHOUSE_DB_PORT };

beforeEach(async () => {
  process.env.GATEHOUSE_DATA_DIR = dataDir;
  process.env.GATEHOUSE_DB_PORT = String(await freePort());
});

afterEach(() => {
  process.env.GATEHOUSE_DATA_DIR = saved.dir;
  process.env.GATEHOUSE_DB_PORT = saved.port;
  if (saved.dir === undefined) delete process.env.GATEHOUSE_DATA_DIR;
  if (saved.port === undefined) delete process.env.GATEHOUSE_DB_PORT;
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run <script> -- <args>` as a developer types it, on the embedded database (no DATABASE_URL). */
async function npmRun(script: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, DATABASE_URL: undefined };
  const { stdout } = await run("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env, timeout: 90_000 });
  return stdout;
}

const postmasterPid = () => Number(readFileSync(lockFile, "utf8").split("\n")[0]);

describe("the scripts beside a running npm start", () => {
  it("db status, jobs and audit verify at once use the running server and leave it running", { timeout: 120_000 }, async () => {
    // what `npm start` does first: start the server and migrate
    const server = await startPersistentDatabase();
    try {
      expect(server.alreadyRunning).toBe(false);
      await new Migrator(server.url).up();
      const pid = postmasterPid();

      const [status, jobs, audit] = await Promise.all([npmRun("db", "status"), npmRun("jobs"), npmRun("audit", "verify")]);
      const joined = `using the embedded PostgreSQL already running on port ${process.env.GATEHOUSE_DB_PORT} (data in ${dataDir})`;
      for (const output of [status, jobs, audit]) expect(output).toContain(joined);
      expect(status).toMatch(/^applied +20261124120000_init/m);
      expect(jobs).toContain("lifecycle jobs: 0 frozen, 0 archived");
      // jobs may record a retention event before or after verify reads: either way nothing is broken
      expect(audit).toMatch(/^(platform: intact|the audit log is empty)/m);

      // still up, and the same server
      expect(postmasterPid()).toBe(pid);
      const { rows } = await withClient(server.url, (client) => client.query("SELECT 1 AS up"));
      expect(rows).toEqual([{ up: 1 }]);
    } finally {
      await server.stop();
    }
    expect(existsSync(lockFile)).toBe(false);
  });
});

describe("a postmaster.pid left by a crashed run", () => {
  /** A live process that is not postgres, run by the user the server runs as (postgres, when we are root). */
  function unrelatedProcess() {
    const asPostgres = process.getuid?.() === 0
      ? { uid: Number(execFileSync("id", ["-u", "postgres"])), gid: Number(execFileSync("id", ["-g", "postgres"])) }
      : {};
    return spawn("sleep", ["120"], { ...asPostgres, stdio: "ignore" });
  }

  it.each([
    ["names a PID that has exited", () => undefined],
    ["names a PID another process has since taken", unrelatedProcess],
  ])("%s: a script starts the server itself, and stops it when done", { timeout: 120_000 }, async (_case, occupyPid) => {
    const first = await startPersistentDatabase();
    const lockText = readFileSync(lockFile, "utf8");
    await first.stop();
    expect(existsSync(lockFile)).toBe(false);

    const squatter = occupyPid();
    try {
      // the crash: the server is gone, its lock file stays (with its PID, or one reused since)
      writeFileSync(lockFile, squatter ? lockText.replace(/^\d+/, String(squatter.pid)) : lockText);
      const status = await npmRun("db", "status");
      expect(status).toContain(`started the embedded PostgreSQL on port ${process.env.GATEHOUSE_DB_PORT} (data in ${dataDir})`);
      expect(status).toMatch(/^pending +20261124120000_init/m);
      expect(existsSync(lockFile)).toBe(false);
    } finally {
      squatter?.kill();
    }
  });
});
