// `npm run bench:route`: how fast the gateway answers POST /api/v1/route from its cache, next to bare node:http
// answering the same body on the same machine (scripts/bench-http.ts). A throwaway PostgreSQL with one tenant: three
// providers with sealed keys, twenty rules (the matching one last but for a catch-all), prices, and a key. Scenarios:
// one question by tenant, and questions by key id over several models, features and complexities (each its own
// cached answer). The last line is machine-readable:
//   ratio=<cached route req/s ÷ bare req/s> p99_ms=<cached route p99>
import { randomBytes } from "node:crypto";
import pg from "pg";
import { newEncryptionKeyring, seal } from "../lib/crypto/secret-box";
import { Migrator } from "../lib/db/migrator";
import { load, report, startBareServer } from "./bench-http";
import { log, runBench, startGateway } from "./bench-support";

const TOKEN = randomBytes(32).toString("base64url");
const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const RULES = 20;
const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "mistral-large"];

async function seed(url: string): Promise<{ tenantId: string; keyId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [tenant] } = await client.query("INSERT INTO tenants (slug, name, status) VALUES ('bench', 'Bench', 'active') RETURNING id");
    for (const [provider, isDefault] of [["openai", true], ["anthropic", false], ["mistral", false]] as const) {
      const { ciphertext, keyVersion } = seal(`sk-${provider}-${randomBytes(16).toString("hex")}`);
      await client.query(
        "INSERT INTO provider_configs (tenant_id, provider, encrypted_api_key, key_version, key_last4, is_default) VALUES ($1, $2, $3, $4, 'beef', $5)",
        [tenant.id, provider, Buffer.from(ciphertext), keyVersion, isDefault],
      );
    }
    for (const [provider, model, input, output] of [["openai", "gpt-4o", "0.0025", "0.01"], ["openai", "gpt-4o-mini", "0.00015", "0.0006"],
      ["anthropic", "claude-3-5-sonnet", "0.003", "0.015"], ["mistral", "mistral-large", "0.002", "0.006"]]) {
      await client.query("INSERT INTO model_prices (provider, model, input_cost_per_1k, output_cost_per_1k, effective_date) VALUES ($1, $2, $3, $4, '2026-01-01')",
        [provider, model, input, output]);
    }
    // rules that match other features, so that each question walks most of the list before its rule
    for (let i = 0; i < RULES - 2; i++) {
      await client.query("INSERT INTO routing_rules (tenant_id, priority, name, match_model, match_feature, strategy) VALUES ($1, $2, $3, 'gpt-*', $4, 'passthrough')",
        [tenant.id, i, `Feature ${i}`, `feature-${i}`]);
    }
    await client.query(
      `INSERT INTO routing_rules (tenant_id, priority, name, match_feature, strategy, target_model, fallback_models)
         VALUES ($1, $2, 'Chat, cheapest', 'chat', 'cheapest', 'gpt-4o', ARRAY['claude-3-5-sonnet', 'mistral-large', 'gpt-4o-mini'])`,
      [tenant.id, RULES - 2],
    );
    await client.query("INSERT INTO routing_rules (tenant_id, priority, name, strategy) VALUES ($1, $2, 'Everything else', 'passthrough')", [tenant.id, RULES - 1]);
    const { rows: [key] } = await client.query("INSERT INTO api_keys (tenant_id, name, prefix, hash) VALUES ($1, 'bench', 'benchkey', '$argon2id$v=19$unused') RETURNING id", [tenant.id]);
    return { tenantId: tenant.id, keyId: key.id };
  } finally {
    await client.end();
  }
}

runBench(async (bench) => {
  // the gateway child inherits the keyring: it decrypts what this process sealed
  process.env.GATEHOUSE_ENCRYPTION_KEYS ||= newEncryptionKeyring();
  log("starting a throwaway PostgreSQL…");
  const database = await bench.database();
  await new Migrator(database.url).up();
  const { tenantId, keyId } = await seed(database.url);
  const gateway = await startGateway(bench, database.url, TOKEN);
  const routeUrl = `${gateway}/api/v1/route`;

  const byTenant = JSON.stringify({ tenantId, model: "gpt-4o", feature: "chat", team: "search", complexity: "high" });
  const answer = await fetch(routeUrl, { method: "POST", headers, body: byTenant });
  const body = await answer.text();
  if (answer.status !== 200 || !body.includes('"Chat, cheapest"')) throw new Error(`the bench question is not routed by its rule: ${answer.status} ${body}`);
  const byKey = MODELS.flatMap((model) => ["chat", null].flatMap((feature) => ["low", "high"].map((complexity) =>
    Buffer.from(JSON.stringify({ keyId, model, feature, team: null, complexity })))));

  const bare = await startBareServer(bench, body);
  let next = 0;
  const rows = [
    await load("bare node:http (constant JSON)", `${bare}/api/v1/route`, headers, { body: byTenant }),
    await load("route: cached, by tenant", routeUrl, headers, { body: byTenant }),
    await load(`route: cached, by key id (${byKey.length} questions)`, routeUrl, headers, {
      requests: [{ setupRequest: (request) => ({ ...request, body: byKey[next++ % byKey.length] }) }],
    }),
  ];
  await report(rows, rows[0], rows[1]);
});
