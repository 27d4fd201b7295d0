// Property test: after a random mix of batches (duplicates within and across batches, invalid events, several
// tenants, keys, models with and without prices, requested models or none, features, teams and complexities), the
// incrementally kept rollups equal a recomputation from the raw events, every column, histogram included.
import { afterAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../../lib/domain/usage/ingest";
import { testPrisma } from "../support/database";
import { isoDay } from "../support/time";
import { DAY, event, price, rebuiltRollupsOf, rollupsOf, uniqueModel, usageTenant } from "./fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("incremental rollups", () => {
  it.each([1, 2])("equal a rebuild from raw events after ~20 random batches (seed %i)", async (seed) => {
    const random = prng(seed);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const tenants = [await usageTenant(db, { keys: 2 }), await usageTenant(db, { keys: 3 }), await usageTenant(db, { keys: 1 })];
    const models = [uniqueModel(), uniqueModel(), uniqueModel("unpriced")];
    const today = Math.floor(Date.now() / DAY) * DAY;
    await price(db, models[0], isoDay(today - 30 * DAY), "0.002500", "0.010000");
    await price(db, models[0], isoDay(today - 2 * DAY), "0.001250", "0.005000");
    await price(db, models[1], isoDay(today - 30 * DAY), "0.000150", "0.000600");

    const sent: ReturnType<typeof event>[] = [];
    let accepted = 0;
    for (let b = 0; b < 20; b++) {
      const events: unknown[] = [];
      for (let i = 0, n = 1 + Math.floor(random() * 120); i < n; i++) {
        const r = random();
        if (r < 0.08 && sent.length) { events.push(pick(sent)); continue; } // resent
        if (r < 0.12) { events.push(event(pick(tenants).tenant.id, { inputTokens: -5 })); continue; } // invalid
        const { tenant, keys } = pick(tenants);
        const e = event(tenant.id, {
          apiKeyId: random() < 0.2 ? undefined : pick(keys).id,
          occurredAt: new Date(Date.now() - random() * 5 * DAY).toISOString(),
          model: pick(models), requestedModel: pick([undefined, null, "gpt-4o", models[0]]),
          feature: pick(["chat", "search", null]), team: pick(["red", "blue", null, null]),
          complexity: pick([undefined, null, "low", "medium", "high"]),
          inputTokens: Math.floor(random() * 5000), outputTokens: Math.floor(random() * 2000),
          latencyMs: Math.floor(random() * random() * 12_000), status: pick([200, 200, 200, 200, 429, 500]),
        });
        sent.push(e);
        events.push(e);
        if (random() < 0.05) events.push(e); // twice in one batch
      }
      accepted += (await ingestUsage(db, { events })).accepted;
    }

    const ids = tenants.map((t) => t.tenant.id);
    expect(await db.usageEvent.count({ where: { tenantId: { in: ids } } })).toBe(accepted);
    expect(accepted).toBe(new Set(sent.map((e) => e.requestId)).size);
    const rollups = await rollupsOf(db, ids);
    expect(rollups.hourly.length).toBeGreaterThan(50);
    expect(rollups.routing.length).toBeGreaterThan(50);
    expect(rollups).toEqual(await rebuiltRollupsOf(db, ids));
  });
});
