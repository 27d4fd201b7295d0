import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";
import { createDatabase } from "../../lib/db/embedded";

/** The run's shared, migrated database. */
export const testDatabaseUrl = () => inject("databaseUrl");

/** An empty database of this test's own, for migrations run up and down. */
export const scratchDatabase = () => createDatabase(testDatabaseUrl());

export const testPrisma = () => createPrismaClient(testDatabaseUrl());

export const uniqueSlug = (base: string) => `${base}-${randomBytes(3).toString("hex")}`;
