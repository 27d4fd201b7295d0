// The providers service on real PostgreSQL: keys sealed and never written in the clear, the one default, edits
// audited by their last four, removal refused while a rule names the provider, who may change providers, the
// masked list, and "Test connection" against the local OpenAI-compatible stub.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import { createProvider, removeProvider, setDefaultProvider, updateProvider } from "@/lib/domain/providers/service";
import { listProviders } from "@/lib/domain/providers/queries";
import { testProviderConnection } from "@/lib/domain/providers/connection";
import { createRule, deleteRule } from "@/lib/domain/routing/service";
import type { MemberRole } from "@/lib/db/generated/enums";
import { startOpenAiCompatibleStub, STUB_MODELS } from "../../scripts/openai-compatible-stub";
import { actorFor, tenantFor } from "../support/actors";
import { auditOf } from "../support/audit";
import { testPrisma } from "../support/database";

const db = testPrisma();
const GOOD_KEY = "sk-stub-good-0123456789abcdef";
let stub: Awaited<ReturnType<typeof startOpenAiCompatibleStub>>;
beforeAll(async () => { stub = await startOpenAiCompatibleStub({ keys: [GOOD_KEY] }); });
afterAll(async () => { await stub.stop(); await db.$disconnect(); });

async function world({ role = "owner" as MemberRole, status = "active" as "active" | "frozen" } = {}) {
  const tenant = await tenantFor(db, { status });
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  const actor = role === "owner" ? owner : await actorFor(db, { roles: { [tenant.id]: role } });
  return { tenant, owner, actor };
}

const rowsOf = (tenantId: string) => db.providerConfig.findMany({ where: { tenantId }, orderBy: { provider: "asc" } });

async function added(actor: Awaited<ReturnType<typeof world>>["owner"], tenantId: string, input: Record<string, unknown> = {}) {
  const result = await createProvider(actor, { tenantId, provider: "openai", apiKey: "sk-live-openai-key-1234", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("adding a provider", () => {
  it("seals the key, shows only its last four, makes the first provider the default, and audits no secret", async () => {
    const { tenant, owner } = await world();
    const saved = await added(owner, tenant.id, { apiKey: "  sk-live-openai-key-WXYZ  " });
    expect(saved).toEqual({ id: expect.any(String), provider: "openai", keyLast4: "WXYZ", baseUrl: null, isDefault: true });
    const [row] = await rowsOf(tenant.id);
    expect(open({ ciphertext: row!.encryptedApiKey, keyVersion: row!.keyVersion })).toBe("sk-live-openai-key-WXYZ");
    expect(Buffer.from(row!.encryptedApiKey).includes("sk-live-openai-key-WXYZ")).toBe(false);
    const [event] = await auditOf(db, { targetId: saved.id });
    expect(event).toMatchObject({ action: "provider.created", targetType: "provider", targetName: "OpenAI", tenantId: tenant.id, isFailure: false,
      metadata: { after: { provider: "openai", baseUrl: null, isDefault: true, keyLast4: "WXYZ" } } });
  });

  it("keeps one default: a new provider marked default takes it over, one not marked leaves it", async () => {
    const { tenant, owner } = await world();
    await added(owner, tenant.id);
    await added(owner, tenant.id, { provider: "anthropic", apiKey: "sk-ant-api03-abcdefgh" });
    expect((await rowsOf(tenant.id)).map((r) => [r.provider, r.isDefault])).toEqual([["anthropic", false], ["openai", true]]);
    await added(owner, tenant.id, { provider: "mistral", apiKey: "mistral-key-12345678", isDefault: "on" });
    expect((await rowsOf(tenant.id)).map((r) => [r.provider, r.isDefault])).toEqual([["anthropic", false], ["mistral", true], ["openai", false]]);
  });

  it("refuses a provider already configured, naming the field", async () => {
    const { tenant, owner } = await world();
    await added(owner, tenant.id);
    const result = await createProvider(owner, { tenantId: tenant.id, provider: "openai", apiKey: "sk-another-key-5678" });
    expect(result).toMatchObject({ ok: false, kind: "conflict", fieldErrors: { provider: [expect.stringContaining("OpenAI is already configured")] } });
    expect(await rowsOf(tenant.id)).toHaveLength(1);
  });

  it.each([
    [{ provider: "openai-compatible", baseUrl: "" }, "baseUrl", "needs a base URL"],
    [{ provider: "azure-openai" }, "baseUrl", "needs a base URL"],
    [{ baseUrl: "http://llm.example.com/v1" }, "baseUrl", "must use https"],
    [{ baseUrl: "not a url" }, "baseUrl", "Enter a full URL"],
    [{ baseUrl: "https://user:pass@llm.example.com/v1" }, "baseUrl", "not in the URL"],
    [{ baseUrl: "https://llm.example.com/v1?x=1" }, "baseUrl", "no query"],
    [{ provider: "skynet" }, "provider", "Choose a provider"],
    [{ apiKey: "" }, "apiKey", "Enter the provider's API key"],
    [{ apiKey: "short" }, "apiKey", "too short"],
    [{ apiKey: "sk-has a-space-inside" }, "apiKey", "no spaces"],
    [{ apiKey: 42 }, "apiKey", "Enter the provider's API key"],
  ])("refuses %j with an error under %s, writing nothing", async (input, field, message) => {
    const { tenant, owner } = await world();
    const result = await createProvider(owner, { tenantId: tenant.id, provider: "openai", apiKey: "sk-live-openai-key-1234", ...input });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { [field]: [expect.stringContaining(message)] } });
    expect(await rowsOf(tenant.id)).toEqual([]);
    expect(await auditOf(db, { tenantId: tenant.id })).toEqual([]);
  });

  it("takes a plain http base URL in the local demo only, without its trailing slash", async () => {
    const { tenant, owner } = await world();
    vi.stubEnv("GATEHOUSE_LOCAL_DEMO", "1");
    try {
      expect(await added(owner, tenant.id, { provider: "openai-compatible", baseUrl: "http://127.0.0.1:11434/v1/" })).toMatchObject({ baseUrl: "http://127.0.0.1:11434/v1" });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("editing and removing", () => {
  it("replaces a key: a new sealed key, and the audit row gives the last four before and after, nothing else", async () => {
    const { tenant, owner } = await world();
    const saved = await added(owner, tenant.id, { apiKey: "sk-first-key-AAAA" });
    const result = await updateProvider(owner, { tenantId: tenant.id, providerId: saved.id, apiKey: "sk-second-key-BBBB", baseUrl: "" });
    expect(result).toMatchObject({ ok: true, data: { keyLast4: "BBBB", baseUrl: null } });
    const [row] = await rowsOf(tenant.id);
    expect(open({ ciphertext: row!.encryptedApiKey, keyVersion: row!.keyVersion })).toBe("sk-second-key-BBBB");
    const [, event] = await auditOf(db, { targetId: saved.id });
    expect(event).toMatchObject({ action: "provider.updated", description: "The key was replaced.", metadata: { before: { keyLast4: "AAAA" }, after: { keyLast4: "BBBB" } } });
    expect(Object.keys((event!.metadata as { after: object }).after)).toEqual(["keyLast4"]);
  });

  it("changes the base URL alone, keeping the key; refuses a save that changes nothing", async () => {
    const { tenant, owner } = await world();
    const saved = await added(owner, tenant.id, { apiKey: "sk-first-key-AAAA" });
    const moved = await updateProvider(owner, { tenantId: tenant.id, providerId: saved.id, apiKey: "", baseUrl: "https://eu.api.openai.com/v1" });
    expect(moved).toMatchObject({ ok: true, data: { keyLast4: "AAAA", baseUrl: "https://eu.api.openai.com/v1" } });
    const [row] = await rowsOf(tenant.id);
    expect(open({ ciphertext: row!.encryptedApiKey, keyVersion: row!.keyVersion })).toBe("sk-first-key-AAAA");
    expect((await auditOf(db, { targetId: saved.id }))[1]).toMatchObject({ metadata: { before: { baseUrl: null }, after: { baseUrl: "https://eu.api.openai.com/v1" } } });
    const again = await updateProvider(owner, { tenantId: tenant.id, providerId: saved.id, apiKey: "", baseUrl: "https://eu.api.openai.com/v1" });
    expect(again).toMatchObject({ ok: false, kind: "validation", message: expect.stringContaining("Nothing to save") });
    expect(await auditOf(db, { targetId: saved.id })).toHaveLength(2);
  });

  it("refuses to clear the base URL of a provider that has no API of its own", async () => {
    const { tenant, owner } = await world();
    const saved = await added(owner, tenant.id, { provider: "azure-openai", baseUrl: "https://acme.openai.azure.com/openai" });
    const result = await updateProvider(owner, { tenantId: tenant.id, providerId: saved.id, baseUrl: "" });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { baseUrl: [expect.stringContaining("Azure OpenAI needs a base URL")] } });
  });

  it("moves the default", async () => {
    const { tenant, owner } = await world();
    const openai = await added(owner, tenant.id);
    const groq = await added(owner, tenant.id, { provider: "groq", apiKey: "gsk_1234567890" });
    expect(await setDefaultProvider(owner, { tenantId: tenant.id, providerId: groq.id })).toMatchObject({ ok: true, data: { isDefault: true } });
    expect((await rowsOf(tenant.id)).map((r) => [r.provider, r.isDefault])).toEqual([["groq", true], ["openai", false]]);
    expect(await setDefaultProvider(owner, { tenantId: tenant.id, providerId: groq.id })).toMatchObject({ ok: false, kind: "conflict" });
    expect((await auditOf(db, { targetId: groq.id })).at(-1)).toMatchObject({ action: "provider.updated", metadata: { before: { isDefault: false }, after: { isDefault: true } } });
    void openai;
  });

  it("refuses to remove a provider a rule names, naming the rules, and removes it once none does", async () => {
    const { tenant, owner } = await world();
    const openai = await added(owner, tenant.id);
    const anthropic = await added(owner, tenant.id, { provider: "anthropic", apiKey: "sk-ant-api03-abcdefgh" });
    const byTarget = await createRule(owner, { tenantId: tenant.id, name: "Claude for chat", strategy: "quality_first", targetProvider: "anthropic", targetModel: "claude-3-5-sonnet", fallbackModels: "gpt-4o" });
    const byFallback = await createRule(owner, { tenantId: tenant.id, name: "GPT with a fallback", strategy: "cascading", targetModel: "gpt-4o-mini", fallbackModels: "anthropic/claude-3-haiku" });
    expect(byTarget.ok && byFallback.ok).toBe(true);
    const refused = await removeProvider(owner, { tenantId: tenant.id, providerId: anthropic.id });
    expect(refused).toMatchObject({ ok: false, kind: "conflict", message: "Anthropic is named by the routing rules “Claude for chat”, “GPT with a fallback”: change or delete them first." });
    for (const rule of [byTarget, byFallback]) if (rule.ok) await deleteRule(owner, { tenantId: tenant.id, ruleId: rule.data.id });
    expect(await removeProvider(owner, { tenantId: tenant.id, providerId: anthropic.id })).toMatchObject({ ok: true });
    expect((await rowsOf(tenant.id)).map((r) => r.provider)).toEqual(["openai"]);
    expect((await auditOf(db, { targetId: anthropic.id })).at(-1)).toMatchObject({ action: "provider.removed", metadata: { before: { provider: "anthropic", keyLast4: "efgh" } } });
    void openai;
  });
});

describe("who may change providers", () => {
  it.each(["member", "viewer"] as const)("refuses a %s every change, recording the attempt", async (role) => {
    const { tenant, owner, actor } = await world({ role });
    const saved = await added(owner, tenant.id);
    const results = [
      await createProvider(actor, { tenantId: tenant.id, provider: "groq", apiKey: "gsk_1234567890" }),
      await updateProvider(actor, { tenantId: tenant.id, providerId: saved.id, apiKey: "sk-stolen-key-9999", baseUrl: "" }),
      await setDefaultProvider(actor, { tenantId: tenant.id, providerId: saved.id }),
      await removeProvider(actor, { tenantId: tenant.id, providerId: saved.id }),
      await testProviderConnection(actor, { tenantId: tenant.id, providerId: saved.id }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rowsOf(tenant.id)).toMatchObject([{ provider: "openai", keyLast4: "1234" }]);
    expect((await auditOf(db, { tenantId: tenant.id, actorId: actor.id })).map((e) => [e.action, e.isFailure])).toEqual([
      ["provider.created", true], ["provider.updated", true], ["provider.updated", true], ["provider.removed", true],
    ]);
  });

  it("refuses an owner of a frozen tenant", async () => {
    const { tenant, owner } = await world({ status: "frozen" });
    expect(await createProvider(owner, { tenantId: tenant.id, provider: "openai", apiKey: "sk-live-openai-key-1234" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await rowsOf(tenant.id)).toEqual([]);
  });

  it("does not find another tenant's provider", async () => {
    const { tenant, owner } = await world();
    const other = await world();
    const theirs = await added(other.owner, other.tenant.id);
    for (const result of [
      await updateProvider(owner, { tenantId: tenant.id, providerId: theirs.id, apiKey: "sk-mine-now-0000", baseUrl: "" }),
      await removeProvider(owner, { tenantId: tenant.id, providerId: theirs.id }),
      await testProviderConnection(owner, { tenantId: tenant.id, providerId: theirs.id }),
    ]) expect(result).toMatchObject({ ok: false, kind: "not_found" });
    expect(await rowsOf(other.tenant.id)).toMatchObject([{ keyLast4: "1234" }]);
  });
});

describe("the list", () => {
  it("shows members and viewers the masked providers, with the rules naming each; nothing to outsiders", async () => {
    const { tenant, owner, actor } = await world({ role: "viewer" });
    await added(owner, tenant.id);
    await added(owner, tenant.id, { provider: "openai-compatible", apiKey: "local-key-5678", baseUrl: "https://llm.internal.example/v1" });
    await createRule(owner, { tenantId: tenant.id, name: "Local first", strategy: "cascading", targetModel: "openai-compatible/llama-3", fallbackModels: "openai/gpt-4o-mini" });
    const list = await listProviders(actor, tenant.id);
    expect(list.map(({ provider, label, keyLast4, effectiveBaseUrl, isDefault, rules }) => ({ provider, label, keyLast4, effectiveBaseUrl, isDefault, rules }))).toEqual([
      { provider: "openai", label: "OpenAI", keyLast4: "1234", effectiveBaseUrl: "https://api.openai.com/v1", isDefault: true, rules: ["Local first"] },
      { provider: "openai-compatible", label: "OpenAI-compatible", keyLast4: "5678", effectiveBaseUrl: "https://llm.internal.example/v1", isDefault: false, rules: ["Local first"] },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/encrypted|sk-live|local-key/);
    expect(await listProviders(await actorFor(db), tenant.id)).toEqual([]);
  });
});

describe("the key is written nowhere in the clear", () => {
  it("leaves no trace of the plaintext in the tenant's rows, audit log included", async () => {
    const { tenant, owner } = await world();
    const first = "sk-scan-first-key-PLAINTEXT-1";
    const second = "sk-scan-second-key-PLAINTEXT-2";
    const saved = await added(owner, tenant.id, { apiKey: first });
    await updateProvider(owner, { tenantId: tenant.id, providerId: saved.id, apiKey: second, baseUrl: "" });
    await createProvider(owner, { tenantId: tenant.id, provider: "groq", apiKey: "sk-scan-refused key" }); // refused: a space
    // every column of the tenant's provider rows and audit events as text, the sealed bytes as hex and as they are
    const rows = await db.$queryRaw<{ text: string }[]>`
      SELECT row_to_json(p)::text || encode(p.encrypted_api_key, 'escape') AS text FROM provider_configs p WHERE p.tenant_id = ${tenant.id}::uuid
      UNION ALL SELECT row_to_json(a)::text FROM audit_log a WHERE a.tenant_id = ${tenant.id}::uuid`;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const { text } of rows) for (const secret of [first, second, "sk-scan-refused"]) expect(text).not.toContain(secret);
  });
});

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("Test connection", () => {
  const demo = () => vi.stubEnv("GATEHOUSE_LOCAL_DEMO", "1");
  const draft = (owner: Parameters<typeof testProviderConnection>[0], tenantId: string, input: Record<string, unknown>) =>
    testProviderConnection(owner, { tenantId, provider: "openai-compatible", apiKey: GOOD_KEY, baseUrl: stub.url, ...input });

  it("says a draft works, with the models the upstream lists", async () => {
    const { tenant, owner } = await world();
    demo();
    const result = await draft(owner, tenant.id, {});
    vi.unstubAllEnvs();
    expect(result).toMatchObject({ ok: true, data: { provider: "openai-compatible", url: `${stub.url}/models`, result: { outcome: "works", models: STUB_MODELS.length, sample: STUB_MODELS } } });
    expect(result.ok && result.data.summary).toMatch(/^OpenAI-compatible answered in \d+ ms with 3 models\.$/);
  });

  it("says a refused key is refused, a failing upstream failed, a closed port unreachable, and a redirect is not followed", async () => {
    const { tenant, owner } = await world();
    demo();
    const [refused, broken, moved, closed] = [
      await draft(owner, tenant.id, { apiKey: "sk-wrong-key-000000" }),
      await draft(owner, tenant.id, { baseUrl: `${stub.origin}/broken/v1` }),
      await draft(owner, tenant.id, { baseUrl: `${stub.origin}/moved/v1` }),
      await draft(owner, tenant.id, { baseUrl: `http://127.0.0.1:${await closedPort()}/v1` }),
    ];
    vi.unstubAllEnvs();
    expect(refused).toMatchObject({ ok: true, data: { result: { outcome: "unauthorized", status: 401 }, summary: expect.stringContaining("refused the key (401)") } });
    expect(broken).toMatchObject({ ok: true, data: { result: { outcome: "http_error", status: 500 } } });
    expect(moved).toMatchObject({ ok: true, data: { result: { outcome: "http_error", status: 302 } } });
    expect(closed).toMatchObject({ ok: true, data: { result: { outcome: "unreachable", detail: "ECONNREFUSED" } } });
  });

  it("gives up on an upstream that does not answer within 5 s", async () => {
    const { tenant, owner } = await world();
    demo();
    const result = await draft(owner, tenant.id, { baseUrl: `${stub.origin}/slow/v1` });
    vi.unstubAllEnvs();
    expect(result).toMatchObject({ ok: true, data: { result: { outcome: "timeout" }, summary: "OpenAI-compatible did not answer within 5 s." } });
  });

  it("tests a saved provider with its sealed key, or with the key an edit form holds", async () => {
    const { tenant, owner } = await world();
    demo();
    const saved = await added(owner, tenant.id, { provider: "openai-compatible", apiKey: GOOD_KEY, baseUrl: stub.url });
    const asSaved = await testProviderConnection(owner, { tenantId: tenant.id, providerId: saved.id });
    const withTyped = await testProviderConnection(owner, { tenantId: tenant.id, providerId: saved.id, apiKey: "sk-typed-but-wrong", baseUrl: stub.url });
    vi.unstubAllEnvs();
    expect(asSaved).toMatchObject({ ok: true, data: { result: { outcome: "works" } } });
    expect(withTyped).toMatchObject({ ok: true, data: { result: { outcome: "unauthorized" } } });
  });

  it("refuses a draft without a provider, a key or a base URL it needs, and an http URL outside the demo", async () => {
    const { tenant, owner } = await world();
    expect(await testProviderConnection(owner, { tenantId: tenant.id })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { provider: [expect.any(String)], apiKey: [expect.any(String)] } });
    expect(await testProviderConnection(owner, { tenantId: tenant.id, provider: "openai-compatible", apiKey: GOOD_KEY })).toMatchObject({ ok: false, fieldErrors: { baseUrl: [expect.stringContaining("needs a base URL")] } });
    expect(await draft(owner, tenant.id, {})).toMatchObject({ ok: false, fieldErrors: { baseUrl: [expect.stringContaining("https")] } });
  });
});
