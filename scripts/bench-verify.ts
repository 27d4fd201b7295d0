// `npm run bench:verify`: how fast the gateway verifies keys, next to bare node:http on the same machine.
// A throwaway PostgreSQL, a tenant and a key; the gateway as it runs in production (scripts/gateway.ts) and a
// bare node:http server answering a constant JSON, each in a child process of its own so that the load
// generator (autocannon, here) shares an event loop with neither. Each scenario gets a warm-up, then
// DURATION seconds at CONNECTIONS connections over loopback. The last line is machine-readable:
//   ratio=<cached req/s ÷ bare req/s> p99_ms=<cached p99>
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { freePort } from "../lib/db/embedded";
import { Migrator } from "../lib/db/migrator";
import { generateKey } from "../lib/domain/keys/format";
import { log, runBench, startGateway, waitUntilUp } from "./bench-support";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
// Distinct unknown keys for the miss scenario: a repeat would be a (negatively) cached hit.
const MISS_KEYS = Number(process.env.BENCH_MISS_KEYS ?? 200_000);
const TOKEN = randomBytes(32).toString("base64url");

// Bare node:http, answering what the gateway answers for a valid key (BODY), to whatever it is sent.
const BARE_SERVER = `
const body = Buffer.from(process.env.BODY);
require("node:http").createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length, "cache-control": "no-store" });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
`;

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

interface Row {
  name: string;
  result: autocannon.Result;
}

async function load(name: string, url: string, options: Partial<autocannon.Options>): Promise<Row> {
  const base = { url, connections: CONNECTIONS, method: "POST" as const, headers, ...options };
  await autocannon({ ...base, duration: WARMUP_S });
  const result = await autocannon({ ...base, duration: DURATION_S });
  log(`${name}: ${Math.round(result.requests.average)} req/s`);
  return { name, result };
}

function table(rows: Row[]): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors"];
  const lines = rows.map(({ name, result }) => [
    name, Math.round(result.requests.average), result.latency.p50, result.latency.p99, result.latency.max,
    result.requests.total, result.non2xx, result.errors,
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [format(header), ...lines.map(format)].join("\n");
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

  const barePort = await freePort();
  bench.node("bare node:http", ["-e", BARE_SERVER], { PORT: String(barePort), BODY: validBody });
  const bare = `http://127.0.0.1:${barePort}`;
  await waitUntilUp(bare);

  const verifyUrl = `${gateway}/api/v1/keys/verify`;
  let nextMiss = 0;
  const rows = [
    await load("bare node:http (constant JSON)", `${bare}/api/v1/keys/verify`, { body: post(key) }),
    await load("verify: cached valid key", verifyUrl, { body: post(key) }),
    await load("verify: cache misses (unknown keys)", verifyUrl, {
      requests: [{ setupRequest: (request) => ({ ...request, body: missBodies[nextMiss++ % MISS_KEYS] }) }],
    }),
    await load("verify: malformed key", verifyUrl, { body: post(malformed) }),
  ];
  if (nextMiss > MISS_KEYS) log(`the miss scenario sent ${nextMiss} requests for ${MISS_KEYS} keys: some were negative cache hits`);

  const [bareRow, cachedRow] = rows;
  console.log(`\n${table(rows)}\n`);
  console.log(`connections=${CONNECTIONS} duration_s=${DURATION_S} cores=${(await import("node:os")).availableParallelism()}`);
  const ratio = cachedRow.result.requests.average / bareRow.result.requests.average;
  console.log(`ratio=${ratio.toFixed(2)} p99_ms=${cachedRow.result.latency.p99}`);
});
