// npm run bench:audit: the audit log's viewer at 1,000,000 events in one tenant. A throwaway embedded
// PostgreSQL is migrated and loaded through the chain trigger (INSERT … SELECT generate_series: ~400 days of a
// plausible mix of actors, actions and targets), analyzed, then the query functions the pages and the export
// route call are timed directly (server time, ~20 runs each, p50/p95), each beside the same read done with
// OFFSET. The last line is `worst_page_p95_ms=… deep_speedup=…`.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Migrator } from "../lib/db/migrator";
import type { Actor } from "../lib/auth/principal";
import { RUNS, runBench, time } from "./bench-support";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const LOAD_BATCH = 100_000;
const DEEP = 10_000;
const EXPORT_ROWS = 100_000;
const DAY_MS = 86_400_000;

// a full garbage collection on demand, to tell what is kept alive from what is merely not yet collected
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const pad = (text: string, width: number) => text.padEnd(width);

/** Runs `work` while sampling the process's memory every 5 ms; returns the peaks (MB) beside the starting point. */
async function withMemory<T>(work: () => Promise<T>) {
  gc();
  const mb = (bytes: number) => bytes / 1_048_576;
  const start = process.memoryUsage();
  const peak = { rss: start.rss, heapUsed: start.heapUsed };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result, ms: performance.now() - started,
      baseline: { rss: mb(start.rss), heapUsed: mb(start.heapUsed) }, peak: { rss: mb(peak.rss), heapUsed: mb(peak.heapUsed) },
    };
  } finally {
    clearInterval(timer);
  }
}

// A tenant's 400 days of activity, oldest first: 40 people (a few do most), the gateway and CI services, the
// system; 20 actions in 12 areas, the first ones more frequent; 2% refused.
const LOAD_SQL = `
  INSERT INTO audit_log (tenant_id, actor_id, actor_name, actor_type, action, target_type, target_id, target_name,
                         is_failure, metadata, source_ip, user_agent, created_at)
  SELECT $1::uuid,
         CASE WHEN r < 0.80 THEN 'user-' || person WHEN r < 0.95 THEN 'svc-gateway' WHEN r < 0.99 THEN 'svc-ci' END,
         CASE WHEN r < 0.80 THEN 'person ' || person WHEN r < 0.95 THEN 'gateway' WHEN r < 0.99 THEN 'ci' ELSE 'system' END,
         (CASE WHEN r < 0.80 THEN 'user' WHEN r < 0.99 THEN 'service' ELSE 'system' END)::actor_type,
         action, split_part(action, '.', 1), split_part(action, '.', 1) || '-' || (g % 5000),
         split_part(action, '.', 1) || ' ' || (g % 5000), failed,
         CASE WHEN action LIKE '%updated' OR action LIKE '%changed'
              THEN jsonb_build_object('before', jsonb_build_object('value', g - 1), 'after', jsonb_build_object('value', g))
              ELSE jsonb_build_object('after', jsonb_build_object('value', g)) END,
         ('10.' || (g % 200) || '.' || (g % 7) || '.1')::inet, 'bench/1.0',
         $2::timestamptz + (g * ($3::float8 / $4)) * interval '1 millisecond'
  FROM (
    SELECT g, random() AS r, floor(40 * power(random(), 2))::int AS person, random() < 0.02 AS failed,
           (ARRAY['api_key.created','api_key.revoked','api_key.rolled','invitation.created','membership.role_changed',
                  'membership.removed','project.created','project.renamed','provider.updated','provider.created',
                  'routing_rule.updated','routing_rule.created','flag.updated','flag.created','tenant.details_updated',
                  'session.revoked','webhook.created','webhook.updated','usage.exported','product.entitlement_changed'])
             [1 + floor(20 * power(random(), 1.5))::int] AS action
    FROM generate_series($5::int, $6::int) g
  ) dice
  ORDER BY g`;

runBench(async (bench) => {
  const database = await bench.database();
  await new Migrator(database.url).up();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db/client");
  const { Prisma } = await import("../lib/db/generated/client");
  const { listAuditEvents, auditWhere, keysetCondition } = await import("../lib/domain/audit/queries");
  const { exportAuditEvents } = await import("../lib/domain/audit/export");
  const { encodeCursor, decodeCursor } = await import("../lib/domain/audit/cursor");
  const { toRetraced, csvRow } = await import("../lib/domain/audit/retraced");
  const { verifyChain, chainOf } = await import("../lib/domain/audit/integrity");

  const tenant = await db.tenant.create({ data: { slug: "bench", name: "Bench Co", status: "active" } });
  const viewer: Actor = {
    type: "user", id: "viewer", name: "viewer", staffRole: null, memberships: [{ tenantId: tenant.id, role: "viewer" }],
    sessionId: null, sourceIp: null, userAgent: null,
  };
  const scope = { kind: "tenant" as const, tenantId: tenant.id };

  // ─── load ───────────────────────────────────────────────────────────────────────────────────────────────
  console.log(`loading ${EVENTS.toLocaleString("en-US")} events into one tenant through the chain trigger…`);
  const span = 400 * DAY_MS;
  const start = new Date(Date.now() - span - DAY_MS);
  const loadStarted = performance.now();
  for (let from = 1; from <= EVENTS; from += LOAD_BATCH) {
    const to = Math.min(EVENTS, from + LOAD_BATCH - 1);
    await db.$executeRawUnsafe(LOAD_SQL, tenant.id, start.toISOString(), span, EVENTS, from, to);
    process.stdout.write(`  ${to.toLocaleString("en-US")} (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)\n`);
  }
  // as a table in steady state is: vacuumed (hint bits set, visibility map built) and analyzed, and no
  // autovacuum of the fresh million rows running during the measurements
  await db.$executeRawUnsafe("VACUUM (ANALYZE) audit_log");
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(`loaded, vacuumed and analyzed in ${loadSeconds.toFixed(1)} s (${Math.round(EVENTS / loadSeconds).toLocaleString("en-US")} events/s, each hashed and chained)`);

  // ─── the reads ──────────────────────────────────────────────────────────────────────────────────────────
  const offsetPage = async (filters: Parameters<typeof auditWhere>[2], offset: number) => {
    const where = (await auditWhere(viewer, scope, filters))!;
    return db.$queryRaw`
      SELECT a.id::text, a.created_at, a.actor_id, a.actor_name, a.actor_type::text, a.action, a.target_id, a.target_type,
        a.target_name, host(a.source_ip), a.is_failure, a.description, t.slug, t.name
      FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
      WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT 51 OFFSET ${offset}`;
  };
  const [deepRow] = await db.$queryRaw<{ at: string; id: string }[]>`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id::text AS id
    FROM audit_log WHERE tenant_id = ${tenant.id}::uuid ORDER BY created_at DESC, id DESC OFFSET ${DEEP - 1} LIMIT 1`;
  const deepCursor = encodeCursor({ direction: "older", at: deepRow.at, id: deepRow.id });
  const today = new Date(new Date().toISOString().slice(0, 10));
  const filtered = { actor: "user-3", action: "api_key.*", from: new Date(today.getTime() - 30 * DAY_MS), to: today };
  const deepPage = await listAuditEvents(viewer, scope, {}, deepCursor);
  if (deepPage?.events.length !== 50) throw new Error("the deep page is not a full page");
  const filteredPage = await listAuditEvents(viewer, scope, filtered);
  console.log(`the filtered page (user-3, api_key.*, last 30 days) has ${filteredPage!.events.length} events`);

  // the indexes a page's query uses, from its plan
  const indexesOf = async (filters: Parameters<typeof auditWhere>[2], cursor: string | null = null) => {
    const where = (await auditWhere(viewer, scope, filters))!;
    const after = decodeCursor(cursor);
    const [{ "QUERY PLAN": plan }] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (FORMAT JSON) SELECT a.id FROM audit_log a
      WHERE ${where} AND ${after ? keysetCondition(after) : Prisma.sql`TRUE`} ORDER BY a.created_at DESC, a.id DESC LIMIT 51`;
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) if (key === "Index Name") names.add(String(value)); else walk(value);
      }
    };
    walk(plan);
    return [...names].join(" + ") || "no index";
  };

  const pages = [
    { name: "first page", filters: {}, cursor: null, keyset: () => listAuditEvents(viewer, scope, {}), offset: () => offsetPage({}, 0) },
    { name: `page at row ${DEEP.toLocaleString("en-US")}`, filters: {}, cursor: deepCursor, keyset: () => listAuditEvents(viewer, scope, {}, deepCursor), offset: () => offsetPage({}, DEEP) },
    { name: "filtered page", filters: filtered, cursor: null, keyset: () => listAuditEvents(viewer, scope, filtered), offset: () => offsetPage(filtered, 0) },
  ];
  console.log(`\nserver time of one page of 50 (${RUNS} runs each)      keyset p50 / p95        OFFSET p50 / p95        index used`);
  const results = [];
  for (const page of pages) {
    const keyset = await time(page.keyset);
    const offset = await time(page.offset);
    results.push({ ...page, keyset, offset });
    console.log(`  ${pad(page.name, 50)} ${pad(`${ms(keyset.p50)} / ${ms(keyset.p95)}`, 24)} ${pad(`${ms(offset.p50)} / ${ms(offset.p95)}`, 24)} ${await indexesOf(page.filters, page.cursor)}`);
  }

  // every filter alone, to show each has its index
  const singles: [string, Parameters<typeof auditWhere>[2]][] = [
    ["actor (id)", { actor: "user-7" }], ["actor (name)", { actor: "gateway" }], ["action (exact)", { action: "membership.removed" }],
    ["action area", { action: "webhook.*" }], ["target type", { target: "flag" }], ["outcome: failure", { outcome: "failure" }],
    ["date range (a week, 200 days ago)", { from: new Date(today.getTime() - 200 * DAY_MS), to: new Date(today.getTime() - 194 * DAY_MS) }],
    ["text in target name, rare ('flag 4711')", { q: "flag 4711" }],
    ["text in target name, common ('key 12': 1 in 160 events)", { q: "key 12" }],
  ];
  console.log("\neach filter alone, first page                          keyset p50 / p95        index used");
  for (const [name, filters] of singles) {
    const t = await time(() => listAuditEvents(viewer, scope, filters));
    console.log(`  ${pad(name, 50)} ${pad(`${ms(t.p50)} / ${ms(t.p95)}`, 24)} ${await indexesOf(filters)}`);
  }

  // ─── the export ─────────────────────────────────────────────────────────────────────────────────────────
  // reads the export as the route's stream would, calling `each` after every chunk (a batch of 1,000 rows)
  const exportRows = async (limit: number, each: (rows: number) => void = () => {}) => {
    const chunks = (await exportAuditEvents(viewer, scope, {}, "csv"))!;
    let rows = -1; // the header
    let bytes = 0;
    for await (const chunk of chunks) {
      for (let i = chunk.indexOf("\r\n"); i >= 0; i = chunk.indexOf("\r\n", i + 2)) rows++;
      bytes += chunk.length;
      each(rows);
      if (rows >= limit) break;
    }
    return { rows, bytes };
  };
  const offsetExport = async (limit: number) => {
    const where = (await auditWhere(viewer, scope, {}))!;
    let rows = 0;
    for (let offset = 0; offset < limit; offset += 1_000) {
      const batch = await db.$queryRaw<Parameters<typeof toRetraced>[0][]>(Prisma.sql`
        SELECT a.id::text AS "id", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at", a.action,
          substr(a.chain, 8) AS "groupId", t.name AS "groupName", a.actor_id AS "actorId", a.actor_name AS "actorName",
          a.actor_type::text AS "actorType", a.target_id AS "targetId", a.target_name AS "targetName", a.target_type AS "targetType",
          host(a.source_ip) AS "sourceIp", a.description, a.is_failure AS "isFailure", a.metadata
        FROM audit_log a LEFT JOIN tenants t ON t.id = a.tenant_id
        WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT 1000 OFFSET ${offset}`);
      rows += batch.map((row) => csvRow(toRetraced(row))).length;
    }
    return { rows, bytes: 0 };
  };
  console.log(`\nexport as CSV, batches of 1,000           time        heap used: start → peak      RSS: start → peak`);
  const exports = [];
  for (const [name, run] of [
    ["keyset, 10,000 rows", () => exportRows(10_000)],
    [`keyset, ${EXPORT_ROWS.toLocaleString("en-US")} rows`, () => exportRows(EXPORT_ROWS)],
    [`OFFSET, ${EXPORT_ROWS.toLocaleString("en-US")} rows`, () => offsetExport(EXPORT_ROWS)],
  ] as const) {
    const m = await withMemory(run);
    exports.push({ name, ...m });
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    console.log(`  ${pad(name, 38)} ${pad(`${(m.ms / 1000).toFixed(2)} s`, 11)} ${pad(`${mb(m.baseline.heapUsed)} → ${mb(m.peak.heapUsed)}`, 28)} ${mb(m.baseline.rss)} → ${mb(m.peak.rss)}`);
  }
  // what the export keeps alive, as opposed to garbage not yet collected: the heap after a full GC as it goes
  const live: string[] = [];
  gc();
  const liveAtStart = process.memoryUsage().heapUsed;
  await exportRows(EXPORT_ROWS, (rows) => {
    if (rows === 0 || rows % 20_000 !== 0) return;
    gc();
    live.push(`${(rows / 1000).toFixed(0)}k: ${((process.memoryUsage().heapUsed - liveAtStart) / 1_048_576).toFixed(1)} MB`);
  });
  console.log(`  live heap (after a full GC) above the start, as the ${EXPORT_ROWS.toLocaleString("en-US")}-row export goes: ${live.join(", ")}`);

  // ─── verifying the chain ────────────────────────────────────────────────────────────────────────────────
  const verified = await withMemory(() => verifyChain(chainOf(tenant.id)));
  console.log(`\nverifyChain over ${EVENTS.toLocaleString("en-US")} events: ${JSON.stringify(verified.result)} in ${(verified.ms / 1000).toFixed(1)} s, ` +
    `heap ${verified.baseline.heapUsed.toFixed(0)} → ${verified.peak.heapUsed.toFixed(0)} MB`);

  await db.$disconnect();
  const worst = Math.max(...results.map((r) => r.keyset.p95));
  const deep = results[1];
  console.log(`worst_page_p95_ms=${worst.toFixed(2)} deep_speedup=${(deep.offset.p50 / deep.keyset.p50).toFixed(1)}`);
});

