// What the benchmarks (bench-audit, bench-usage, bench-whatif, bench-people, bench-verify) share, so that their
// figures are taken and their runs end the same way: p50 and p95 of one async call run RUNS times, after WARM_UPS
// unmeasured runs that open connections and warm plans and caches; `runBench`, which stops the child processes and
// throwaway databases a benchmark started whether it finishes, fails or is interrupted; and the demo usage
// database the usage benchmarks time their reads on.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort, startThrowawayDatabase, withClient, type RunningDatabase } from "../lib/db/embedded";
import { Migrator } from "../lib/db/migrator";
import { newEncryptionKeyring } from "../lib/crypto/secret-box";

/** How many measured runs each figure is taken from. */
export const RUNS = 20;
/** Unmeasured runs before them. */
export const WARM_UPS = 3;

export interface Timing {
  p50: number;
  p95: number;
}

/** The nearest-rank percentile `p` of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 and p95 in ms of RUNS runs of `run`, after WARM_UPS unmeasured ones. */
export async function time(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UPS; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export const log = (line: string) => console.error(`bench: ${line}`);

/** What a benchmark starts through runBench, which stops it at the end. */
export interface Bench {
  /** A throwaway PostgreSQL (lib/db/embedded). */
  database(): Promise<RunningDatabase>;
  /** A node child process named `name` in the logs, with this process's environment plus `env` and its stderr. */
  node(name: string, args: string[], env: Record<string, string>): ChildProcess;
}

/**
 * A throwaway PostgreSQL, migrated, with the demo seed's tenants and `events` usage events (generated in SQL, rollups
 * rebuilt with REBUILD_ROLLUPS_SQL), analyzed; DATABASE_URL names it, for lib/db/client behind the queries timed.
 */
export async function demoUsageDatabase(bench: Bench, events: number): Promise<RunningDatabase> {
  process.env.GATEHOUSE_ENCRYPTION_KEYS ??= newEncryptionKeyring();
  log("starting a throwaway PostgreSQL…");
  const database = await bench.database();
  await new Migrator(database.url).up();
  process.env.DATABASE_URL = database.url;
  const started = performance.now();
  log(`loading ${events.toLocaleString("en")} usage events with the demo seed…`);
  // imported here: the seed is server code, which bench-verify (run without the react-server condition) never loads
  const { seedDemoData } = await import("../prisma/seed");
  await seedDemoData(database.url, { events, log: (line) => (line.includes("usage") ? log(line) : undefined) });
  await withClient(database.url, (client) => client.query("VACUUM ANALYZE usage_events, usage_hourly, usage_daily, usage_routing_daily"));
  log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return database;
}

/** Polls `url` until it answers (anything but a 5xx), for up to 30 s. */
export async function waitUntilUp(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within 30 s`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** The gateway as it runs in production (scripts/gateway.ts) on the database at `url`; its base URL once it answers. */
export async function startGateway(bench: Bench, url: string, serviceToken: string): Promise<string> {
  const port = await freePort();
  bench.node("gateway", ["--import", "tsx", "scripts/gateway.ts"], {
    DATABASE_URL: url, GATEWAY_SERVICE_TOKEN: serviceToken, GATEWAY_PORT: String(port), GATEWAY_HOST: "127.0.0.1", NODE_ENV: "production",
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${base}/api/v1/health`);
  return base;
}

/** Ends a child: SIGTERM, and SIGKILL if it is still there after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      done();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Runs a benchmark's `main`, then stops what it started, the children before the databases they use: when
 * main ends (exit code 0), throws (1, the error printed) or the run is interrupted (130). Then exits, so that
 * a pool or client main left open does not keep the process alive.
 */
export function runBench(main: (bench: Bench) => Promise<void>): void {
  const children: ChildProcess[] = [];
  const databases: RunningDatabase[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () => (stopping ??= (async () => {
    await Promise.all(children.map(stopChild));
    await Promise.all(databases.map((database) => database.stop()));
  })());

  const bench: Bench = {
    async database() {
      const database = await startThrowawayDatabase();
      databases.push(database);
      return database;
    },
    node(name, args, env) {
      const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
      child.on("exit", (code, signal) => {
        if (!stopping) log(`${name} exited (${signal ?? code}) before the benchmark ended`);
      });
      children.push(child);
      return child;
    },
  };

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stopAll().finally(() => process.exit(130)));
  }
  const failed = (error: unknown) => {
    console.error(error);
    return 1;
  };
  void main(bench)
    .then(() => 0, failed)
    .then((code) => stopAll().then(() => code, failed))
    .then((code) => process.exit(code));
}
