import pg from "pg";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A plain pg client on `url`, closed after `work`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const onServer = <T>(url: string, work: (client: pg.Client) => Promise<T>) =>
  withClient(withDatabaseName(url, "postgres"), work);

/** Creates an empty database beside the one at `url` and returns its URL. */
export async function createDatabase(url: string): Promise<string> {
  const name = `gatehouse_test_${randomBytes(5).toString("hex")}`;
  await onServer(url, (client) => client.query(`CREATE DATABASE ${name}`));
  return withDatabaseName(url, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The run's shared, migrated database. */
export const testDatabaseUrl = () => inject("databaseUrl");

/** An empty database of this test's own, for migrations run up and down. */
export const scratchDatabase = () => createDatabase(testDatabaseUrl());

export const testPrisma = () => createPrismaClient(testDatabaseUrl());

export const uniqueSlug = (base: string) => `${base}-${randomBytes(3).toString("hex")}`;
