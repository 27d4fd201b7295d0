// `npm run bench:whatif`: the routing what-if's server time. The demo usage database of bench-usage (BENCH_EVENTS,
// default 5,000,000, demo usage events), then RUNS timed 30-day simulations of acme, the tenant with the most
// traffic, through its rules with a draft cheapest rule appended, as an owner asks from the rule form. The last
// line is machine-readable: whatif_p95_ms=<p95>.
// Run with node's react-server condition (see package.json), like the jobs: lib/ marks its modules server-only.
import type { Actor } from "../lib/auth/principal";
import { demoUsageDatabase, log, RUNS, runBench, time } from "./bench-support";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000_000);

runBench(async (bench) => {
  await demoUsageDatabase(bench, EVENTS);
  const { db } = await import("../lib/db/client");
  try {
    const { simulateRouting } = await import("../lib/domain/routing/simulate");
    const { prismaQuery, rulesOf } = await import("../lib/domain/routing/tenant-config");
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
    const owner: Actor = {
      type: "user", id: null, name: "bench", staffRole: null, memberships: [{ tenantId: acme.id, role: "owner" }], sessionId: null, sourceIp: null, userAgent: null,
    };
    const draft = { name: "Cheap chat", matchFeature: "chat", strategy: "cheapest", targetModel: "gpt-4o-mini", fallbackModels: ["anthropic/claude-3-haiku"] };
    const input = { tenantId: acme.id, days: "30", rules: JSON.stringify([...(await rulesOf(prismaQuery(db), acme.id)), draft]) };

    const first = await simulateRouting(owner, input);
    if (!first.ok) throw new Error(`the simulation was refused: ${JSON.stringify(first)}`);
    const [{ rows }] = await db.$queryRawUnsafe<{ rows: bigint }[]>(
      "SELECT count(*) AS rows FROM usage_routing_daily WHERE tenant_id = $1::uuid AND day BETWEEN $2::date AND $3::date", acme.id, first.data.from, first.data.to);
    log(`timing the 30-day what-if of acme (${first.data.total.requests} requests in ${rows} rollup rows, ${first.data.rules.length} draft rules), ${RUNS} runs…`);
    const whatIf = await time(() => simulateRouting(owner, input));
    console.log([
      "",
      `30-day what-if: p50 ${whatIf.p50.toFixed(1)} ms, p95 ${whatIf.p95.toFixed(1)} ms; total ${first.data.total.currentCostUsd} as served, ${first.data.total.projectedCostUsd} projected`,
      "",
      `whatif_p95_ms=${whatIf.p95.toFixed(1)}`,
    ].join("\n"));
  } finally {
    await db.$disconnect();
  }
});
