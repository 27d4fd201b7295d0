// Encryption-key rotation on real PostgreSQL: provider keys and webhook secrets of several tenants re-encrypted
// from version 1 to 2 and still opening to the same plaintext, one audit event per batch with no secret in it, a
// crash halfway that a second run finishes, an idempotent run after, the gateway's NOTIFY, a row held locked, a
// row that does not open and a keyring older than the rows.
// Every run is narrowed to this file's tenants: other files share the database, their rows sealed under keyrings
// of their own (tests/support/env.ts), which this file's keyring cannot open.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_EVENTS_CHANNEL, parseConfigEvent, type ConfigEvent } from "@/lib/db/config-events";
import { rotateSecrets, RotationError, type RotatedBatch, type RotationOptions } from "@/lib/crypto/rotate";
import { newEncryptionKeyring, open, seal } from "@/lib/crypto/secret-box";
import { tenantFor } from "../support/actors";
import { testDatabaseUrl, testPrisma } from "../support/database";

const db = testPrisma();
afterAll(() => db.$disconnect());

const V1 = newEncryptionKeyring();
const V2 = `2:${randomBytes(32).toString("base64")}`;
const BOTH = `${V1},${V2}`;
const useKeyring = (ring: string) => { process.env.GATEHOUSE_ENCRYPTION_KEYS = ring; };
beforeEach(() => useKeyring(V1));

const PROVIDERS = ["openai", "anthropic", "mistral"];

/** Tenants with `providers` provider keys and `webhooks` webhook secrets each, all sealed under the ring in use. */
async function world({ tenants = 2, providers = 3, webhooks = 2 } = {}) {
  const plaintexts = new Map<string, string>();
  const tenantIds: string[] = [];
  for (let t = 0; t < tenants; t++) {
    const { id: tenantId } = await tenantFor(db);
    tenantIds.push(tenantId);
    for (const provider of PROVIDERS.slice(0, providers)) {
      const apiKey = `sk-${provider}-${randomBytes(8).toString("hex")}`;
      const { ciphertext, keyVersion } = seal(apiKey);
      const row = await db.providerConfig.create({ data: { tenantId, provider, encryptedApiKey: ciphertext, keyVersion, keyLast4: apiKey.slice(-4) } });
      plaintexts.set(row.id, apiKey);
    }
    for (let w = 0; w < webhooks; w++) {
      const secret = `whsec_${randomBytes(16).toString("base64")}`;
      const { ciphertext, keyVersion } = seal(secret);
      const row = await db.webhook.create({ data: { tenantId, name: `hook ${w}`, url: "https://hooks.example.test/in", encryptedSecret: ciphertext, keyVersion } });
      plaintexts.set(row.id, secret);
    }
  }
  const rows = async () => [
    ...(await db.providerConfig.findMany({ where: { tenantId: { in: tenantIds } }, orderBy: { id: "asc" } }))
      .map((row) => ({ table: "provider_configs", id: row.id, tenantId: row.tenantId, ciphertext: row.encryptedApiKey, keyVersion: row.keyVersion })),
    ...(await db.webhook.findMany({ where: { tenantId: { in: tenantIds } }, orderBy: { id: "asc" } }))
      .map((row) => ({ table: "webhooks", id: row.id, tenantId: row.tenantId, ciphertext: row.encryptedSecret, keyVersion: row.keyVersion })),
  ];
  const rotate = (options: RotationOptions = {}) => rotateSecrets(db, { tenantIds, ...options });
  return { tenantIds, plaintexts, rows, rotate };
}

/** The keyring.rotated events written after `cursor` (only this file writes that event). */
const auditCursor = async () => (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
const rotationEventsAfter = (cursor: bigint) => db.auditLog.findMany({ where: { action: "keyring.rotated", id: { gt: cursor } }, orderBy: { id: "asc" } });

describe("rotating the encryption keyring", () => {
  it("re-encrypts every provider key and webhook secret of several tenants under the newest version, opening to the same plaintext", async () => {
    const { plaintexts, rows, rotate } = await world();
    const before = await rows();
    useKeyring(BOTH);
    const cursor = await auditCursor();
    const batches: RotatedBatch[] = [];

    expect(await rotate({ batchSize: 4, onBatch: (batch) => { batches.push(batch); } }))
      .toEqual({ providerKeys: 6, webhookSecrets: 4, batches: 3, toVersion: 2, locked: [] });
    expect(batches).toEqual([
      { table: "provider_configs", count: 4, fromVersions: [1], toVersion: 2 },
      { table: "provider_configs", count: 2, fromVersions: [1], toVersion: 2 },
      { table: "webhooks", count: 4, fromVersions: [1], toVersion: 2 },
    ]);
    const after = await rows();
    expect(after.map((row) => row.keyVersion)).toEqual(after.map(() => 2));
    for (const row of after) {
      expect(Buffer.from(row.ciphertext).equals(Buffer.from(before.find(({ id }) => id === row.id)!.ciphertext))).toBe(false);
    }
    // done means the old version can go: the newest alone opens every row
    useKeyring(V2);
    for (const row of after) expect(open(row)).toBe(plaintexts.get(row.id));

    const events = await rotationEventsAfter(cursor);
    expect(events.map(({ metadata }) => metadata)).toEqual(batches.map((batch) => ({ ...batch })));
    for (const event of events) {
      expect(event).toMatchObject({ action: "keyring.rotated", tenantId: null, actorType: "system", targetType: "keyring", isFailure: false });
    }
    const written = JSON.stringify(events, (_, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    for (const secret of plaintexts.values()) expect(written).not.toContain(secret);
    for (const row of [...before, ...after]) {
      for (const encoding of ["base64", "hex"] as const) expect(written).not.toContain(Buffer.from(row.ciphertext).toString(encoding));
    }
  });

  it("survives a crash halfway: the batches done stay at the new version, all still open, and a second run finishes", async () => {
    const { plaintexts, rows, rotate } = await world({ tenants: 2, providers: 3, webhooks: 1 });
    useKeyring(BOTH);
    const crash = new Error("killed after the first batch");
    await expect(rotate({ batchSize: 2, onBatch: () => { throw crash; } })).rejects.toBe(crash);

    const halfway = await rows();
    expect(halfway.filter((row) => row.keyVersion === 2).map((row) => row.table)).toEqual(["provider_configs", "provider_configs"]);
    expect(halfway.filter((row) => row.keyVersion === 1)).toHaveLength(4 + 2);
    for (const row of halfway) expect(open(row)).toBe(plaintexts.get(row.id));

    expect(await rotate({ batchSize: 2 })).toEqual({ providerKeys: 4, webhookSecrets: 2, batches: 3, toVersion: 2, locked: [] });
    const done = await rows();
    expect(done.map((row) => row.keyVersion)).toEqual(done.map(() => 2));
    for (const row of done) expect(open(row)).toBe(plaintexts.get(row.id));
  });

  it("changes nothing and writes no audit event when every row is already at the newest version", async () => {
    const { rows, rotate } = await world({ tenants: 1 });
    useKeyring(BOTH);
    await rotate();
    const rotated = await rows();
    const cursor = await auditCursor();

    expect(await rotate()).toEqual({ providerKeys: 0, webhookSecrets: 0, batches: 0, toVersion: 2, locked: [] });
    expect(await rows()).toEqual(rotated);
    expect(await rotationEventsAfter(cursor)).toEqual([]);
    // nor with a keyring of one version, which no row is below
    useKeyring(V1);
    const { rotate: rotateFresh } = await world({ tenants: 1 });
    expect(await rotateFresh()).toEqual({ providerKeys: 0, webhookSecrets: 0, batches: 0, toVersion: 1, locked: [] });
    expect(await rotationEventsAfter(cursor)).toEqual([]);
  });

  it("tells the gateway once per tenant of each batch that rotated provider keys, and not for webhook secrets alone", async () => {
    const providerTenants = await world({ tenants: 2, providers: 2, webhooks: 0 });
    const webhookTenant = await world({ tenants: 1, providers: 0, webhooks: 2 });
    const ours = new Set([...providerTenants.tenantIds, ...webhookTenant.tenantIds]);
    const listener = new pg.Client({ connectionString: testDatabaseUrl() });
    await listener.connect();
    const events: ConfigEvent[] = [];
    let markerSeen = false;
    listener.on("notification", ({ channel, payload }) => {
      if (channel !== CONFIG_EVENTS_CHANNEL) return;
      if (payload === "marker") markerSeen = true;
      const event = parseConfigEvent(payload);
      if (event && ours.has(event.tenantId)) events.push(event);
    });
    try {
      await listener.query(`LISTEN ${CONFIG_EVENTS_CHANNEL}`);
      useKeyring(BOTH);
      await rotateSecrets(db, { tenantIds: [...ours] });
      // notifications arrive in commit order: once a marker sent after the run is in, so is all the run sent
      await listener.query(`NOTIFY ${CONFIG_EVENTS_CHANNEL}, 'marker'`);
      await until(() => markerSeen);
      expect(events.sort((a, b) => a.tenantId.localeCompare(b.tenantId)))
        .toEqual([...providerTenants.tenantIds].sort().map((tenantId) => ({ kind: "routing", tenantId, id: null })));
    } finally {
      await listener.end();
    }
  });

  it("passes over a row another transaction holds, waits for it a bounded time, and leaves it to the next run", async () => {
    const { rows, rotate } = await world({ tenants: 1, providers: 3, webhooks: 1 });
    const [held] = await rows();
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT 1 FROM provider_configs WHERE id = $1 FOR UPDATE", [held!.id]);
      useKeyring(BOTH);
      const started = Date.now();
      expect(await rotate({ lockTimeoutMs: 300 }))
        .toEqual({ providerKeys: 2, webhookSecrets: 1, batches: 2, toVersion: 2, locked: [{ table: "provider_configs", id: held!.id }] });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await rows()).filter((row) => row.keyVersion === 1).map((row) => row.id)).toEqual([held!.id]);
      await locker.query("ROLLBACK");
      expect(await rotate()).toMatchObject({ providerKeys: 1, webhookSecrets: 0, batches: 1, locked: [] });
    } finally {
      await locker.end();
    }
  });

  it("waits for a row held only briefly and rotates it in the same run", async () => {
    const { rows, rotate } = await world({ tenants: 1, providers: 2, webhooks: 0 });
    const [held] = await rows();
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT 1 FROM provider_configs WHERE id = $1 FOR UPDATE", [held!.id]);
      useKeyring(BOTH);
      // released while the run goes on to wait for it (or, on a slow machine, before: the next pass takes it then)
      let released: Promise<unknown> | undefined;
      const releaseSoon = () => { released ??= new Promise((done) => setTimeout(done, 200)).then(() => locker.query("COMMIT")); };
      expect(await rotate({ lockTimeoutMs: 10_000, onBatch: releaseSoon }))
        .toEqual({ providerKeys: 2, webhookSecrets: 0, batches: 2, toVersion: 2, locked: [] });
      await released;
    } finally {
      await locker.end();
    }
  });

  it("stops at a row that does not open, naming its table and id and never its secret, its batch unchanged", async () => {
    const { tenantIds, rows, rotate } = await world({ tenants: 1, providers: 2, webhooks: 0 });
    useKeyring(newEncryptionKeyring()); // another keyring's version 1: this one's version 1 cannot open it
    const foreign = await db.providerConfig.create({
      data: { tenantId: tenantIds[0]!, provider: "groq", encryptedApiKey: seal("sk-foreign-secret-key").ciphertext, keyVersion: 1, keyLast4: "-key" },
    });
    const before = await rows();
    useKeyring(BOTH);

    const run = rotate();
    await expect(run).rejects.toBeInstanceOf(RotationError);
    await expect(run).rejects.toThrow(`provider_configs row ${foreign.id} does not open under key version 1`);
    await expect(run).rejects.not.toThrow("sk-foreign");
    expect(await rows()).toEqual(before);
  });

  it("refuses a keyring older than the rows, which would report done short of the console's newest version", async () => {
    useKeyring(BOTH);
    const { rows, rotate } = await world({ tenants: 1, providers: 1, webhooks: 1 });
    const before = await rows();
    useKeyring(V1);
    await expect(rotate()).rejects.toThrow("2 secrets are under a key version newer than 1, the newest of this GATEHOUSE_ENCRYPTION_KEYS");
    expect(await rows()).toEqual(before);
  });
});

async function until(check: () => boolean, withinMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`still not true after ${withinMs} ms`);
    await new Promise((done) => setTimeout(done, 10));
  }
}
