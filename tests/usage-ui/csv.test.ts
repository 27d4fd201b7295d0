// The CSV of the usage dashboard's groups table: its header, its rows, and cells made safe for spreadsheets.
import { describe, expect, it } from "vitest";
import { usageGroupsCsv } from "@/lib/domain/usage/groups-csv";
import type { UsageGroup } from "@/lib/domain/usage/queries";

function group(overrides: Partial<UsageGroup>): UsageGroup {
  return {
    key: "gpt-4o", label: "gpt-4o", spendUsd: "12.3456789012", requests: 1000, errors: 25, errorRate: 0.025,
    inputTokens: 150_000, outputTokens: 40_000, unpricedRequests: 0, p50LatencyMs: 320, p95LatencyMs: 1480,
    ...overrides,
  };
}

const lines = (csv: string) => csv.split("\r\n").slice(0, -1);

describe("the groups CSV", () => {
  it("starts with a header naming the grouping, then one line per group, each ended by CRLF", () => {
    const csv = usageGroupsCsv("model", [group({}), group({ key: "claude-sonnet", label: "claude-sonnet", p50LatencyMs: null, p95LatencyMs: null })]);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines(csv)).toEqual([
      "Model,Spend (USD),Requests,Errors,Error rate (%),Input tokens,Output tokens,Requests without a price,p50 latency (ms),p95 latency (ms)",
      "gpt-4o,12.3456789012,1000,25,2.50,150000,40000,0,320,1480",
      "claude-sonnet,12.3456789012,1000,25,2.50,150000,40000,0,,",
    ]);
  });

  it("names the column after the grouping, and adds the key's prefix and id when grouped by key", () => {
    expect(lines(usageGroupsCsv("feature", []))[0]).toMatch(/^Feature,Spend \(USD\),/);
    const csv = usageGroupsCsv("key", [group({ key: "0b6f3f5e-1d2c-4b8a-9e7f-2a1b3c4d5e6f", label: "CI key", keyPrefix: "gth_4fT9aQ2z_…" })]);
    expect(lines(csv)[0]).toMatch(/^API key,Key prefix,Key id,Spend \(USD\),/);
    expect(lines(csv)[1]).toMatch(/^CI key,gth_4fT9aQ2z_…,0b6f3f5e-1d2c-4b8a-9e7f-2a1b3c4d5e6f,12\.3456789012,/);
  });

  it("has only the header when there are no groups", () => {
    expect(lines(usageGroupsCsv("team", []))).toHaveLength(1);
  });

  it("quotes cells holding commas, quotes or line breaks, doubling the quotes", () => {
    const csv = usageGroupsCsv("feature", [group({ label: 'chat, "beta"' }), group({ label: "line one\nline two" })]);
    expect(csv).toContain('\r\n"chat, ""beta""",12.3456789012,');
    expect(csv).toContain('\r\n"line one\nline two",12.3456789012,');
  });

  it("prefixes cells a spreadsheet would run as a formula with a quote", () => {
    const csv = usageGroupsCsv("team", ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"].map((label) => group({ label })));
    expect(lines(csv).slice(1).map((line) => line.slice(0, line.indexOf(",12.3456789012")))).toEqual([
      "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'-2", "'@SUM(A1)",
    ]);
  });

  it("leaves harmless labels alone", () => {
    expect(lines(usageGroupsCsv("team", [group({ label: "search-team" }), group({ label: "(none)" })])).slice(1).map((l) => l.split(",")[0]))
      .toEqual(["search-team", "(none)"]);
  });
});
