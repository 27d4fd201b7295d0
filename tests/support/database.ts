import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";
import { createDatabase } from "../../lib/db/embedded";

/** The run's shared, migrated database. */
export const testDatabaseUrl = () => inject("databaseUrl");

/** An empty database of this test's own, for migrations run up and down. */
export const scratchDatabase = () => createDatabase(testDatabaseUrl());

export const testPrisma = () => createPrismaClient(testDatabaseUrl());

// 48 random bits: the whole run shares one database, and a few thousand slugs in 24 bits would collide now and then
export const uniqueSlug = (base: string) => `${base}-${randomBytes(6).toString("hex")}`;
