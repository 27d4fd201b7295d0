// npm run secrets -- rotate [--batch-size N]   re-encrypt every provider key and webhook secret under the newest
//                                             version of GATEHOUSE_ENCRYPTION_KEYS (lib/crypto/rotate.ts)
// Run with node's react-server condition (see package.json), like `npm run audit`: lib/ marks its modules
// `server-only`. Exits 2 on a usage error, 1 when a row does not open or rows held locked are left for another run.
import { CONSOLE_VARIABLES, environmentProblems } from "../lib/env-variables";
import { decideMode } from "../lib/mode";
import { openDatabase } from "./database";
import { loadLocalSecrets } from "./local-env";

const USAGE = "usage: npm run secrets -- rotate [--batch-size N]";
const MAX_BATCH_SIZE = 10_000;

class UsageError extends Error {}
/** An expected failure: its message is all there is to say (no stack trace). */
class CommandError extends Error {}

function batchSizeOf(args: string[]): number | undefined {
  const [flag, value, ...rest] = args;
  if (flag === undefined) return undefined;
  if (flag !== "--batch-size") throw new UsageError(`unknown option ${flag}. ${USAGE}`);
  if (rest.length) throw new UsageError(`unexpected ${rest.join(" ")}. ${USAGE}`);
  const size = Number(value);
  if (!/^\d+$/.test(value ?? "") || size < 1 || size > MAX_BATCH_SIZE) {
    throw new UsageError(`--batch-size takes a whole number from 1 to ${MAX_BATCH_SIZE}. ${USAGE}`);
  }
  return size;
}

/**
 * Readies the console's keyring, as `npm run db -- seed` does: in the local demo this machine's (.data/local.env,
 * unless the environment sets one), else GATEHOUSE_ENCRYPTION_KEYS from the environment. Before openDatabase,
 * which sets DATABASE_URL for the embedded database and so would hide the local demo.
 */
function prepareKeyring(): void {
  const mode = decideMode(process.env);
  if ("refused" in mode) throw new CommandError(mode.refused);
  if (mode.localDemo) loadLocalSecrets();
  const [problem] = environmentProblems({ GATEHOUSE_ENCRYPTION_KEYS: CONSOLE_VARIABLES.GATEHOUSE_ENCRYPTION_KEYS }, process.env);
  if (problem !== undefined) throw new CommandError(`${problem}. Rotation needs the console's keyring, with the new version added.`);
}

const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;

async function rotate(batchSize: number | undefined): Promise<number> {
  const { db } = await import("../lib/db/client");
  const { rotateSecrets, RotationError } = await import("../lib/crypto/rotate");
  const done = { provider_configs: 0, webhooks: 0 };
  try {
    const result = await rotateSecrets(db, {
      batchSize,
      onBatch: ({ table, count, fromVersions, toVersion }) => {
        done[table] += count;
        console.log(`${table}: ${count} re-encrypted from version ${fromVersions.join(", ")} to ${toVersion} (${done[table]} so far)`);
      },
    });
    const { providerKeys, webhookSecrets, batches, toVersion, locked } = result;
    if (locked.length) {
      for (const { table, id } of locked) console.log(`${table} row ${id}: held locked by another transaction, left as it was`);
      console.log(`rotation unfinished: ${plural(providerKeys, "provider key")} and ${plural(webhookSecrets, "webhook secret")} re-encrypted under key version ${toVersion}, `
        + `${plural(locked.length, "row")} still under an older version: run it again, and keep the older versions until it reports done`);
      return 1;
    }
    if (providerKeys + webhookSecrets === 0) {
      console.log(`nothing to rotate: every provider key and webhook secret is under key version ${toVersion}, the newest in GATEHOUSE_ENCRYPTION_KEYS`);
    } else {
      console.log(`rotation done: ${plural(providerKeys, "provider key")} and ${plural(webhookSecrets, "webhook secret")} re-encrypted under key version ${toVersion} `
        + `in ${plural(batches, "batch", "batches")}; every secret is under it now, so the older versions can leave GATEHOUSE_ENCRYPTION_KEYS`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RotationError) throw new CommandError(`${error.message} (this run: ${plural(done.provider_configs, "provider key")} and ${plural(done.webhooks, "webhook secret")})`);
    throw error;
  }
}

async function main([command, ...args]: string[]): Promise<number> {
  if (command !== "rotate") throw new UsageError(command === undefined ? USAGE : `unknown command ${command}. ${USAGE}`);
  const batchSize = batchSizeOf(args);
  prepareKeyring();
  const database = await openDatabase(console.log);
  const { db } = await import("../lib/db/client");
  try {
    return await rotate(batchSize);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof UsageError) console.error(`secrets: ${error.message}`);
  else console.error(error instanceof CommandError ? `secrets: ${error.message}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
