// npm run db -- up | down [N|all] | status | force NAME | create NAME | seed [--events N]
import { Migrator, MigrationError, createMigration } from "../lib/db/migrator";
import { openDatabase } from "./database";
import { prepareSeedKeyring } from "./local-env";
import { seedDemoData } from "../prisma/seed";

const USAGE = "usage: npm run db -- up | down [N|all] | status | force NAME | create NAME | seed [--events N]";

async function main(args: string[]): Promise<void> {
  const [command, argument] = args;
  if (command === "create") {
    if (!argument) throw new MigrationError(`create needs a NAME. ${USAGE}`);
    console.log(`created ${createMigration(argument)}`);
    return;
  }
  if (!["up", "down", "status", "force", "seed"].includes(command ?? "")) throw new MigrationError(USAGE);
  // before openDatabase, which sets DATABASE_URL for the embedded database and so would hide the local demo
  const keyringProblem = command === "seed" ? prepareSeedKeyring() : null;
  if (keyringProblem) throw new MigrationError(keyringProblem);
  const database = await openDatabase(console.log);
  try {
    const migrator = new Migrator(database.url, undefined, console.log);
    switch (command) {
      case "up": {
        const applied = await migrator.up();
        if (!applied.length) console.log("database is up to date");
        break;
      }
      case "down": {
        const count = argument === "all" ? Infinity : Number(argument ?? 1);
        if (!Number.isInteger(count) && count !== Infinity) throw new MigrationError(`down takes a number or "all". ${USAGE}`);
        const reverted = await migrator.down(count);
        if (!reverted.length) console.log("nothing to revert");
        break;
      }
      case "status":
        for (const row of await migrator.status()) {
          console.log(`${row.state.padEnd(8)} ${row.name}${row.appliedAt ? `  (${row.appliedAt.toISOString()})` : ""}`);
        }
        break;
      case "force":
        if (!argument) throw new MigrationError(`force needs a NAME. ${USAGE}`);
        await migrator.force(argument);
        break;
      case "seed": {
        const at = args.indexOf("--events");
        const events = at >= 0 ? Number(args[at + 1]) : undefined;
        if (events !== undefined && !(Number.isInteger(events) && events >= 0)) throw new MigrationError("--events takes a whole number");
        await migrator.up();
        await seedDemoData(database.url, { events, log: console.log });
        break;
      }
    }
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof MigrationError ? `db: ${error.message}` : error);
  process.exit(1);
});
