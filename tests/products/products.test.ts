// Product entitlements through their service, on real PostgreSQL: the config arrives as JSON text and is
// checked against its product's schema from the catalog.
import { afterAll, describe, expect, it } from "vitest";
import { setEntitlement } from "../../lib/domain/products/service";
import { listEntitlements } from "../../lib/domain/products/queries";
import { PRODUCT_KEYS, PRODUCTS } from "../../lib/domain/products/catalog";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

const inAYear = () => new Date(Date.now() + 365 * 86_400_000);
const entitlementOf = (tenantId: string, product: string) => db.tenantProduct.findUnique({ where: { tenantId_product: { tenantId, product } } });
const changesOf = (tenantId: string) => auditOf(db, { tenantId, action: "product.entitlement_changed" });

async function tenantWithSales() {
  return { tenant: await tenantFor(db), sales: await actorFor(db, { staffRole: "sales" }) };
}

/** Sets the gateway entitlement with `config` as text and expects a validation failure that wrote nothing. */
async function refusedConfig(config: string) {
  const { tenant, sales } = await tenantWithSales();
  const result = await setEntitlement(sales, { tenantId: tenant.id, product: "gateway", enabled: true, config });
  if (result.ok || result.kind !== "validation") throw new Error(`expected a validation failure, got ${JSON.stringify(result)}`);
  expect(await entitlementOf(tenant.id, "gateway")).toBeNull();
  expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
  return result.fieldErrors;
}

describe("product entitlements", () => {
  it("stores a valid config and audits the change with before and after", async () => {
    const { tenant, sales } = await tenantWithSales();
    const expiresAt = inAYear();
    const result = await setEntitlement(sales, {
      tenantId: tenant.id, product: "gateway", enabled: true, expiresAt: expiresAt.toISOString(),
      config: '{ "rate_limit_rpm": 1200, "allowed_models": ["gpt-4o", "claude-sonnet"] }',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await entitlementOf(tenant.id, "gateway")).toMatchObject({
      enabled: true, expiresAt, config: { rate_limit_rpm: 1200, allowed_models: ["gpt-4o", "claude-sonnet"] },
    });
    const events = await changesOf(tenant.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: sales.id, targetType: "product", targetId: "gateway", targetName: "Gateway", isFailure: false });
    expect(events[0].metadata).toEqual({
      before: null,
      after: { enabled: true, expiresAt: expiresAt.toISOString(), config: { rate_limit_rpm: 1200, allowed_models: ["gpt-4o", "claude-sonnet"] } },
    });
  });

  it("disabling keeps the entitlement and its config, and records the previous state", async () => {
    const { tenant, sales } = await tenantWithSales();
    const config = '{"retention_days": 400}';
    await setEntitlement(sales, { tenantId: tenant.id, product: "analytics", enabled: true, config });
    // as the edit form sends it: the checkbox unticked leaves only the hidden "false", the date field empty
    const result = await setEntitlement(sales, { tenantId: tenant.id, product: "analytics", enabled: "false", expiresAt: "", config });
    expect(result).toMatchObject({ ok: true });
    expect(await entitlementOf(tenant.id, "analytics")).toMatchObject({ enabled: false, expiresAt: null, config: { retention_days: 400 } });
    const events = await changesOf(tenant.id);
    expect(events).toHaveLength(2);
    expect(events[1].metadata).toEqual({
      before: { enabled: true, expiresAt: null, config: { retention_days: 400 } },
      after: { enabled: false, expiresAt: null, config: { retention_days: 400 } },
    });
    expect((await listEntitlements(sales, tenant.id)).find((e) => e.product === "analytics")).toMatchObject({ granted: true, status: "disabled" });
  });

  it("answers malformed JSON with a validation error on config that says where it broke", async () => {
    const errors = await refusedConfig('{"rate_limit_rpm": 60,}');
    expect(Object.keys(errors)).toEqual(["config"]);
    expect(errors.config[0]).toMatch(/^Not valid JSON: .*position \d+/);
  });

  it("points a schema error into the config: rate_limit_rpm 0 → config.rate_limit_rpm", async () => {
    expect(await refusedConfig('{"rate_limit_rpm": 0}')).toEqual({ "config.rate_limit_rpm": ["At least 1 request per minute."] });
  });

  it("refuses unknown keys in a config, naming them", async () => {
    expect(await refusedConfig('{"rate_limit_rpm": 60, "burst": 10}')).toEqual({ config: ["Unknown setting: burst."] });
  });

  it("refuses a config that is not an object, and empty model names inside it", async () => {
    expect((await refusedConfig("[60]")).config).toHaveLength(1);
    expect(await refusedConfig('{"rate_limit_rpm": 60, "allowed_models": ["gpt-4o", " "]}')).toEqual({ "config.allowed_models.1": ["A model name cannot be empty."] });
  });

  it("checks each product's config against its own schema", async () => {
    const { tenant, sales } = await tenantWithSales();
    const guardrails = await setEntitlement(sales, {
      tenantId: tenant.id, product: "guardrails", enabled: true,
      config: JSON.stringify({ pii_redaction: "yes", blocked_topics: Array.from({ length: 51 }, (_, i) => `topic ${i}`) }),
    });
    expect(guardrails).toMatchObject({ ok: false, kind: "validation" });
    expect(!guardrails.ok && guardrails.kind === "validation" && Object.keys(guardrails.fieldErrors).sort()).toEqual(["config.blocked_topics", "config.pii_redaction"]);
    // a gateway config is not an analytics config
    const analytics = await setEntitlement(sales, { tenantId: tenant.id, product: "analytics", enabled: true, config: '{"rate_limit_rpm": 60}' });
    expect(analytics).toMatchObject({ ok: false, kind: "validation", fieldErrors: { config: ["Unknown setting: rate_limit_rpm."], "config.retention_days": [expect.any(String)] } });
    expect(await db.tenantProduct.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("refuses an expiry in the past, and reports it beside the config's errors", async () => {
    const { tenant, sales } = await tenantWithSales();
    const result = await setEntitlement(sales, { tenantId: tenant.id, product: "gateway", enabled: true, expiresAt: "2020-01-01", config: '{"rate_limit_rpm": 0}' });
    expect(result).toMatchObject({ ok: false, kind: "validation" });
    expect(!result.ok && result.kind === "validation" && Object.keys(result.fieldErrors).sort()).toEqual(["config.rate_limit_rpm", "expiresAt"]);
    expect(await entitlementOf(tenant.id, "gateway")).toBeNull();
  });

  it("refuses an unknown product with a validation error on product", async () => {
    const { tenant, sales } = await tenantWithSales();
    const result = await setEntitlement(sales, { tenantId: tenant.id, product: "teleporter", enabled: true, config: "{}" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { product: [expect.stringContaining("gateway")] } });
    expect(await db.tenantProduct.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("lets sales and admin staff set entitlements, and refuses the tenant's owner and support staff", async () => {
    const tenant = await tenantFor(db);
    const input = (rpm: number) => ({ tenantId: tenant.id, product: "gateway", enabled: true, config: JSON.stringify({ rate_limit_rpm: rpm }) });
    expect(await setEntitlement(await actorFor(db, { staffRole: "sales" }), input(100))).toMatchObject({ ok: true });
    expect(await setEntitlement(await actorFor(db, { staffRole: "admin" }), input(200))).toMatchObject({ ok: true });

    for (const actor of [await actorFor(db, { roles: { [tenant.id]: "owner" } }), await actorFor(db, { staffRole: "support" })]) {
      expect(await setEntitlement(actor, input(999))).toMatchObject({ ok: false, kind: "forbidden" });
      const failures = await auditOf(db, { actorId: actor.id });
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ action: "product.entitlement_changed", tenantId: tenant.id, isFailure: true });
    }
    expect(await entitlementOf(tenant.id, "gateway")).toMatchObject({ config: { rate_limit_rpm: 200 } });
  });

  it("lists every catalog product with its status: enabled, disabled (or never set up) and expired", async () => {
    const { tenant, sales } = await tenantWithSales();
    await setEntitlement(sales, { tenantId: tenant.id, product: "gateway", enabled: true, config: '{"rate_limit_rpm": 60}' });
    await db.tenantProduct.create({ data: { tenantId: tenant.id, product: "analytics", config: { retention_days: 30 }, expiresAt: new Date(Date.now() - 1000) } });
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const listed = await listEntitlements(viewer, tenant.id);
    expect(listed.map((e) => [e.product, e.granted, e.status])).toEqual([["gateway", true, "enabled"], ["analytics", true, "expired"], ["guardrails", false, "disabled"]]);
    expect(await listEntitlements(await actorFor(db), tenant.id)).toEqual([]);
  });

  it("has a default config for each product that its own schema accepts", () => {
    for (const product of PRODUCT_KEYS) expect(PRODUCTS[product].configSchema.safeParse(PRODUCTS[product].defaultConfig).success).toBe(true);
  });
});
