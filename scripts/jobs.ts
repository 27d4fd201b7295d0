// npm run jobs: the lifecycle's automatic transitions, once (trials past their end frozen, tenants frozen
// for more than 30 days archived), then the audit log's retention, printing what changed. `npm start` runs it
// hourly while the console runs.
// Run with node's react-server condition (see package.json): lib/ marks its modules `server-only`, which
// throws outside React's server graph and resolves to an empty module under that condition, as on the server.
import { openDatabase } from "./database";

async function main(): Promise<void> {
  const database = await openDatabase(console.log);
  const { db } = await import("../lib/db/client");
  try {
    const { runLifecycleJobs } = await import("../lib/domain/tenants/jobs");
    const { frozen, archived, changes } = await runLifecycleJobs();
    for (const { slug, to, reason } of changes) console.log(`${slug}: ${to} (${reason})`);
    console.log(`lifecycle jobs: ${frozen} frozen, ${archived} archived`);
    const { applyAuditRetention } = await import("../lib/domain/audit/retention");
    console.log(`audit retention: ${JSON.stringify(await applyAuditRetention())}`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
