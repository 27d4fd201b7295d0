import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterAccount } from "next-auth/adapters";
import { Migrator } from "../../lib/db/migrator";
import { createPrismaClient } from "../../lib/db/prisma";
import { newEncryptionKeyring } from "../../lib/crypto/secret-box";
import { seedDemoData } from "../../prisma/seed";
import { applyAuditRetention } from "../../lib/domain/audit/retention";
import { DEMO_PEOPLE, DEMO_TENANTS } from "../../prisma/demo-data";
import { dropDatabase } from "../../lib/db/embedded";
import { scratchDatabase } from "../support/database";
import type { Principal } from "../../lib/auth/principal";

// GitHub accounts whose ids the demo people carried until they became negative: real, long-assigned accounts.
const FORMER_DEMO_GITHUB_IDS = [
  ...Array.from({ length: 16 }, (_, index) => 100_001 + index), // the seeded people, Ada Admin (100005) among them
  200_001, 200_002, 200_003, // Nia Newhire, Stan Stranger, Otto Invitee of the local identity provider
];

let url: string;
beforeAll(async () => {
  process.env.GATEHOUSE_ENCRYPTION_KEYS ??= newEncryptionKeyring();
  url = await scratchDatabase();
  // what the sign-in code below reaches through lib/db/client: this file's seeded database
  process.env.DATABASE_URL = url;
  await new Migrator(url).up();
  await seedDemoData(url, { events: 3_000 });
});
afterAll(() => dropDatabase(url));

async function snapshot() {
  const db = createPrismaClient(url);
  try {
    const counts = await db.$queryRaw<Record<string, bigint>[]>`
      SELECT (SELECT count(*) FROM tenants) tenants, (SELECT count(*) FROM users) users, (SELECT count(*) FROM memberships) memberships,
             (SELECT count(*) FROM api_keys) keys, (SELECT count(*) FROM provider_configs) providers,
             (SELECT count(*) FROM routing_rules) rules, (SELECT count(*) FROM feature_flags) flags,
             (SELECT count(*) FROM usage_events) events, (SELECT count(*) FROM usage_hourly) hourly,
             (SELECT count(*) FROM audit_log) audit, (SELECT count(*) FROM invitations) invitations,
             (SELECT count(*) FROM model_prices) prices, (SELECT count(*) FROM webhooks) webhooks`;
    return Object.fromEntries(Object.entries(counts[0]).map(([k, v]) => [k, Number(v)]));
  } finally {
    await db.$disconnect();
  }
}

// The findMany() and count() below are of the whole tables on purpose: the database is this file's own (beforeAll),
// holding exactly what the seed wrote, so no other test file can change them.
describe("demo seed", () => {
  it("covers every status, kind, plan, member role and staff role", async () => {
    const db = createPrismaClient(url);
    try {
      const tenants = await db.tenant.findMany();
      expect(new Set(tenants.map((t) => t.status))).toEqual(new Set(["demo", "trial", "active", "frozen", "archived"]));
      expect(new Set(tenants.map((t) => t.kind))).toEqual(new Set(["customer", "demo"]));
      expect(new Set(tenants.map((t) => t.plan))).toEqual(new Set(["free", "starter", "pro", "enterprise"]));
      expect(new Set((await db.membership.findMany()).map((m) => m.role))).toEqual(new Set(["owner", "member", "viewer"]));
      expect(new Set((await db.user.findMany()).map((u) => u.staffRole).filter(Boolean))).toEqual(new Set(["admin", "sales", "support"]));
      expect(new Set((await db.tenantIdpConfig.findMany()).map((c) => c.type))).toEqual(new Set(["oidc", "saml"]));
      const keys = await db.apiKey.findMany();
      expect(keys.some((k) => k.revokedAt)).toBe(true);
      expect(keys.some((k) => k.expiresAt && k.expiresAt < new Date())).toBe(true);
      expect(tenants).toHaveLength(DEMO_TENANTS.length);
      expect(await db.user.count()).toBe(DEMO_PEOPLE.length);
    } finally {
      await db.$disconnect();
    }
  });

  it("leaves archived tenants nothing but their row and audit log", async () => {
    const db = createPrismaClient(url);
    try {
      const archived = await db.tenant.findMany({ where: { status: "archived" }, include: { _count: { select: { apiKeys: true, usageEvents: true, providerConfigs: true, auditLog: true } } } });
      for (const tenant of archived) expect(tenant._count).toMatchObject({ apiKeys: 0, usageEvents: 0, providerConfigs: 0 });
      expect(archived.every((t) => t._count.auditLog > 0)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("builds rollups that equal the raw events, with costs priced and unknown models unpriced", async () => {
    const db = createPrismaClient(url);
    try {
      const [raw] = await db.$queryRaw<{ n: bigint; cost: string; unpriced: bigint }[]>`SELECT count(*) n, sum(cost_usd)::text cost, count(*) FILTER (WHERE cost_usd IS NULL) unpriced FROM usage_events`;
      for (const rollup of ["usage_hourly", "usage_daily", "usage_routing_daily"]) {
        const [rolled] = await db.$queryRawUnsafe<{ n: bigint; cost: string; unpriced: bigint }[]>(
          `SELECT sum(requests) n, sum(cost_usd)::text cost, sum(unpriced_requests) unpriced FROM ${rollup}`);
        expect(Number(rolled.n), rollup).toBe(Number(raw.n));
        expect(Number(rolled.cost), rollup).toBeCloseTo(Number(raw.cost), 8);
        expect(Number(rolled.unpriced), rollup).toBe(Number(raw.unpriced));
      }
      // the routing rollup keeps no latencies
      for (const rollup of ["usage_hourly", "usage_daily"]) {
        const [rolled] = await db.$queryRawUnsafe<{ histogram: bigint }[]>(`SELECT sum((SELECT sum(x) FROM unnest(latency_histogram) x)) histogram FROM ${rollup}`);
        expect(Number(rolled.histogram), rollup).toBe(Number(raw.n));
      }
      expect(Number(raw.n)).toBeGreaterThanOrEqual(2_990);
      expect(Number(raw.unpriced)).toBeGreaterThan(0);
      const [models] = await db.$queryRaw<{ unpriced_models: string[] }[]>`SELECT array_agg(DISTINCT model) unpriced_models FROM usage_events WHERE cost_usd IS NULL`;
      expect(models.unpriced_models).toEqual(["mistral-large"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("gives every person a negative GitHub id, which no real account has, and no picture", async () => {
    const db = createPrismaClient(url);
    try {
      const people = await db.user.findMany({ where: { email: { in: DEMO_PEOPLE.map((person) => person.email) } } });
      expect(people).toHaveLength(DEMO_PEOPLE.length);
      for (const person of people) expect(person).toMatchObject({ githubId: expect.toSatisfy((id: bigint) => id < 0n), image: null });
    } finally {
      await db.$disconnect();
    }
  });

  it("lets no GitHub account with a former demo id in as a seeded person, through the adapter or the sign-in check", async () => {
    const { gatehouseAdapter } = await import("../../lib/auth/adapter");
    const { signInVerdict } = await import("../../lib/auth/sign-in");
    const adapter = gatehouseAdapter();
    const account = (id: number): Pick<AdapterAccount, "provider" | "providerAccountId"> => ({ provider: "github", providerAccountId: String(id) });
    for (const id of FORMER_DEMO_GITHUB_IDS) {
      expect(await adapter.getUserByAccount!(account(id)), `GitHub account #${id}`).toBeNull();
      for (const verifiedEmail of [null, `github-${id}@example.com`]) {
        const verdict = await signInVerdict({ githubId: BigInt(id), githubLogin: `github-${id}`, verifiedEmail });
        expect(verdict.ok, `GitHub account #${id}`).toBe(false);
      }
    }
    // the demo's own identity, as the local identity provider reports it, still is Ada Admin
    expect(await adapter.getUserByAccount!(account(-100_005))).toMatchObject({ name: "Ada Admin", staffRole: "admin" });
  });

  it("stores its identity providers as the console reads them: Stark's SAML mid-rotation, Wayne's OIDC", async () => {
    const { listIdpConfigs } = await import("../../lib/domain/idp/queries");
    const ADMIN: Principal = { type: "user", staffRole: "admin", memberships: [] };
    const db = createPrismaClient(url);
    try {
      const tenantId = async (slug: string) => (await db.tenant.findUniqueOrThrow({ where: { slug } })).id;
      const [saml] = await listIdpConfigs(ADMIN, await tenantId("stark"));
      expect(saml).toMatchObject({ type: "saml", metadata: { entityId: "https://sso.stark.example/saml/metadata" } });
      expect(saml.type === "saml" && saml.metadata?.certificates.map((c) => c.state)).toEqual(["expired", "valid"]);
      const [oidc] = await listIdpConfigs(ADMIN, await tenantId("wayne"));
      expect(oidc).toMatchObject({ type: "oidc", metadata: { clientId: "gatehouse-console" } });
    } finally {
      await db.$disconnect();
    }
  });

  it("changes nothing when run again", async () => {
    const before = await snapshot();
    await seedDemoData(url, { events: 3_000 });
    expect(await snapshot()).toEqual(before);
  });

  // Last: the run records itself (audit_log.retention_applied), which the snapshot above would count.
  it("seeds only audit events the retention keeps, so the first retention run removes none", async () => {
    expect(await applyAuditRetention()).toEqual({ deleted: 0, chains: [] });
  });
});
