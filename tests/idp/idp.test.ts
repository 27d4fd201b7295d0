// A tenant's enterprise identity provider on real PostgreSQL: saving OIDC and SAML configurations, verification
// by platform admins only, removal, and who is refused.
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { listIdpConfigs } from "../../lib/domain/idp/queries";
import { markIdpVerified, removeIdpConfig, saveOidcConfig, saveSamlConfig } from "../../lib/domain/idp/service";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor, tenantWithOwner } from "../support/actors";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

const DISCOVERY_URL = "https://login.example.com/.well-known/openid-configuration";
const PREFIXED_XML = readFileSync(new URL("./fixtures/metadata-prefixed.xml", import.meta.url), "utf8");
const UNPREFIXED_XML = readFileSync(new URL("./fixtures/metadata-unprefixed.xml", import.meta.url), "utf8");
const LAPSED_XML = readFileSync(new URL("./fixtures/metadata-valid-until.xml", import.meta.url), "utf8");
const ROTATION_XML = readFileSync(new URL("./fixtures/metadata-rotation.xml", import.meta.url), "utf8");
const ALL_EXPIRED_XML = readFileSync(new URL("./fixtures/metadata-all-expired.xml", import.meta.url), "utf8");

const configOf = (tenantId: string, type: "oidc" | "saml") => db.tenantIdpConfig.findUnique({ where: { tenantId_type: { tenantId, type } } });

describe("saving an OIDC provider", () => {
  it("stores the discovery URL and client id unverified, with one audit event", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const result = await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: ` ${DISCOVERY_URL} `, clientId: "gatehouse-console" });
    expect(result.ok).toBe(true);
    const stored = await configOf(tenant.id, "oidc");
    expect(stored).toMatchObject({ verified: false, metadata: { discoveryUrl: DISCOVERY_URL, clientId: "gatehouse-console" } });
    const events = await auditOf(db, { tenantId: tenant.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "idp_config.saved", actorId: owner.id, actorType: "user", isFailure: false, targetType: "idp_config", targetId: stored!.id,
      metadata: { before: null, after: { metadata: { discoveryUrl: DISCOVERY_URL, clientId: "gatehouse-console" }, verified: false } },
    });
  });

  it.each([
    ["http://login.example.com/.well-known/openid-configuration", "The discovery URL must use https."],
    ["https://login.example.com/oauth2", "The discovery URL ends with /.well-known/openid-configuration."],
    ["login.example.com", "Enter a full URL, such as https://login.example.com/.well-known/openid-configuration."],
    ["", "Enter the discovery URL."],
  ])("refuses the discovery URL %j on its field and writes nothing", async (discoveryUrl, message) => {
    const { tenant, owner } = await tenantWithOwner(db);
    const result = await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl, clientId: "gatehouse-console" });
    expect(result).toEqual({ ok: false, kind: "validation", message: "Some fields need attention.", fieldErrors: { discoveryUrl: [message] } });
    expect(await configOf(tenant.id, "oidc")).toBeNull();
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("refuses a client id longer than 200 characters", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const result = await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "c".repeat(201) });
    expect(result).toMatchObject({ kind: "validation", fieldErrors: { clientId: ["A client id has at most 200 characters."] } });
    expect(await configOf(tenant.id, "oidc")).toBeNull();
  });
});

describe("saving a SAML provider", () => {
  it("stores the parsed fields and the public certificate, not the XML", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    expect((await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: PREFIXED_XML })).ok).toBe(true);
    const stored = await configOf(tenant.id, "saml");
    expect(stored).toMatchObject({
      verified: false,
      metadata: {
        entityId: "http://www.okta.com/exk1example",
        ssoUrl: "https://example.okta.com/app/exk1example/sso/saml?redirect=1",
        certificates: [{ validFrom: "2025-01-01T00:00:00.000Z", validTo: "2045-01-01T00:00:00.000Z", subject: "CN=idp.example.com, O=Example IdP" }],
      },
    });
    const metadata = JSON.stringify(stored!.metadata);
    expect(metadata).toContain("BEGIN CERTIFICATE");
    expect(metadata).not.toContain("IDPSSODescriptor");
    const [event] = await auditOf(db, { tenantId: tenant.id });
    expect(event).toMatchObject({ action: "idp_config.saved", actorId: owner.id, targetId: stored!.id, metadata: { before: null, after: { verified: false, metadata: { entityId: "http://www.okta.com/exk1example" } } } });
  });

  it("answers malformed metadata with the parser's message on metadataXml and writes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const httpSso = PREFIXED_XML.replaceAll("https://example.okta.com", "http://example.okta.com");
    const result = await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: httpSso });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { metadataXml: ["The single sign-on URL must use https: http://example.okta.com/app/exk1example/sso/saml?redirect=1"] } });
    const lapsed = await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: LAPSED_XML });
    expect(lapsed).toMatchObject({ kind: "validation", fieldErrors: { metadataXml: [expect.stringMatching(/^The metadata expired on 2026-03-01 /)] } });
    const broken = await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: "<md:EntityDescriptor" });
    expect(broken).toMatchObject({ kind: "validation", fieldErrors: { metadataXml: [expect.stringMatching(/^The metadata is not well-formed XML/)] } });
    expect(await configOf(tenant.id, "saml")).toBeNull();
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("keeps every signing certificate of metadata published during a key rotation", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    expect((await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: ROTATION_XML })).ok).toBe(true);
    const stored = await configOf(tenant.id, "saml");
    expect(stored).toMatchObject({
      metadata: {
        certificates: [
          { subject: "CN=old-idp.example.com, O=Example IdP", validTo: "2024-05-01T00:00:00.000Z" },
          { subject: "CN=idp.example.com, O=Example IdP", validTo: "2045-01-01T00:00:00.000Z" },
        ],
      },
    });
  });

  it("refuses metadata whose signing certificates have all expired and writes nothing", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const result = await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: ALL_EXPIRED_XML });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { metadataXml: [expect.stringMatching(/^None of the 2 signing certificates is valid now: /)] } });
    expect(await configOf(tenant.id, "saml")).toBeNull();
    expect(await auditOf(db, { tenantId: tenant.id })).toHaveLength(0);
  });

  it("saving again replaces the configuration and resets verified to false", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: PREFIXED_XML });
    expect((await markIdpVerified(admin, { tenantId: tenant.id, type: "saml" })).ok).toBe(true);
    expect((await configOf(tenant.id, "saml"))!.verified).toBe(true);

    expect((await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: UNPREFIXED_XML })).ok).toBe(true);
    const stored = await configOf(tenant.id, "saml");
    expect(stored).toMatchObject({ verified: false, metadata: { entityId: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/" } });
    expect(await db.tenantIdpConfig.count({ where: { tenantId: tenant.id } })).toBe(1);
    const last = (await auditOf(db, { tenantId: tenant.id })).at(-1)!;
    expect(last).toMatchObject({
      action: "idp_config.saved",
      metadata: {
        before: { verified: true, metadata: { entityId: "http://www.okta.com/exk1example" } },
        after: { verified: false, metadata: { entityId: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/" } },
      },
    });
  });
});

describe("verifying", () => {
  it("is refused to the tenant's owner (a failure event, nothing changed) and done by an admin", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" });

    expect(await markIdpVerified(owner, { tenantId: tenant.id, type: "oidc" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect((await configOf(tenant.id, "oidc"))!.verified).toBe(false);
    const failures = await auditOf(db, { tenantId: tenant.id, isFailure: true });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ action: "idp_config.verified", actorId: owner.id });

    const admin = await actorFor(db, { staffRole: "admin" });
    expect((await markIdpVerified(admin, { tenantId: tenant.id, type: "oidc" })).ok).toBe(true);
    const stored = await configOf(tenant.id, "oidc");
    expect(stored!.verified).toBe(true);
    const verified = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "idp_config.verified", isFailure: false } });
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ actorId: admin.id, targetId: stored!.id, isFailure: false, metadata: { before: { verified: false }, after: { verified: true } } });
  });

  it("refuses a configuration that changed since the admin looked at it", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "first" });
    const seenUpdatedAt = (await configOf(tenant.id, "oidc"))!.updatedAt.toISOString();
    await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "second" });

    const result = await markIdpVerified(admin, { tenantId: tenant.id, type: "oidc", seenUpdatedAt });
    expect(result).toMatchObject({ ok: false, kind: "conflict", message: expect.stringContaining("changed since you opened it") });
    expect((await configOf(tenant.id, "oidc"))!.verified).toBe(false);

    const current = (await configOf(tenant.id, "oidc"))!.updatedAt.toISOString();
    expect((await markIdpVerified(admin, { tenantId: tenant.id, type: "oidc", seenUpdatedAt: current })).ok).toBe(true);
  });

  it("answers not_found when there is nothing to verify", async () => {
    const { tenant } = await tenantWithOwner(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await markIdpVerified(admin, { tenantId: tenant.id, type: "saml" })).toMatchObject({ ok: false, kind: "not_found" });
  });
});

describe("removing", () => {
  it("deletes the configuration with an audit event holding what was removed", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" });
    const { id } = (await configOf(tenant.id, "oidc"))!;
    expect(await removeIdpConfig(owner, { tenantId: tenant.id, type: "oidc" })).toEqual({ ok: true, data: { id } });
    expect(await configOf(tenant.id, "oidc")).toBeNull();
    const [event] = await db.auditLog.findMany({ where: { tenantId: tenant.id, action: "idp_config.removed" } });
    expect(event).toMatchObject({ actorId: owner.id, targetId: id, metadata: { before: { verified: false, metadata: { clientId: "console" } }, after: null } });
    expect(await removeIdpConfig(owner, { tenantId: tenant.id, type: "oidc" })).toMatchObject({ ok: false, kind: "not_found" });
  });
});

describe("who may save", () => {
  it.each(["viewer", "member"] as const)("a %s is forbidden and nothing is stored", async (role) => {
    const tenant = await tenantFor(db);
    const person = await actorFor(db, { roles: { [tenant.id]: role } });
    expect(await saveOidcConfig(person, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await saveSamlConfig(person, { tenantId: tenant.id, metadataXml: PREFIXED_XML })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.tenantIdpConfig.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await auditOf(db, { tenantId: tenant.id })).map((e) => [e.action, e.isFailure])).toEqual([["idp_config.saved", true], ["idp_config.saved", true]]);
  });

  it("sales staff are forbidden; admin staff may save", async () => {
    const tenant = await tenantFor(db);
    const sales = await actorFor(db, { staffRole: "sales" });
    expect(await saveOidcConfig(sales, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await configOf(tenant.id, "oidc")).toBeNull();
    const admin = await actorFor(db, { staffRole: "admin" });
    expect((await saveOidcConfig(admin, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" })).ok).toBe(true);
  });

  it("the owner of a frozen tenant is refused", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "frozen" });
    expect(await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await configOf(tenant.id, "oidc")).toBeNull();
  });
});

describe("reading", () => {
  it("shows the tenant's providers to its readers, with the certificate's days left, and nothing to others", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: PREFIXED_XML });
    await saveOidcConfig(owner, { tenantId: tenant.id, discoveryUrl: DISCOVERY_URL, clientId: "console" });
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    const configs = await listIdpConfigs(viewer, tenant.id, new Date("2044-12-01T00:00:00Z"));
    expect(configs.map((c) => c.type)).toEqual(["oidc", "saml"]);
    expect(configs[1]).toMatchObject({ type: "saml", verified: false, metadata: { certificates: [{ state: "valid", daysLeft: 31 }] } });
    const stranger = await actorFor(db);
    expect(await listIdpConfigs(stranger, tenant.id)).toEqual([]);
  });

  it("shows each certificate of a rotation with its state", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await saveSamlConfig(owner, { tenantId: tenant.id, metadataXml: ROTATION_XML });
    const [saml] = await listIdpConfigs(owner, tenant.id, new Date("2026-06-01T00:00:00Z"));
    expect(saml).toMatchObject({
      type: "saml",
      metadata: {
        certificates: [
          { subject: "CN=old-idp.example.com, O=Example IdP", state: "expired", daysLeft: -761 },
          { subject: "CN=idp.example.com, O=Example IdP", state: "valid" },
        ],
      },
    });
  });

  it("answers a configuration stored in a shape it does not read (an older version's, the demo seed's) with no metadata", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const certificate = { subject: "CN=idp.example.com", issuer: "CN=idp.example.com", validFrom: "2025-01-01T00:00:00.000Z", validTo: "2045-01-01T00:00:00.000Z", fingerprintSha256: "AB", pem: "" };
    await db.tenantIdpConfig.createMany({
      data: [
        { tenantId: tenant.id, type: "saml", metadata: { entityId: "https://idp.example.com", ssoUrl: "https://idp.example.com/sso", ssoBinding: "HTTP-POST", certificate } },
        { tenantId: tenant.id, type: "oidc", metadata: { discovery_url: DISCOVERY_URL, client_id: "console" } },
      ],
    });
    const configs = await listIdpConfigs(owner, tenant.id);
    expect(configs.map(({ type, metadata }) => [type, metadata])).toEqual([["oidc", null], ["saml", null]]);
  });
});
