// What the migrations promise beyond column types: cascades, SET NULL on audit rows, CHECKs, triggers, and
// the fix for global feature flags. Runs on the shared migrated database with unique slugs per test.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { testPrisma, uniqueSlug } from "../support/database";
import { tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

const ARGON2_SHAPED = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
const newUser = () => db.user.create({ data: { email: `${randomBytes(4).toString("hex")}@example.test`, githubId: BigInt(Date.now()) * 1000n + BigInt(randomBytes(1)[0]) } });

/** One row in every table that hangs off a tenant; returns the tenant id. */
async function tenantWithEverything() {
  const tenant = await tenantFor(db);
  const user = await newUser();
  const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Default", slug: "default" } });
  await db.tenantProduct.create({ data: { tenantId: tenant.id, product: "gateway", config: { rate_limit_rpm: 60 } } });
  await db.tenantIdpConfig.create({ data: { tenantId: tenant.id, type: "oidc", metadata: { client_id: "x" } } });
  await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
  await db.invitation.create({ data: { tenantId: tenant.id, email: "new@example.test", tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) } });
  const key = await db.apiKey.create({ data: { tenantId: tenant.id, projectId: project.id, name: "k", prefix: randomBytes(6).toString("hex"), hash: ARGON2_SHAPED, scopes: ["proxy"] } });
  await db.providerConfig.create({ data: { tenantId: tenant.id, provider: "openai", encryptedApiKey: new Uint8Array([1, 2, 3]), keyLast4: "abcd" } });
  const rule = await db.routingRule.create({ data: { tenantId: tenant.id, name: "r", strategy: "cascading", fallbackModels: ["gpt-4o-mini"] } });
  await db.featureFlag.create({ data: { tenantId: tenant.id, key: "streaming", enabled: true, rolloutPct: 50 } });
  await db.usageEvent.create({ data: { tenantId: tenant.id, apiKeyId: key.id, routingRuleId: rule.id, requestId: "r1", occurredAt: new Date(), provider: "openai", model: "gpt-4o", latencyMs: 100, status: 200, costUsd: "0.0012" } });
  await db.usageHourly.create({ data: { tenantId: tenant.id, hour: new Date("2026-01-01T10:00:00Z"), provider: "openai", model: "gpt-4o", requests: 1 } });
  await db.usageDaily.create({ data: { tenantId: tenant.id, day: new Date("2026-01-01"), provider: "openai", model: "gpt-4o", requests: 1 } });
  const webhook = await db.webhook.create({ data: { tenantId: tenant.id, name: "w", url: "https://example.test/hook", encryptedSecret: new Uint8Array([9]) } });
  await db.webhookDelivery.create({ data: { webhookId: webhook.id, event: "api_key.created", payload: {} } });
  await db.auditLog.create({ data: { tenantId: tenant.id, projectId: project.id, actorType: "user", actorId: user.id, action: "tenant.created", targetType: "tenant", targetId: tenant.id, sourceIp: "192.0.2.1" } });
  await db.account.create({ data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: String(user.githubId) } });
  await db.session.create({ data: { userId: user.id, sessionToken: randomBytes(16).toString("hex"), expires: new Date(Date.now() + 3_600_000), ipAddress: "192.0.2.1" } });
  await db.verificationToken.create({ data: { identifier: user.email!, token: randomBytes(16).toString("hex"), expires: new Date() } });
  await db.modelPrice.create({ data: { provider: "test", model: uniqueSlug("m"), inputCostPer1k: "0.001", outputCostPer1k: "0.002" } });
  return tenant.id;
}

describe("relations", () => {
  it("accept a row in every table", async () => {
    const tenantId = await tenantWithEverything();
    expect(await db.usageEvent.count({ where: { tenantId } })).toBe(1);
  });

  it("deleting a tenant cascades to its owned rows and keeps its audit rows with tenant and project NULL", async () => {
    const tenantId = await tenantWithEverything();
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId } });
    await db.tenant.delete({ where: { id: tenantId } });

    const owned = await Promise.all([
      db.tenantProject.count({ where: { tenantId } }), db.tenantProduct.count({ where: { tenantId } }),
      db.tenantIdpConfig.count({ where: { tenantId } }), db.membership.count({ where: { tenantId } }),
      db.invitation.count({ where: { tenantId } }), db.apiKey.count({ where: { tenantId } }),
      db.providerConfig.count({ where: { tenantId } }), db.routingRule.count({ where: { tenantId } }),
      db.featureFlag.count({ where: { tenantId } }), db.usageEvent.count({ where: { tenantId } }),
      db.usageHourly.count({ where: { tenantId } }), db.usageDaily.count({ where: { tenantId } }),
      db.webhook.count({ where: { tenantId } }),
    ]);
    expect(owned).toEqual(owned.map(() => 0));
    const kept = await db.auditLog.findUniqueOrThrow({ where: { id: audit.id } });
    expect(kept).toMatchObject({ tenantId: null, projectId: null, action: "tenant.created", targetId: tenantId });
  });
});

describe("tenant slug", () => {
  it.each([
    ["ab", "too short"], ["-acme", "leading dash"], ["acme-", "trailing dash"], ["Acme", "uppercase"],
    ["ac_me", "underscore"], ["a".repeat(41), "too long"],
  ])("rejects %j (%s)", async (slug) => {
    await expect(db.tenant.create({ data: { slug, name: "x" , status: "active" } })).rejects.toThrow(/tenants_slug_format/);
  });

  it.each(["abc", "acme-corp", "a1b", "0-9", "a".repeat(40)])("accepts %j", async (slug) => {
    const suffix = randomBytes(2).toString("hex");
    const unique = slug.length > 36 ? slug.slice(0, 36) + suffix : `${slug}${suffix}`;
    await expect(db.tenant.create({ data: { slug: unique, name: "x", status: "active" } })).resolves.toMatchObject({ slug: unique });
  });
});

describe("tenant lifecycle constraints", () => {
  it("keeps status demo exactly for kind demo (a demo tenant may be archived)", async () => {
    await expect(tenantFor(db, { kind: "demo", status: "active" })).rejects.toThrow(/tenants_demo_status_matches_kind/);
    await expect(tenantFor(db, { kind: "customer", status: "demo" })).rejects.toThrow(/tenants_demo_status_matches_kind/);
    await expect(tenantFor(db, { kind: "demo", status: "demo" })).resolves.toBeDefined();
    await expect(tenantFor(db, { kind: "demo", status: "archived" })).resolves.toBeDefined();
  });

  it("requires a trial end for a trial and ordered contract dates", async () => {
    await expect(tenantFor(db, { status: "trial" })).rejects.toThrow(/tenants_trial_has_end/);
    await expect(tenantFor(db, { contractStart: new Date("2026-05-01"), contractEnd: new Date("2026-04-30") })).rejects.toThrow(/tenants_contract_dates_ordered/);
  });
});

describe("updated_at", () => {
  it("moves on update", async () => {
    const tenant = await tenantFor(db);
    // now() is the transaction's start: a later statement in autocommit mode gets a later time
    await new Promise((resolve) => setTimeout(resolve, 20));
    // plain SQL, so only the trigger can be what moves it
    const [updated] = await db.$queryRaw<{ updated_at: Date }[]>`UPDATE tenants SET name = 'Renamed' WHERE id = ${tenant.id}::uuid RETURNING updated_at`;
    expect(updated.updated_at.getTime()).toBeGreaterThan(tenant.updatedAt.getTime());
  });
});

describe("feature flags", () => {
  it("refuse two global flags with one key", async () => {
    const key = uniqueSlug("flag");
    await db.featureFlag.create({ data: { key } });
    await expect(db.featureFlag.create({ data: { key } })).rejects.toThrow(/feature_flags_global_flag_key_key|Unique constraint/);
  });

  it("allow one key per tenant, beside a global flag of the same key", async () => {
    const key = uniqueSlug("flag");
    const [a, b] = await Promise.all([tenantFor(db), tenantFor(db)]);
    await db.featureFlag.create({ data: { key } });
    await db.featureFlag.create({ data: { key, tenantId: a.id } });
    await db.featureFlag.create({ data: { key, tenantId: b.id } });
    await expect(db.featureFlag.create({ data: { key, tenantId: a.id } })).rejects.toThrow();
  });

  it("keep rollout within 0..100", async () => {
    await expect(db.featureFlag.create({ data: { key: uniqueSlug("flag"), rolloutPct: 101 } })).rejects.toThrow(/feature_flags_rollout_range/);
  });
});

describe("api keys", () => {
  it("keep the lookup prefix unique among keys not revoked", async () => {
    const tenant = await tenantFor(db);
    const prefix = randomBytes(6).toString("hex");
    const key = { tenantId: tenant.id, name: "k", prefix, hash: ARGON2_SHAPED };
    const first = await db.apiKey.create({ data: key });
    await expect(db.apiKey.create({ data: key })).rejects.toThrow();
    await db.apiKey.update({ where: { id: first.id }, data: { revokedAt: new Date() } });
    await expect(db.apiKey.create({ data: key })).resolves.toBeDefined();
  });

  it("store only argon2id hashes", async () => {
    const tenant = await tenantFor(db);
    await expect(db.apiKey.create({ data: { tenantId: tenant.id, name: "k", prefix: "p", hash: "plaintext-key" } })).rejects.toThrow(/api_keys_hash_is_argon2id/);
  });
});
