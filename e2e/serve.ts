// The server the browser tests run against: a throwaway PostgreSQL with a small demo data set, and the
// production build (`next build` must have run) on E2E_PORT, signing in through the local GitHub-compatible
// server. Stops everything on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { startThrowawayDatabase } from "../lib/db/embedded";
import { Migrator } from "../lib/db/migrator";
import { newEncryptionKeyring } from "../lib/crypto/secret-box";
import { seedDemoData } from "../prisma/seed";
import { demoIdentities, startGithubDevServer } from "../scripts/github-dev-server";

const port = process.env.E2E_PORT ?? "3107";
process.env.GATEHOUSE_ENCRYPTION_KEYS ??= newEncryptionKeyring();

const database = await startThrowawayDatabase();
const github = await startGithubDevServer({ identities: demoIdentities() });
let app: ChildProcess | undefined = undefined;
async function stop() {
  app?.kill("SIGTERM");
  await github.stop();
  await database.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

await new Migrator(database.url).up();
await seedDemoData(database.url, { events: 20_000 });
app = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "e2e-only-secret",
    GITHUB_ID: "gatehouse-e2e", GITHUB_SECRET: "e2e-only", GITHUB_BASE_URL: github.url, GITHUB_API_URL: github.url,
  },
});
