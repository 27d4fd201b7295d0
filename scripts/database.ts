// Where the scripts' database comes from: DATABASE_URL when set, else the console's embedded PostgreSQL, the
// one `npm start` runs if it is running (and then left running), else started for this command alone.
import { startPersistentDatabase, type RunningDatabase } from "../lib/db/embedded";

export async function openDatabase(log: (line: string) => void = () => {}): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const database = await startPersistentDatabase();
  const { port } = new URL(database.url);
  log(database.alreadyRunning
    ? `using the embedded PostgreSQL already running on port ${port} (data in ${database.dataDir}), which keeps running`
    : `started the embedded PostgreSQL on port ${port} (data in ${database.dataDir})`);
  process.env.DATABASE_URL = database.url;
  return database;
}
