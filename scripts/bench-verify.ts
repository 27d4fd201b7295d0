// `npm run bench:verify`: how fast the gateway verifies keys, next to bare node:http on the same machine.
// A throwaway PostgreSQL, a tenant and a key; the gateway as it runs in production (scripts/gateway.ts) and a
// bare node:http server answering a constant JSON, each in a child process of its own so that the load
// generator (autocannon, here) shares an event loop with neither. Each scenario gets a warm-up, then
// DURATION seconds at CONNECTIONS connections over loopback. The last line is machine-readable:
//   ratio=<cached req/s ÷ bare req/s> p99_ms=<cached p99>
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Migrator } from "../lib/db/migrator";
import { generateKey } from "../lib/domain/keys/format";
import { load, report, startBareServer } from "./bench-http";
import { log, runBench, startGateway } from "./bench-support";

// Distinct unknown keys for the miss scenario: a repeat would be a (negatively) cached hit.
const MISS_KEYS = Number(process.env.BENCH_MISS_KEYS ?? 200_000);
const TOKEN = randomBytes(32).toString("base64url");

async function seed(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [tenant] } = await client.query("INSERT INTO tenants (slug, name, status) VALUES ('bench', 'Bench', 'active') RETURNING id");
    const { key, prefix } = generateKey();
    await client.query("INSERT INTO api_keys (tenant_id, name, prefix, hash, scopes, product) VALUES ($1, 'bench', $2, $3, $4, 'gateway')", [
      tenant.id, prefix, await hash(key), ["proxy", "usage:write"],
    ]);
    return key;
  } finally {
    await client.end();
  }
}

const post = (key: string) => JSON.stringify({ key });
const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

async function verifyOnce(base: string, key: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/keys/verify`, { method: "POST", headers, body: post(key) });
  return response.text();
}

runBench(async (bench) => {
  log("starting a throwaway PostgreSQL…");
  const database = await bench.database();
  await new Migrator(database.url).up();
  const key = await seed(database.url);
  log(`generating ${MISS_KEYS} distinct unknown keys…`);
  const missBodies = Array.from({ length: MISS_KEYS }, () => Buffer.from(post(generateKey().key)));

  const gateway = await startGateway(bench, database.url, TOKEN);

  const validBody = await verifyOnce(gateway, key);
  if (!validBody.includes('"valid":true')) throw new Error(`the bench key does not verify: ${validBody}`);
  const malformed = key.slice(0, 20) + (key[20] === "a" ? "b" : "a") + key.slice(21);
  if (!(await verifyOnce(gateway, malformed)).includes('"malformed"')) throw new Error("the malformed key is not answered malformed");

  const bare = await startBareServer(bench, validBody);

  const verifyUrl = `${gateway}/api/v1/keys/verify`;
  let nextMiss = 0;
  const rows = [
    await load("bare node:http (constant JSON)", `${bare}/api/v1/keys/verify`, headers, { body: post(key) }),
    await load("verify: cached valid key", verifyUrl, headers, { body: post(key) }),
    await load("verify: cache misses (unknown keys)", verifyUrl, headers, {
      requests: [{ setupRequest: (request) => ({ ...request, body: missBodies[nextMiss++ % MISS_KEYS] }) }],
    }),
    await load("verify: malformed key", verifyUrl, headers, { body: post(malformed) }),
  ];
  if (nextMiss > MISS_KEYS) log(`the miss scenario sent ${nextMiss} requests for ${MISS_KEYS} keys: some were negative cache hits`);

  await report(rows, rows[0], rows[1]);
});
