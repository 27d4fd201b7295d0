// Tenants, keys, prices and events for the usage tests, in the shared test database. Prices use model names of
// their own so that test files running at once never see each other's price history.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/db/prisma";
import { REBUILD_ROLLUPS_SQL } from "../../lib/domain/usage/rollups";
import { tenantFor } from "../support/actors";
import { keyRowFor } from "../support/keys";

import { DAY_MS as DAY, HOUR_MS as HOUR } from "../support/time";

export { DAY, HOUR };

/** A tenant with `keys` API keys (named "key 0", "key 1", …). */
export async function usageTenant(db: PrismaClient, { keys = 1, ...data }: { keys?: number } & Parameters<typeof tenantFor>[1] = {}) {
  const tenant = await tenantFor(db, data);
  const apiKeys = [];
  for (let i = 0; i < keys; i++) {
    apiKeys.push(await keyRowFor(db, tenant.id, { name: `key ${i}` }));
  }
  return { tenant, keys: apiKeys };
}

export const uniqueModel = (base = "model") => `${base}-${randomBytes(4).toString("hex")}`;

export async function price(db: PrismaClient, model: string, effectiveDate: string, input: string, output: string, provider = "testai") {
  await db.modelPrice.create({ data: { provider, model, effectiveDate: new Date(effectiveDate), inputCostPer1k: input, outputCostPer1k: output } });
}

let sequence = 0;
/** A valid event of `tenantId`, one hour ago unless told otherwise. */
export function event(tenantId: string, overrides: Record<string, unknown> = {}) {
  return {
    tenantId, requestId: `req-${process.pid}-${++sequence}-${randomBytes(3).toString("hex")}`,
    occurredAt: new Date(Date.now() - HOUR).toISOString(), provider: "testai", model: "unpriced-model",
    inputTokens: 100, outputTokens: 50, latencyMs: 120, status: 200, ...overrides,
  };
}

type Reader = Pick<PrismaClient, "$queryRawUnsafe">;

/** Every column (but the id and updated_at) of the tenants' rows of each rollup, in a stable order, as comparable text. */
export async function rollupsOf(db: Reader, tenantIds: string[]) {
  // ordered by every column: the key's come first, and they are unique
  const read = (table: string, columns: string[]) => db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT ${columns.map((column) => `${column}::text`).join(", ")} FROM ${table} WHERE tenant_id = ANY($1::uuid[])
     ORDER BY ${columns.map((_, i) => `${i + 1} NULLS FIRST`).join(", ")}`, tenantIds);
  const sums = ["requests", "input_tokens", "output_tokens", "cost_usd", "unpriced_requests"];
  const traffic = (bucket: string) => [
    "tenant_id", bucket, "api_key_id", "provider", "model", "feature", "team", ...sums, "errors", "latency_ms_sum", "latency_histogram",
  ];
  return {
    hourly: await read("usage_hourly", traffic("hour")),
    daily: await read("usage_daily", traffic("day")),
    routing: await read("usage_routing_daily", ["tenant_id", "day", "requested_model", "feature", "team", "complexity", ...sums]),
  };
}

class RolledBack extends Error {}

/** What the rollups of `tenantIds` would be if rebuilt from their raw events now (the rebuild is rolled back). */
export async function rebuiltRollupsOf(db: PrismaClient, tenantIds: string[]) {
  let rebuilt: Awaited<ReturnType<typeof rollupsOf>> | undefined;
  await db.$transaction(async (tx) => {
    for (const statement of REBUILD_ROLLUPS_SQL) await tx.$executeRawUnsafe(statement, tenantIds);
    rebuilt = await rollupsOf(tx, tenantIds);
    throw new RolledBack();
  }, { timeout: 60_000 }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  return rebuilt!;
}
