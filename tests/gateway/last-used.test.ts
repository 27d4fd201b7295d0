// api_keys.last_used_at, written behind by the gateway: once for many verifications, by the timer and on close.
import { afterAll, describe, expect, it } from "vitest";
import { tenantFor } from "../support/actors";
import { closeAll, db, eventually, keyFor, startGateway, verify } from "./support";

afterAll(closeAll);

describe("last_used_at", () => {
  it("is written once, behind, for many verifications of one key", async () => {
    const { gateway: writer, url: writerUrl } = await startGateway({ lastUsedFlushMs: 60_000 });
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    const started = Date.now();

    for (let i = 0; i < 25; i++) await verify(writerUrl, key);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toBeNull();
    await writer.flushLastUsed();

    const used = (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(used!.getTime()).toBeGreaterThanOrEqual(started - 5);
    expect(writer.stats).toMatchObject({ lastUsedFlushes: 1, lastUsedRowsWritten: 1 });

    // used again within the minute: nothing to write
    for (let i = 0; i < 5; i++) await verify(writerUrl, key);
    await writer.flushLastUsed();
    expect(writer.stats).toMatchObject({ lastUsedFlushes: 2, lastUsedRowsWritten: 1 });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(used);
  });

  it("is written by the timer and on close, not for failures", async () => {
    const { gateway: timed, url: timedUrl } = await startGateway({ lastUsedFlushMs: 100 });
    const tenant = await tenantFor(db);
    const { key, row } = await keyFor(tenant.id);
    const revoked = await keyFor(tenant.id, { revokedAt: new Date() });
    await verify(timedUrl, key);
    await verify(timedUrl, revoked.key);
    await eventually(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt !== null);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: revoked.row.id } })).lastUsedAt).toBeNull();

    const { gateway: closing, url: closingUrl } = await startGateway({ lastUsedFlushMs: 60_000 });
    const other = await keyFor(tenant.id);
    await verify(closingUrl, other.key);
    await closing.close();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: other.row.id } })).lastUsedAt).not.toBeNull();
    void timed;
  });
});
