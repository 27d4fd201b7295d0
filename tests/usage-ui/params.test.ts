// The usage dashboards' URL state: what a query string parses to, and which dates a range stands for.
import { describe, expect, it } from "vitest";
import {
  FIRST_USAGE_DAY, MAX_CUSTOM_DAYS, loadStaffUsageParams, loadTenantUsageParams, resolveUsageRange, serializeTenantUsageParams,
} from "@/lib/domain/usage/params";

const NOW = new Date("2026-11-24T10:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("parsing the tenant dashboard's query string", () => {
  it("defaults to the last 30 days grouped by model", () => {
    expect(loadTenantUsageParams("")).toEqual({ range: "30d", from: null, to: null, groupBy: "model" });
  });

  it("reads every preset and every grouping", () => {
    for (const range of ["24h", "7d", "30d", "90d", "custom"]) expect(loadTenantUsageParams(`?range=${range}`).range).toBe(range);
    for (const groupBy of ["model", "provider", "feature", "team", "key"]) {
      expect(loadTenantUsageParams(`?groupBy=${groupBy}`).groupBy).toBe(groupBy);
    }
  });

  it("falls back to the defaults for values it does not know", () => {
    expect(loadTenantUsageParams("?range=1y&groupBy=Model")).toMatchObject({ range: "30d", groupBy: "model" });
    expect(loadTenantUsageParams("?groupBy=tenant_id").groupBy).toBe("model");
  });

  it("reads custom dates as UTC days and drops ones that are not dates", () => {
    expect(loadTenantUsageParams("?range=custom&from=2026-11-01&to=2026-11-15")).toMatchObject({
      range: "custom", from: day("2026-11-01"), to: day("2026-11-15"),
    });
    expect(loadTenantUsageParams("?from=2026-02-30&to=yesterday")).toMatchObject({ from: null, to: null });
  });

  it("moves days outside years 1–9999 to the nearest, and pages to 1…1,000,000", () => {
    expect(loadTenantUsageParams("?from=0000-01-01&to=275760-09-13")).toMatchObject({ from: day("0001-01-01"), to: day("9999-12-31") });
    expect(loadStaffUsageParams("?page=0").page).toBe(1);
    expect(loadStaffUsageParams("?page=99999999999").page).toBe(1_000_000);
  });

  it("writes the export link with only what differs from the defaults, after the tenant", () => {
    expect(serializeTenantUsageParams("/api/usage/export?tenant=acme", { range: "7d", from: null, to: null, groupBy: "feature" }))
      .toBe("/api/usage/export?tenant=acme&range=7d&groupBy=feature");
    expect(serializeTenantUsageParams("/api/usage/export?tenant=acme", { range: "30d", from: null, to: null, groupBy: "model" }))
      .toBe("/api/usage/export?tenant=acme");
  });

  it("reads the staff view's status, plan and page, ignoring unknown ones", () => {
    expect(loadStaffUsageParams("?status=trial&plan=enterprise&page=3")).toMatchObject({ status: "trial", plan: "enterprise", page: 3 });
    expect(loadStaffUsageParams("?status=deleted&plan=gold")).toMatchObject({ status: null, plan: null, page: 1 });
  });
});

describe("the dates a range stands for", () => {
  it("24 hours: exactly the last 24 hours, compared with the 24 before", () => {
    expect(resolveUsageRange({ range: "24h", from: null, to: null }, NOW)).toMatchObject({
      range: "24h", from: new Date("2026-11-23T10:30:00Z"), to: NOW,
      label: "the last 24 hours", previousLabel: "the previous 24 hours", error: null,
    });
  });

  it("day presets: whole UTC days ending with today", () => {
    const cases = [["7d", "2026-11-18", "7 days"], ["30d", "2026-10-26", "30 days"], ["90d", "2026-08-27", "90 days"]] as const;
    for (const [range, first, length] of cases) {
      expect(resolveUsageRange({ range, from: null, to: null }, NOW)).toMatchObject({
        range, from: day(first), to: NOW, firstDay: first, lastDay: "2026-11-24",
        label: `the last ${length}`, previousLabel: `the previous ${length}`, error: null,
      });
    }
  });

  it("presets ignore dates left in the URL", () => {
    const range = resolveUsageRange({ range: "7d", from: day("2026-01-01"), to: day("2026-01-05") }, NOW);
    expect(range.from).toEqual(day("2026-11-18"));
  });

  it("a custom range runs from the start of its first day to the end of its last", () => {
    expect(resolveUsageRange({ range: "custom", from: day("2026-11-01"), to: day("2026-11-15") }, NOW)).toMatchObject({
      range: "custom", from: day("2026-11-01"), to: day("2026-11-16"), firstDay: "2026-11-01", lastDay: "2026-11-15",
      label: "Nov 1, 2026 – Nov 15, 2026", previousLabel: "the previous 15 days", error: null,
    });
  });

  it("a custom range of one day", () => {
    expect(resolveUsageRange({ range: "custom", from: day("2026-11-03"), to: day("2026-11-03") }, NOW)).toMatchObject({
      from: day("2026-11-03"), to: day("2026-11-04"), label: "Nov 3, 2026", previousLabel: "the previous 1 day",
    });
  });

  it("a custom range ending today stops at now, and is compared with as many days as it shows", () => {
    expect(resolveUsageRange({ range: "custom", from: day("2026-11-20"), to: day("2026-11-30") }, NOW)).toMatchObject({
      range: "custom", from: day("2026-11-20"), to: NOW, previousLabel: "the previous 5 days", error: null,
    });
  });

  it(`a custom range of ${MAX_CUSTOM_DAYS} days is allowed, one more is not`, () => {
    const to = day("2026-11-20");
    const longest = new Date(to.getTime() - (MAX_CUSTOM_DAYS - 1) * 86_400_000);
    expect(resolveUsageRange({ range: "custom", from: longest, to }, NOW)).toMatchObject({ range: "custom", error: null });
    const tooLong = resolveUsageRange({ range: "custom", from: new Date(longest.getTime() - 86_400_000), to }, NOW);
    expect(tooLong).toMatchObject({ range: "30d", from: day("2026-10-26") });
    expect(tooLong.error).toBe(`A custom range spans at most ${MAX_CUSTOM_DAYS} days. Showing the last 30 days instead.`);
  });

  it("a start after the end is refused: the last 30 days are shown, saying why, and the typed dates are kept", () => {
    const range = resolveUsageRange({ range: "custom", from: day("2026-11-15"), to: day("2026-11-01") }, NOW);
    expect(range).toMatchObject({
      range: "30d", from: day("2026-10-26"), to: NOW, label: "the last 30 days",
      typedFrom: "2026-11-15", typedTo: "2026-11-01",
      error: "The start date is after the end date. Showing the last 30 days instead.",
    });
  });

  it("a missing date or a start in the future is refused the same way", () => {
    const missing = resolveUsageRange({ range: "custom", from: day("2026-11-01"), to: null }, NOW);
    expect(missing).toMatchObject({ range: "30d", typedFrom: "2026-11-01", typedTo: "" });
    expect(missing.error).toMatch(/^Choose both a start and an end date/);
    const future = resolveUsageRange({ range: "custom", from: day("2026-11-25"), to: day("2026-11-26") }, NOW);
    expect(future).toMatchObject({ range: "30d", error: "The start date is in the future. Showing the last 30 days instead." });
  });

  it(`a start before ${FIRST_USAGE_DAY} is refused the same way, with the reason alone for the export`, () => {
    const early = resolveUsageRange({ range: "custom", from: day("1999-12-31"), to: day("2000-01-05") }, NOW);
    expect(early).toMatchObject({ range: "30d", typedFrom: "1999-12-31", refusal: "There is no usage before Jan 1, 2000." });
    expect(resolveUsageRange({ range: "custom", from: day(FIRST_USAGE_DAY), to: day("2000-01-05") }, NOW)).toMatchObject({ range: "custom", refusal: null });
  });
});
