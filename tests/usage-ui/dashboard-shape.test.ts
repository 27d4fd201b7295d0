// The usage dashboard's charts and table rows, shaped from a UsageSummary: titles, the sentences that say what
// each chart shows, its points and its numbers as a table, and the groups table's rows.
import { describe, expect, it } from "vitest";
import { dashboardCharts, dashboardGroupRows } from "@/components/usage/dashboard-shape";
import type { UsageFigures, UsageGroup, UsageSummary } from "@/lib/domain/usage/queries";

const figures = (patch: Partial<UsageFigures>): UsageFigures => ({
  spendUsd: "0.0000000000", requests: 0, errors: 0, errorRate: 0, inputTokens: 0, outputTokens: 0, unpricedRequests: 0,
  p50LatencyMs: null, p95LatencyMs: null, ...patch,
});
const group = (key: string | null, label: string, patch: Partial<UsageFigures>): UsageGroup => ({ key, label, ...figures(patch) });

const NOV_3 = new Date("2026-11-03T00:00:00Z");
const NOV_4 = new Date("2026-11-04T00:00:00Z");

/** Two days, grouped by model: gpt-4o spent $3 (all on Nov 4), claude $1 (Nov 3); Nov 3 had an error. */
const daily: UsageSummary = {
  from: NOV_3, to: new Date("2026-11-05T00:00:00Z"), previousFrom: new Date("2026-11-01T00:00:00Z"), bucket: "day", groupBy: "model",
  current: figures({ spendUsd: "4.0000000000", requests: 40, errors: 4, errorRate: 0.1, p50LatencyMs: 210, p95LatencyMs: 880 }),
  previous: figures({}),
  stacks: [{ id: "g0", key: "gpt-4o", label: "gpt-4o" }, { id: "g1", key: "claude", label: "claude" }],
  series: [
    { start: NOV_3, spendUsd: { g0: "0.0000000000", g1: "1.0000000000" }, totalSpendUsd: "1.0000000000", requests: 10, errors: 4, p95LatencyMs: 900 },
    { start: NOV_4, spendUsd: { g0: "3.0000000000", g1: "0.0000000000" }, totalSpendUsd: "3.0000000000", requests: 30, errors: 0, p95LatencyMs: 400 },
  ],
  groups: [
    group("gpt-4o", "gpt-4o", { spendUsd: "3.0000000000", requests: 30, p50LatencyMs: 200, p95LatencyMs: 400 }),
    group("claude", "claude", { spendUsd: "1.0000000000", requests: 10, errors: 4, errorRate: 0.4, p50LatencyMs: 300, p95LatencyMs: 900 }),
  ],
  groupCount: 2,
};

describe("dashboardCharts", () => {
  const [spend, requests, latency] = dashboardCharts(daily);

  it("are the spend, requests and latency charts, titled by bucket and grouping", () => {
    expect(dashboardCharts(daily).map((c) => [c.id, c.title, c.kind, c.unit])).toEqual([
      ["spend-chart", "Spend per day by model", "bars", "usd"],
      ["requests-chart", "Requests and errors per day", "bars", "count"],
      ["latency-chart", "Latency p95 per day", "line", "ms"],
    ]);
  });

  it("say in a sentence the totals, the peak bucket and the top group", () => {
    expect(spend.description).toBe("$4.00 in all. The highest day was Nov 4 at $3.00. Model with the most spend: gpt-4o ($3.00).");
    expect(requests.description).toBe("40 requests, 4 of them errors (10%). The busiest day was Nov 4 with 30 requests.");
    expect(latency.description).toBe("Over the whole range: p95 880 ms, p50 210 ms. The slowest day was Nov 3 with a p95 of 900 ms.");
  });

  it("stack spend by the summary's stacks, and split requests into succeeded and errors", () => {
    expect(spend.series).toEqual([
      { id: "g0", label: "gpt-4o", color: "var(--chart-0)" },
      { id: "g1", label: "claude", color: "var(--chart-1)" },
    ]);
    expect(spend.points).toEqual([{ t: NOV_3.getTime(), g0: 0, g1: 1 }, { t: NOV_4.getTime(), g0: 3, g1: 0 }]);
    expect(requests.points).toEqual([{ t: NOV_3.getTime(), succeeded: 6, errors: 4 }, { t: NOV_4.getTime(), succeeded: 30, errors: 0 }]);
    expect(latency.points).toEqual([{ t: NOV_3.getTime(), p95: 900 }, { t: NOV_4.getTime(), p95: 400 }]);
  });

  it("give each chart its numbers as a table, a row per bucket", () => {
    expect(spend.table).toEqual({
      columns: ["Day (UTC)", "gpt-4o", "claude", "Total"],
      rows: [
        { key: NOV_3.toISOString(), cells: ["Nov 3", "$0.00", "$1.00", "$1.00"] },
        { key: NOV_4.toISOString(), cells: ["Nov 4", "$3.00", "$0.00", "$3.00"] },
      ],
    });
    expect(requests.table.columns).toEqual(["Day (UTC)", "Requests", "Errors", "Error rate"]);
    expect(requests.table.rows.map((r) => r.cells)).toEqual([["Nov 3", "10", "4", "40%"], ["Nov 4", "30", "0", "0%"]]);
    expect(latency.table.rows.map((r) => r.cells)).toEqual([["Nov 3", "900 ms"], ["Nov 4", "400 ms"]]);
  });

  it("write hourly buckets with the hour, in UTC; an hour without requests has no error rate or latency, and no peak", () => {
    const hour = new Date("2026-11-03T14:00:00Z");
    const [spendByHour, requestsByHour, latencyByHour] = dashboardCharts({
      ...daily, bucket: "hour", groupBy: "feature", stacks: [], groups: [],
      current: figures({}),
      series: [{ start: hour, spendUsd: {}, totalSpendUsd: "0.0000000000", requests: 0, errors: 0, p95LatencyMs: null }],
    });
    expect(spendByHour.title).toBe("Spend per hour by feature");
    expect(spendByHour.description).toBe("$0.00 in all.");
    expect(requestsByHour.table).toEqual({
      columns: ["Hour (UTC)", "Requests", "Errors", "Error rate"],
      rows: [{ key: hour.toISOString(), cells: ["Nov 3, 14:00 UTC", "0", "0", "—"] }],
    });
    expect(latencyByHour.description).toBe("Over the whole range: p95 —, p50 —.");
    expect(latencyByHour.table.rows[0].cells).toEqual(["Nov 3, 14:00 UTC", "—"]);
  });

  it("colour the rest of the groups, stacked together, as other", () => {
    const [withOther] = dashboardCharts({ ...daily, stacks: [...daily.stacks, { id: "other", key: null, label: "Other" }] });
    expect(withOther.series.at(-1)).toEqual({ id: "other", label: "Other", color: "var(--chart-other)" });
  });
});

describe("dashboardGroupRows", () => {
  it("give each group its share of the spend, and undefined latency where there was nothing to measure", () => {
    const rows = dashboardGroupRows({
      ...daily,
      groups: [...daily.groups, group(null, "(no key)", {})],
    });
    expect(rows.map((r) => [r.id, r.label, r.spend, r.spendUsd, r.share, r.requests, r.errorRate, r.p50LatencyMs, r.p95LatencyMs])).toEqual([
      ["gpt-4o", "gpt-4o", 3, "3.0000000000", 0.75, 30, 0, 200, 400],
      ["claude", "claude", 1, "1.0000000000", 0.25, 10, 0.4, 300, 900],
      ["(no key)", "(no key)", 0, "0.0000000000", 0, 0, 0, undefined, undefined],
    ]);
  });

  it("keep a key group's visible prefix, and give no share when nothing was spent", () => {
    const [row] = dashboardGroupRows({
      ...daily, current: figures({ requests: 1 }),
      groups: [{ ...group("key-1", "Production", { requests: 1 }), keyPrefix: "gth_4fT9aQ2z_…" }],
    });
    expect(row).toMatchObject({ id: "key-1", label: "Production", keyPrefix: "gth_4fT9aQ2z_…", share: 0, inputTokens: 0, outputTokens: 0 });
  });

  it("say \"no price on file\" for a group none of whose requests had a price, not $0.00 and 0%", () => {
    const rows = dashboardGroupRows({
      ...daily,
      groups: [
        ...daily.groups,
        group("mistral-large", "mistral-large", { requests: 7, unpricedRequests: 7 }),
        group("gpt-4-turbo", "gpt-4-turbo", { spendUsd: "0.5000000000", requests: 1_200, unpricedRequests: 1_001 }),
        group("gpt-3.5-turbo", "gpt-3.5-turbo", { spendUsd: "0.2500000000", requests: 3, unpricedRequests: 1 }),
      ],
    });
    expect(rows.map((r) => [r.id, r.spendText, r.spendNote, r.share])).toEqual([
      ["gpt-4o", "$3.00", undefined, 0.75],
      ["claude", "$1.00", undefined, 0.25],
      ["mistral-large", "no price on file", undefined, undefined],
      ["gpt-4-turbo", "$0.50", "not counting 1,001 requests with no price on file", 0.125],
      ["gpt-3.5-turbo", "$0.25", "not counting 1 request with no price on file", 0.0625],
    ]);
  });
});
