// `npm run bench:usage`: usage ingestion throughput, and the dashboards' server time on rollups next to the same
// figures computed by scanning usage_events. A throwaway PostgreSQL, migrated, loaded with BENCH_EVENTS (default
// 5,000,000) demo usage events by the demo seed (generated in SQL, rollups rebuilt with REBUILD_ROLLUPS_SQL);
// then (a) BENCH_INGEST_EVENTS events ingested in batches of 500, 4 at a time, over HTTP to the gateway's
// POST /api/v1/usage; (b) ~20 timed runs each of
// the 30-day tenant dashboard and the staff overview, on rollups and on the raw table. The last line is
// machine-readable: ingest_eps=<events/s> dashboard_p95_ms=<rollup p95> speedup=<raw p50 ÷ rollup p50>.
// Run with node's react-server condition (see package.json), like the jobs: lib/ marks its modules server-only.
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import pg from "pg";
import type { Principal } from "../lib/auth/principal";
import { DEMO_FEATURES, DEMO_MODELS, DEMO_TEAMS } from "../prisma/demo-data";
import { demoUsageDatabase, log, RUNS, runBench, startGateway, time, type Bench, type Timing } from "./bench-support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000_000);
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 100_000);
const BATCH = 500;
const IN_FLIGHT = 4;
const TOKEN = randomBytes(32).toString("base64url");
const DAY_MS = 86_400_000;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function benchTenant(pool: pg.Pool): Promise<{ tenantId: string; keyIds: string[] }> {
  const { rows: [tenant] } = await pool.query<{ id: string }>("INSERT INTO tenants (slug, name, status) VALUES ('bench-usage', 'Bench usage', 'active') RETURNING id");
  const keyIds: string[] = [];
  for (const name of ["bench a", "bench b"]) {
    const { rows: [key] } = await pool.query<{ id: string }>(
      "INSERT INTO api_keys (tenant_id, name, prefix, hash) VALUES ($1, $2, $3, '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2g') RETURNING id",
      [tenant.id, name, randomBytes(4).toString("hex")]);
    keyIds.push(key.id);
  }
  return { tenantId: tenant.id, keyIds };
}

function batchOf(size: number, offset: number, keyIds: string[]) {
  const now = Date.now();
  return {
    events: Array.from({ length: size }, (_, i) => {
      const n = offset + i;
      const [provider, model] = DEMO_MODELS[n % DEMO_MODELS.length];
      return {
        apiKeyId: keyIds[n % keyIds.length], requestId: `bench-${n}`, occurredAt: new Date(now - (n % 1440) * 60_000).toISOString(),
        provider, model, feature: DEMO_FEATURES[n % DEMO_FEATURES.length], team: n % 7 ? DEMO_TEAMS[n % DEMO_TEAMS.length] : null,
        inputTokens: 50 + (n % 3000), outputTokens: 20 + (n % 800), latencyMs: 120 + ((n * 37) % 4000), status: n % 50 ? 200 : 429,
      };
    }),
  };
}

const headers = () => ({ authorization: `Bearer ${TOKEN}`, "content-type": "application/json" });

/** (a) events/s ingesting INGEST_EVENTS in batches of BATCH, IN_FLIGHT batches at a time. */
async function ingestThroughput(bench: Bench, url: string, pool: pg.Pool): Promise<number> {
  const { keyIds } = await benchTenant(pool);
  const gateway = await startGateway(bench, url, TOKEN);
  const send = async (batch: ReturnType<typeof batchOf>): Promise<number> => {
    const response = await fetch(`${gateway}/api/v1/usage`, { method: "POST", headers: headers(), body: JSON.stringify(batch) });
    if (!response.ok) throw new Error(`POST /api/v1/usage answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { accepted: number }).accepted;
  };
  await send(batchOf(BATCH, INGEST_EVENTS, keyIds)); // warm-up (request ids past the timed ones): connections, plans
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < INGEST_EVENTS) {
      const offset = next;
      next += BATCH;
      const stored = await send(batchOf(Math.min(BATCH, INGEST_EVENTS - offset), offset, keyIds));
      accepted += stored; // not `accepted += await …`, which would add to the value read before the wait
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  if (accepted !== INGEST_EVENTS) throw new Error(`ingested ${accepted} of ${INGEST_EVENTS} events`);
  return Math.round(INGEST_EVENTS / elapsed);
}

// The same figures as the dashboards, from usage_events: what the rollups save.
const RAW_TENANT_SQL = `
SELECT GROUPING(day, model) AS level, day, model, count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS errors,
  sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(cost_usd) AS cost,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
FROM (SELECT date_trunc('day', occurred_at, 'UTC') AS day, * FROM usage_events WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3) e
GROUP BY GROUPING SETS ((day, model), (day), (model), ())`;
const RAW_PREVIOUS_SQL = `
SELECT count(*), count(*) FILTER (WHERE status >= 400), sum(input_tokens), sum(output_tokens), sum(cost_usd),
  percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY latency_ms)
FROM usage_events WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3`;
const RAW_STAFF_SQL = `
SELECT t.id, t.slug, t.name, t.status, t.plan, coalesce(u.spend, 0) AS spend, coalesce(u.requests, 0) AS requests
FROM tenants t LEFT JOIN (
  SELECT tenant_id, sum(cost_usd) AS spend, count(*) AS requests FROM usage_events WHERE occurred_at >= $1 AND occurred_at < $2 GROUP BY tenant_id
) u ON u.tenant_id = t.id
ORDER BY spend DESC, requests DESC, t.name LIMIT 50`;

runBench(async (bench) => {
  const database = await demoUsageDatabase(bench, EVENTS);
  const pool = new pg.Pool({ connectionString: database.url, max: IN_FLIGHT + 2 });
  try {
    const { rows: [sizes] } = await pool.query<{ events: string; hourly: string; daily: string }>(
      "SELECT (SELECT count(*) FROM usage_events) AS events, (SELECT count(*) FROM usage_hourly) AS hourly, (SELECT count(*) FROM usage_daily) AS daily");
    log(`${sizes.events} events, ${sizes.hourly} hourly and ${sizes.daily} daily rollup rows`);

    log(`ingesting ${INGEST_EVENTS.toLocaleString("en")} events in batches of ${BATCH}…`);
    const started = performance.now();
    const ingestEps = await ingestThroughput(bench, database.url, pool);
    log(`ingested in ${seconds(started)} s`);

    const { tenantUsageSummary, staffUsageOverview } = await import("../lib/domain/usage/queries");
    const { rows: [acme] } = await pool.query<{ id: string }>("SELECT id FROM tenants WHERE slug = 'acme'");
    const owner: Principal = { type: "user", staffRole: null, memberships: [{ tenantId: acme.id, role: "owner" }] };
    const staff: Principal = { type: "user", staffRole: "support", memberships: [] };
    // as the console's "last 30 days" asks (lib/domain/usage/params.ts): 29 whole UTC days and today so far
    const to = new Date();
    const from = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS - 29 * DAY_MS);
    const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
    const { rows: [inRange] } = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM usage_events WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3", [acme.id, from, to]);
    log(`timing the 30-day dashboard of acme (${inRange.n} events in range) and the staff overview, ${RUNS} runs each…`);
    const dashboard = await time(() => tenantUsageSummary(owner, acme.id, { from, to, groupBy: "model" }));
    const dashboardRaw = await time(() => Promise.all([
      pool.query(RAW_TENANT_SQL, [acme.id, from, to]), pool.query(RAW_PREVIOUS_SQL, [acme.id, previousFrom, from]),
    ]));
    const overview = await time(() => staffUsageOverview(staff, { from, to }));
    const overviewRaw = await time(() => pool.query(RAW_STAFF_SQL, [from, to]));

    const ms = (value: number) => value.toFixed(1).padStart(9);
    const row = (name: string, rollup: Timing, raw: Timing) =>
      `${name.padEnd(28)}${ms(rollup.p50)}${ms(rollup.p95)}${ms(raw.p50)}${ms(raw.p95)}${`${(raw.p50 / rollup.p50).toFixed(1)}×`.padStart(10)}`;
    console.log([
      "",
      `events: ${sizes.events} (rollups: ${sizes.hourly} hourly, ${sizes.daily} daily rows); cores: ${availableParallelism()}`,
      `ingest: ${ingestEps} events/s, ${INGEST_EVENTS} events in batches of ${BATCH}, ${IN_FLIGHT} in flight, over HTTP`,
      "",
      `${"server time, ms".padEnd(28)}${"p50".padStart(9)}${"p95".padStart(9)}${"raw p50".padStart(9)}${"raw p95".padStart(9)}${"speedup".padStart(10)}`,
      row("30-day tenant dashboard", dashboard, dashboardRaw),
      row("30-day staff overview", overview, overviewRaw),
      "",
      `ingest_eps=${ingestEps} dashboard_p95_ms=${dashboard.p95.toFixed(1)} speedup=${(dashboardRaw.p50 / dashboard.p50).toFixed(1)}`,
    ].join("\n"));
  } finally {
    await pool.end();
    const { db } = await import("../lib/db/client");
    await db.$disconnect();
  }
});
