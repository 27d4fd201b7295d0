// The server the browser tests run against: a throwaway PostgreSQL with a small demo data set, and the
// production build (`next build` must have run) on E2E_PORT, signing in through the local GitHub-compatible
// server: the local demo (lib/mode.ts), so the console gets GATEHOUSE_LOCAL_DEMO=1. Stops everything on SIGTERM.
import { startThrowawayDatabase } from "../lib/db/embedded";
import { Migrator } from "../lib/db/migrator";
import { newEncryptionKeyring } from "../lib/crypto/secret-box";
import { seedDemoData } from "../prisma/seed";
import { demoIdentities, startGithubDevServer } from "../scripts/github-dev-server";
import { spawnNext, type NextProcess } from "../scripts/next-process";
import { startOpenAiCompatibleStub } from "../scripts/openai-compatible-stub";
import { shareDatabaseUrl } from "./database";
import { E2E_UPSTREAM } from "./support/upstream";
import { keepServerLog } from "./server-log";

const port = process.env.E2E_PORT ?? "3107";
process.env.GATEHOUSE_ENCRYPTION_KEYS ??= newEncryptionKeyring();

const database = await startThrowawayDatabase();
shareDatabaseUrl(database.url); // for the specs that make the database fail (e2e/database.ts)
const github = await startGithubDevServer({ identities: demoIdentities() });
const upstream = await startOpenAiCompatibleStub({ keys: [E2E_UPSTREAM.key], port: E2E_UPSTREAM.port });
let app: NextProcess | undefined = undefined;
// Once only: stopping Next on SIGTERM makes it exit, which calls stop again.
let stopping: Promise<void> | undefined;
function stop(code = 0) {
  stopping ??= (async () => {
    app?.stop();
    await github.stop();
    await upstream.stop();
    await database.stop();
    process.exit(code);
  })();
  return stopping;
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

await new Migrator(database.url).up();
await seedDemoData(database.url, { events: 20_000 });
app = spawnNext(["start", "-p", port, "-H", "127.0.0.1"], {
  ...process.env, DATABASE_URL: database.url, GATEHOUSE_LOCAL_DEMO: "1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "e2e-only-secret-of-at-least-32-characters",
  GITHUB_ID: "gatehouse-e2e", GITHUB_SECRET: "e2e-only", GITHUB_BASE_URL: github.url, GITHUB_API_URL: github.url,
}, "inherit", "pipe");
keepServerLog(app.child.stderr!); // for the specs that look up a reference in the server's log (e2e/server-log.ts)
// without a build, or on any crash, fail fast instead of leaving Playwright to time out
app.child.on("exit", (code) => void stop(code ?? 1));
