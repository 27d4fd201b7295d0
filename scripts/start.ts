// `npm start`: everything the console needs on a fresh machine. Decides the mode (lib/mode.ts) from the
// environment it was given. The local demo generates its secrets, runs the local demo identity provider and
// seeds demo data into an empty database; a deployment does none of that and stops, naming every missing or
// malformed variable, before it touches the database. Both then start the embedded PostgreSQL (unless
// DATABASE_URL is set), migrate, build when the sources are newer than the last build, and run the console
// and, beside it, the gateway API (scripts/gateway.ts). `npm run dev` does the same with `next dev` and no build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { Migrator } from "../lib/db/migrator";
import { CONSOLE_VARIABLES, GATEWAY_VARIABLES, environmentProblems } from "../lib/env-variables";
import { decideMode } from "../lib/mode";
import { seedDemoData } from "../prisma/seed";
import { openDatabase } from "./database";
import { loadLocalSecrets } from "./local-env";
import { demoIdentities, startGithubDevServer } from "./github-dev-server";
import { spawnNext, type NextProcess } from "./next-process";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`gatehouse: ${line}`);

// Sources whose change makes the last production build stale.
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "prisma/schema.prisma", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.endsWith("generated")) return 0; // regenerated on every install; follows schema.prisma
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(input) > built);
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT NOT EXISTS (SELECT 1 FROM tenants) AS empty");
    return rows[0].empty;
  } finally {
    await client.end();
  }
}

const LIFECYCLE_JOBS_EVERY_MS = 60 * 60 * 1000;

/** Runs `npm run jobs` (trials past their end frozen, long-frozen tenants archived), logging what it changed. */
function runLifecycleJobs(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done) => {
    // a child process: a failing job is logged and retried next hour, and never takes the console down
    const child = spawn("npm", ["run", "--silent", "jobs"], { stdio: ["ignore", "pipe", "inherit"], env });
    createInterface({ input: child.stdout }).on("line", (line) => log(line));
    child.on("close", (code) => {
      if (code !== 0) log(`the lifecycle jobs failed (exit code ${code}); they run again in an hour`);
      done();
    });
  });
}

/** What the console and the gateway need: DATABASE_URL only when given, else the embedded database is it. */
function requiredVariables() {
  const { DATABASE_URL, ...others } = CONSOLE_VARIABLES;
  return { ...(process.env.DATABASE_URL ? { DATABASE_URL } : {}), ...others, ...GATEWAY_VARIABLES };
}

/** The gateway API in a process of its own, on the console's database; `tokenFrom` says where its token is. */
function startGateway(databaseUrl: string, tokenFrom: string): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/gateway.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    console.log(line);
    const url = /listening at (\S+)/.exec(line)?.[1];
    if (url) log(`the gateway API is running at ${url} (its bearer token: GATEWAY_SERVICE_TOKEN ${tokenFrom})`);
  });
  process.on("exit", () => child.kill("SIGTERM"));
  // it writes pending last_used_at on SIGTERM: wait for that before the database goes
  const stop = () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timeout = setTimeout(done, 5_000);
    child.once("exit", () => {
      clearTimeout(timeout);
      done();
    });
    child.kill("SIGTERM");
  });
  return { child, stop };
}

type LocalIdentityProvider = Awaited<ReturnType<typeof startGithubDevServer>>;

/** The local demo's own parts: the flag for every child (Next, the gateway, the jobs), secrets, sign-in. */
async function prepareLocalDemo(): Promise<LocalIdentityProvider> {
  process.env.GATEHOUSE_LOCAL_DEMO = "1";
  loadLocalSecrets();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  const github = await startGithubDevServer({ identities: demoIdentities() });
  Object.assign(process.env, { GITHUB_ID: "gatehouse-local", GITHUB_SECRET: "local", GITHUB_BASE_URL: github.url, GITHUB_API_URL: github.url });
  log(`signing in through the local demo identity provider at ${github.url}`);
  return github;
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Once, from the environment as given: openDatabase() sets DATABASE_URL when it starts the embedded database.
  const mode = decideMode(process.env);
  if ("refused" in mode) {
    console.error(`gatehouse: ${mode.refused}`);
    process.exit(1);
  }
  let github: LocalIdentityProvider | undefined = undefined;
  if (mode.localDemo) {
    log(`local demo mode (${mode.reason}): secrets from .data/local.env, demo data in an empty database`);
    github = await prepareLocalDemo();
  } else {
    delete process.env.GATEHOUSE_LOCAL_DEMO; // at most empty here: no child may take it for the flag
    log(`deployment mode (${mode.reason}): every secret from the environment, nothing seeded`);
  }
  const problems = environmentProblems(requiredVariables(), process.env);
  if (problems.length) {
    console.error(`gatehouse: cannot start, nothing was changed. Missing or malformed (see README.md, "Signing in"):\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    await github?.stop();
    process.exit(1);
  }
  const database = await openDatabase(log);
  let app: NextProcess | undefined = undefined;
  let gateway: ReturnType<typeof startGateway> | undefined = undefined;
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return; // the children exiting on our signal call this again
    shuttingDown = true;
    app?.stop();
    await gateway?.stop();
    await github?.stop();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  try {
    await new Migrator(database.url, undefined, log).up();
    if (mode.localDemo && (await isEmpty(database.url))) {
      log("empty database: adding demo data (a minute or so)…");
      await seedDemoData(database.url, { log });
    }
    const jobsEnv = { ...process.env, DATABASE_URL: database.url };
    await runLifecycleJobs(jobsEnv);
    setInterval(() => void runLifecycleJobs(jobsEnv), LIFECYCLE_JOBS_EVERY_MS);
    if (!dev && buildIsStale()) {
      log("building the console…");
      const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
      if (build.status !== 0) throw new Error("next build failed");
    }
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
  gateway = startGateway(database.url, mode.localDemo ? "in .data/local.env unless the environment sets it" : "from the environment");
  gateway.child.on("exit", (code) => {
    if (!shuttingDown) log(`the gateway API stopped (exit code ${code})`);
    void shutdown(code ?? 0);
  });
  app = spawnNext([dev ? "dev" : "start", "-p", String(port), "-H", process.env.HOST ?? "127.0.0.1"], { ...process.env, DATABASE_URL: database.url }, "pipe");
  app.child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready|ready/.test(chunk.toString())) log(`the console is running at http://localhost:${port}`);
  });
  app.child.on("exit", (code) => void shutdown(code ?? 0));
}

void main();
