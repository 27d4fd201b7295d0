// Where the scripts' database comes from: DATABASE_URL when set, else the console's embedded PostgreSQL.
import { startPersistentDatabase, type RunningDatabase } from "../lib/db/embedded";

export async function openDatabase(log: (line: string) => void = () => {}): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  log("starting the embedded PostgreSQL (data in .data/postgres)…");
  const database = await startPersistentDatabase();
  process.env.DATABASE_URL = database.url;
  return database;
}
