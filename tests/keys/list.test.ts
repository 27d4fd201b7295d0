// The keys list: statuses, the status filter, search, pages, requests over 14 days from the daily rollup, and who
// may read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { apiKeyStatus, listApiKeys, API_KEY_STATUSES, EXPIRING_WITHIN_MS, KEY_PAGE_SIZE, type ApiKeyStatus } from "../../lib/domain/keys/queries";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { keyRowFor, UNVERIFIABLE_KEY_HASH } from "../support/keys";
import { DAY_MS as DAY, HOUR_MS as HOUR } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);
/** The UTC date `days` before today, as usage_daily.day holds it. */
const utcDay = (days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));

const token = () => randomBytes(4).toString("hex");

let tenantId: string;
let owner: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const tenant = await tenantFor(db);
  tenantId = tenant.id;
  owner = await actorFor(db, { roles: { [tenantId]: "owner" } });
  const key = async (name: string, data: { createdAt: Date; expiresAt?: Date; revokedAt?: Date; rolledToId?: string }) => {
    const row = await keyRowFor(db, tenantId, { name, scopes: ["proxy"], createdById: owner.id, ...data });
    ids[name] = row.id;
  };
  // created oldest first; the list shows keys in force first, then the newest
  await key("Revoked", { createdAt: ago(40 * DAY), revokedAt: ago(2 * DAY) });
  await key("Expired", { createdAt: ago(30 * DAY), expiresAt: ago(DAY) });
  await key("Forever", { createdAt: ago(20 * DAY) });
  await key("Expiring", { createdAt: ago(10 * DAY), expiresAt: ahead(3 * DAY) });
  await key("Later", { createdAt: ago(5 * DAY), expiresAt: ahead(30 * DAY) });
  await key("Successor", { createdAt: ago(HOUR) });
  await key("Rolled", { createdAt: ago(50 * DAY), expiresAt: ahead(HOUR), rolledToId: ids.Successor });
  await db.apiKey.update({ where: { id: ids.Forever }, data: { lastUsedAt: ago(HOUR) } });

  const usage = (apiKeyId: string | null, day: Date, requests: number, model = "gpt-4o", forTenant = tenantId) =>
    db.usageDaily.create({ data: { tenantId: forTenant, apiKeyId, day, provider: "openai", model, requests: BigInt(requests) } });
  await usage(ids.Forever, utcDay(0), 10);
  await usage(ids.Forever, utcDay(0), 5, "gpt-4o-mini");
  await usage(ids.Forever, utcDay(13), 100);
  await usage(ids.Forever, utcDay(14), 1_000);
  await usage(ids.Forever, utcDay(20), 10_000);
  await usage(ids.Rolled, utcDay(1), 7);
  await usage(null, utcDay(0), 50_000);
  // another tenant's key, with usage in the window
  const other = await tenantFor(db);
  const otherKey = await keyRowFor(db, other.id, { name: "Theirs" });
  await usage(otherKey.id, utcDay(0), 70_000, "gpt-4o", other.id);
});

const names = (list: { name: string }[]) => list.map((k) => k.name);

describe("listing keys", () => {
  it("gives each key its status, a rolled key in its grace period as expiring, in force first and then the newest", async () => {
    const list = (await listApiKeys(owner, tenantId, { now })).keys;
    expect(list.map((k) => [k.name, k.status])).toEqual([
      ["Successor", "active"],
      ["Later", "active"],
      ["Expiring", "expiring"],
      ["Forever", "active"],
      ["Rolled", "expiring"],
      ["Expired", "expired"],
      ["Revoked", "revoked"],
    ]);
  });

  it("shows what the table needs, and never a hash", async () => {
    const list = (await listApiKeys(owner, tenantId, { now })).keys;
    const rolled = list.find((k) => k.name === "Rolled")!;
    const forever = list.find((k) => k.name === "Forever")!;
    expect(rolled).toMatchObject({
      id: ids.Rolled, scopes: ["proxy"], createdBy: owner.name, lastUsedAt: null,
      visiblePrefix: expect.stringMatching(/^gth_[0-9a-f]{8}_…$/),
      rolledTo: { id: ids.Successor, name: "Successor", visiblePrefix: list.find((k) => k.name === "Successor")!.visiblePrefix },
    });
    expect(forever).toMatchObject({ rolledTo: null, expiresAt: null, lastUsedAt: ago(HOUR), visiblePrefix: `gth_${forever.prefix}_…` });
    expect(JSON.stringify(list, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain("$argon2id$");
  });

  it("sums each key's requests over today and the 13 days before, from the daily rollup", async () => {
    const list = (await listApiKeys(owner, tenantId, { now })).keys;
    const requests = Object.fromEntries(list.map((k) => [k.name, k.requests14d]));
    expect(requests).toEqual({ Forever: 115, Rolled: 7, Successor: 0, Later: 0, Expiring: 0, Expired: 0, Revoked: 0 });
  });

  it.each([
    ["active", ["Successor", "Later", "Forever"]],
    ["expiring", ["Expiring", "Rolled"]],
    ["expired", ["Expired"]],
    ["revoked", ["Revoked"]],
  ] as [ApiKeyStatus, string[]][])("filters by status %s in the database", async (status, expected) => {
    const list = (await listApiKeys(owner, tenantId, { status, now })).keys;
    expect(names(list)).toEqual(expected);
    expect(list.every((k) => k.status === status)).toBe(true);
  });

  it("lets viewers and support staff read the list; sales staff and outsiders get nothing", async () => {
    const all = names((await listApiKeys(owner, tenantId, { now })).keys);
    const viewer = await actorFor(db, { roles: { [tenantId]: "viewer" } });
    const member = await actorFor(db, { roles: { [tenantId]: "member" } });
    expect(names((await listApiKeys(viewer, tenantId, { now })).keys)).toEqual(all);
    expect(names((await listApiKeys(member, tenantId, { now })).keys)).toEqual(all);
    expect(names((await listApiKeys(await actorFor(db, { staffRole: "support" }), tenantId, { now })).keys)).toEqual(all);
    expect((await listApiKeys(await actorFor(db, { staffRole: "sales" }), tenantId, { now })).keys).toEqual([]);
    const outsider = await actorFor(db, { roles: { [(await tenantFor(db)).id]: "owner" } });
    expect((await listApiKeys(outsider, tenantId, { now })).keys).toEqual([]);
    expect((await listApiKeys(outsider, tenantId, { status: "active", now })).keys).toEqual([]);
  });
});

describe("searching and paging keys", () => {
  it("finds keys by part of the name, case-insensitively, or by the key's start as shown or pasted", async () => {
    const forever = (await listApiKeys(owner, tenantId, { q: "forever", now })).keys;
    expect(names(forever)).toEqual(["Forever"]);
    const { prefix } = forever[0];
    for (const q of [`gth_${prefix}_…`, `gth_${prefix.slice(0, 4)}`, `gth_${prefix}_secretpartofthekey`]) {
      expect(names((await listApiKeys(owner, tenantId, { q, now })).keys), q).toEqual(["Forever"]);
    }
    expect(names((await listApiKeys(owner, tenantId, { q: "E", status: "expired", now })).keys)).toEqual(["Expired"]);
    // LIKE's wildcards are only themselves
    expect((await listApiKeys(owner, tenantId, { q: "%", now })).total).toBe(0);
    expect((await listApiKeys(owner, tenantId, { q: "gth_", now })).keys).toHaveLength(0);
  });

  it("pages the list on the server, in a stable order, with the count of every match", async () => {
    const tenant = await tenantFor(db);
    const reader = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const total = KEY_PAGE_SIZE + 7;
    await db.apiKey.createMany({
      data: Array.from({ length: total }, (_, i) => ({ tenantId: tenant.id, name: `bulk ${i}`, prefix: token(), hash: UNVERIFIABLE_KEY_HASH, createdAt: ago(i * HOUR) })),
    });
    const first = await listApiKeys(reader, tenant.id, { now });
    const second = await listApiKeys(reader, tenant.id, { page: 2, now });
    expect([first.total, first.pageCount, first.keys.length, second.keys.length]).toEqual([total, 2, KEY_PAGE_SIZE, 7]);
    expect(new Set([...names(first.keys), ...names(second.keys)]).size).toBe(total);
    expect(first.keys[0].name).toBe("bulk 0");
    // a page past the last (a stale link, an edited URL) is the last
    const past = await listApiKeys(reader, tenant.id, { page: 3, now });
    expect([past.page, names(past.keys)]).toEqual([2, names(second.keys)]);
  });
});

describe("apiKeyStatus", () => {
  it.each([
    ["revoked, whatever its expiry", { revokedAt: ago(1), expiresAt: ahead(DAY) }, "revoked"],
    ["expiring exactly now", { revokedAt: null, expiresAt: now }, "expired"],
    ["expiring a millisecond from now", { revokedAt: null, expiresAt: ahead(1) }, "expiring"],
    ["expiring in exactly 7 days", { revokedAt: null, expiresAt: ahead(EXPIRING_WITHIN_MS) }, "expiring"],
    ["expiring in 7 days and a millisecond", { revokedAt: null, expiresAt: ahead(EXPIRING_WITHIN_MS + 1) }, "active"],
    ["never expiring", { revokedAt: null, expiresAt: null }, "active"],
  ] as const)("calls a key %s %s", (_, key, status) => {
    expect(apiKeyStatus(key, now)).toBe(status);
  });

  it("agrees with the database's filter at the boundaries", async () => {
    const tenant = await tenantFor(db);
    const reader = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const boundaries = [now, ahead(1), ahead(EXPIRING_WITHIN_MS), ahead(EXPIRING_WITHIN_MS + 1), null];
    for (const [i, expiresAt] of boundaries.entries()) {
      await keyRowFor(db, tenant.id, { name: `k${i}`, expiresAt });
    }
    const all = (await listApiKeys(reader, tenant.id, { now })).keys;
    for (const status of API_KEY_STATUSES) {
      const filtered = (await listApiKeys(reader, tenant.id, { status, now })).keys;
      expect(names(filtered).sort(), status).toEqual(names(all.filter((k) => apiKeyStatus(k, now) === status)).sort());
    }
  });
});
