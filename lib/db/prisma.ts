// Builds a Prisma client on the pg driver adapter. Scripts (seed, jobs) call this directly; the app's shared
// instance is lib/db/client.ts, which adds `server-only`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function createPrismaClient(connectionString = requireDatabaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`, which provides one.");
  return url;
}

export type { PrismaClient };
