// The NOTIFY that tells every gateway instance's cache to drop a key, sent when its change commits.
import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { revokeApiKey, rollApiKey } from "../../lib/domain/keys/service";
import { CONFIG_EVENTS_CHANNEL } from "../../lib/db/config-events";
import { actorFor } from "../support/actors";
import { issued } from "../support/keys";
import { createKey, db, tenantWith } from "./key-support";

afterAll(() => db.$disconnect());

describe("the key-change channel", () => {
  /** A separate connection LISTENing on the channel; each message is kept with what that connection sees of the key on arrival. */
  async function listening(work: (received: () => { keyId: string; revokedAt: Date | null; rolledToId: string | null }[]) => Promise<void>) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const settled: { keyId: string; revokedAt: Date | null; rolledToId: string | null }[] = [];
    client.on("notification", (message) => {
      const payload = JSON.parse(message.payload ?? "{}") as { id?: string };
      if (message.channel !== CONFIG_EVENTS_CHANNEL || !payload.id) return;
      const keyId = payload.id;
      // queued on this connection behind nothing else: it reads the key as committed when the message came
      void client
        .query<{ revoked_at: Date | null; rolled_to_id: string | null }>("SELECT revoked_at, rolled_to_id FROM api_keys WHERE id = $1", [keyId])
        .then(({ rows }) => settled.push({ keyId, revokedAt: rows[0]?.revoked_at ?? null, rolledToId: rows[0]?.rolled_to_id ?? null }));
    });
    await client.query(`LISTEN ${CONFIG_EVENTS_CHANNEL}`);
    try {
      await work(() => settled);
    } finally {
      await client.end();
    }
  }

  /** Waits until a message about `keyId` has arrived (messages arrive in commit order, so earlier ones are in too). */
  async function arrival(received: () => { keyId: string }[], keyId: string) {
    await vi.waitFor(() => expect(received().map((m) => m.keyId)).toContain(keyId), { timeout: 5_000, interval: 20 });
  }

  it("sends { keyId } when a revoke commits, and nothing when a revoke is refused", async () => {
    const { tenant, actor: owner } = await tenantWith("owner");
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const key = await createKey(owner, tenant.id, { name: "Revoked" });
    const sentinel = await createKey(owner, tenant.id, { name: "Sentinel" });

    await listening(async (received) => {
      const mine = () => received().filter((m) => m.keyId === key.id || m.keyId === sentinel.id);
      expect(await revokeApiKey(viewer, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "forbidden" });
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: true });
      await arrival(received, key.id);
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: key.id })).toMatchObject({ ok: false, kind: "conflict" });
      expect(await revokeApiKey(owner, { tenantId: tenant.id, keyId: sentinel.id })).toMatchObject({ ok: true });
      await arrival(received, sentinel.id);

      // one message per committed revoke, none for the refused ones; each sees its revoke already committed
      expect(mine().map((m) => m.keyId)).toEqual([key.id, sentinel.id]);
      for (const message of mine()) expect(message.revokedAt).toBeInstanceOf(Date);
    });
  });

  it("sends the old key's id when a key is rolled", async () => {
    const { tenant, actor } = await tenantWith("owner");
    const old = await createKey(actor, tenant.id);
    await listening(async (received) => {
      const successor = await issued(rollApiKey(actor, { tenantId: tenant.id, keyId: old.id, grace: "1h" }));
      await arrival(received, old.id);
      expect(received().filter((m) => m.keyId === old.id)).toEqual([{ keyId: old.id, revokedAt: null, rolledToId: successor.id }]);
    });
  });
});
