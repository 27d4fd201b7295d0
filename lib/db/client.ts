import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma";

// One client per server process, kept on globalThis so dev-mode reloads do not open a new pool each time.
// Created on first use, not at import: `next build` imports this module without a database to reach.
const globalForPrisma = globalThis as unknown as { gatehousePrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.gatehousePrisma ??= createPrismaClient());
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

/** Whether the database answers, for health checks. */
export async function databaseIsReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
