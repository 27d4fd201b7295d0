// Every page's query schema, given anything a URL can carry: it never throws, and what it returns is within the
// bounds of lib/domain/bounds.ts (days in years 1–9999, pages up to MAX_PAGE, ids within bigint, text without
// NUL and of bounded length), so no query downstream is handed a value its column or JavaScript cannot hold.
import fc from "fast-check";
import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import {
  FIRST_DAY, INT8_MAX, LAST_DAY, MAX_DAY_COUNT, MAX_PAGE, MAX_TEXT_LENGTH, isStoredTimestamp, parseDay, parseQueryStrictly,
} from "@/lib/domain/bounds";
import { auditExportParsers, loadAuditListParams } from "@/lib/domain/audit/params";
import { decodeCursor, encodeCursor } from "@/lib/domain/audit/cursor";
import { FIRST_USAGE_DAY, loadStaffUsageParams, loadTenantUsageParams, resolveUsageRange, usageExportParsers } from "@/lib/domain/usage/params";
import { tenantListParsers } from "@/lib/domain/tenants/list-params";
import { loadKeyListParams } from "@/lib/domain/keys/list-params";
import { loadPeopleListParams } from "@/lib/domain/people/list-params";
import { DAY_MS } from "../support/time";

const RUNS = { seed: 20261202, numRuns: 300 };
const FIRST = new Date(`${FIRST_DAY}T00:00:00Z`);
const LAST = new Date(`${LAST_DAY}T00:00:00Z`);

const twoDigits = (n: number) => String(n).padStart(2, "0");
/** Values that look like what a parameter takes, and values that do not. */
const hostileValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom("9999999999999999999", "0000-01-01", "9999-12-31", "10000-01-01", "+275760-09-13", "-000001-01-01", "NaN", "1e400", "\0", "__proto__"),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double().map(String),
  fc.tuple(fc.integer({ min: -300_000, max: 300_000 }), fc.nat(99), fc.nat(99)).map(([y, m, d]) => `${y}-${twoDigits(m)}-${twoDigits(d)}`),
);
/** A query string of `names`, each absent, once or several times, with hostile values. */
const queryOf = (names: string[]) =>
  fc.tuple(...names.map((name) => fc.array(hostileValue, { maxLength: 3 }).map((values) => values.map((v) => [name, v] as const))))
    .map((pairs) => new URLSearchParams(pairs.flat() as [string, string][]));

const AUDIT = ["actor", "action", "target", "outcome", "from", "to", "q", "tenant", "cursor", "event"];

function expectDayWithin(day: Date | null) {
  if (day === null) return;
  expect(day.getTime()).toBeGreaterThanOrEqual(FIRST.getTime());
  expect(day.getTime()).toBeLessThanOrEqual(LAST.getTime());
  expect(day.toISOString().slice(10)).toBe("T00:00:00.000Z");
}

function expectText(text: string | null, maxLength = MAX_TEXT_LENGTH) {
  if (text === null) return;
  expect([...text].length).toBeLessThanOrEqual(maxLength);
  expect(text).not.toContain("\0");
  expect(text).toBe(text.trim());
  expect(text).not.toBe("");
}

describe("days", () => {
  it("are the calendar day written, moved into years 1–9999, or none", () => {
    fc.assert(fc.property(fc.integer({ min: -300_000, max: 300_000 }), fc.nat(99), fc.nat(99), (year, month, day) => {
      const written = `${year < 0 ? "-" : ""}${String(Math.abs(year)).padStart(4, "0")}-${twoDigits(month)}-${twoDigits(day)}`;
      const parsed = parseDay(written);
      expectDayWithin(parsed);
      const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate()
        && !(month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0));
      if (!real) expect(parsed).toBeNull();
      else if (year >= 1 && year <= 9999) expect(parsed!.toISOString().slice(0, 10)).toBe(written);
      else expect(parsed!.toISOString().slice(0, 10)).toBe(year < 1 ? FIRST_DAY : LAST_DAY);
    }), RUNS);
  });

  it("examples: issue 11's, leap days, and what is no day", () => {
    expect(parseDay("0000-01-01")?.toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(parseDay("9999-12-31")?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
    expect(parseDay("275760-09-13")?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
    expect(parseDay("0050-06-15")?.toISOString()).toBe("0050-06-15T00:00:00.000Z");
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    for (const none of ["2026-02-29", "2026-13-45", "2026-1-5", "2026-01-01T00:00:00Z", "+275760-09", ""]) expect(parseDay(none), none).toBeNull();
  });

  it(`span ${MAX_DAY_COUNT} days from the first to the last`, () => {
    expect((LAST.getTime() - FIRST.getTime()) / DAY_MS + 1).toBe(MAX_DAY_COUNT);
  });
});

describe("the audit log's query", () => {
  it("never throws, and every value is within its bounds", () => {
    fc.assert(fc.property(queryOf(AUDIT), (query) => {
      const params = loadAuditListParams(query);
      expectDayWithin(params.from);
      expectDayWithin(params.to);
      for (const key of ["actor", "action", "target", "q", "tenant", "cursor"] as const) expectText(params[key]);
      expect([null, "success", "failure"]).toContain(params.outcome);
      if (params.event !== null) expect(BigInt(params.event)).toBeLessThanOrEqual(INT8_MAX);
    }), RUNS);
  });

  it("reads issue 11's event id beyond bigint as no event", () => {
    expect(loadAuditListParams("?event=9999999999999999999").event).toBeNull();
    expect(loadAuditListParams("?event=9223372036854775807").event).toBe("9223372036854775807");
    expect(loadAuditListParams("?event=9223372036854775808").event).toBeNull();
  });

  it("cursors: never throw, and hold only instants and ids PostgreSQL takes", () => {
    const token = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.tuple(fc.constantFrom("o", "n", "x", 1), fc.string(), fc.oneof(fc.string(), fc.bigInt().map(String), fc.integer()))
        .map((parts) => Buffer.from(JSON.stringify(parts)).toString("base64url")),
      fc.tuple(fc.constantFrom("o", "n"), fc.date({ noInvalidDate: true }), fc.bigInt({ min: 0n, max: 2n ** 64n }))
        .map(([d, at, id]) => Buffer.from(JSON.stringify([d, `${at.toISOString().slice(0, -1)}000Z`, String(id)])).toString("base64url")),
    );
    fc.assert(fc.property(token, (value) => {
      const cursor = decodeCursor(value);
      if (cursor === null) return;
      expect(isStoredTimestamp(cursor.at)).toBe(true);
      expect(BigInt(cursor.id)).toBeLessThanOrEqual(INT8_MAX);
    }), RUNS);
  });

  it("reads issue 11's cursor on day 45 of month 13 as none, and keeps a real one", () => {
    const real = { direction: "older" as const, at: "2026-11-24T10:30:00.123456Z", id: "42" };
    expect(decodeCursor(encodeCursor(real))).toEqual(real);
    for (const at of ["2026-13-45T00:00:00.000000Z", "0000-01-01T00:00:00.000000Z", "2026-02-29T00:00:00.000000Z", "2026-01-01T24:00:00.000000Z"]) {
      expect(decodeCursor(encodeCursor({ ...real, at })), at).toBeNull();
    }
    expect(decodeCursor(encodeCursor({ ...real, id: "9999999999999999999" }))).toBeNull();
  });
});

describe("the usage dashboards' query", () => {
  const NOW = new Date("2026-11-24T10:30:00Z");

  it("never throws; days and pages are within bounds, and the range and the period it is compared with are in years PostgreSQL holds", () => {
    fc.assert(fc.property(queryOf(["range", "from", "to", "groupBy", "status", "plan", "page"]), (query) => {
      const staff = loadStaffUsageParams(query);
      const tenant = loadTenantUsageParams(query);
      for (const params of [staff, tenant]) {
        expectDayWithin(params.from);
        expectDayWithin(params.to);
      }
      expect(Number.isInteger(staff.page) && staff.page >= 1 && staff.page <= MAX_PAGE).toBe(true);
      for (const params of [{ ...tenant, range: "custom" as const }, tenant]) {
        const range = resolveUsageRange(params, NOW);
        const previousFrom = range.from.getTime() - (range.to.getTime() - range.from.getTime());
        expect(previousFrom).toBeGreaterThanOrEqual(new Date(`${FIRST_USAGE_DAY}T00:00:00Z`).getTime() - 400 * DAY_MS);
        expect(range.to.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }), RUNS);
  });

  it("a custom range in year 1 is refused, saying why (its comparison period would be in year 0)", () => {
    const range = resolveUsageRange(loadTenantUsageParams("?range=custom&from=0001-01-01&to=0001-01-10"), NOW);
    expect(range).toMatchObject({ range: "30d", typedFrom: "0001-01-01", refusal: "There is no usage before Jan 1, 2000." });
    expect(range.error).toBe("There is no usage before Jan 1, 2000. Showing the last 30 days instead.");
  });

  it("issue 11's page 50,000,000 is read as the highest page", () => {
    expect(loadStaffUsageParams("?page=50000000").page).toBe(MAX_PAGE);
    expect(loadStaffUsageParams("?page=-3").page).toBe(1);
    expect(loadStaffUsageParams("?page=2.5").page).toBe(1);
  });
});

describe("the tenant list's query", () => {
  const load = createLoader(tenantListParsers);

  it("never throws, and every value is within its bounds", () => {
    fc.assert(fc.property(queryOf(["q", "status", "kind", "plan", "owner", "trialWithin", "sort", "dir", "page"]), (query) => {
      const params = load(query);
      expect(params.page >= 1 && params.page <= MAX_PAGE).toBe(true);
      if (params.trialWithin !== null) expect(params.trialWithin >= 0 && params.trialWithin <= MAX_DAY_COUNT).toBe(true);
      expectText(params.owner);
      if (params.q !== "") expectText(params.q);
      // the trial window's end is a date JavaScript and PostgreSQL hold
      if (params.trialWithin !== null) expect(Number.isNaN(new Date(Date.now() + params.trialWithin * DAY_MS).getTime())).toBe(false);
    }), RUNS);
  });

  it("reads issue 11's trial window of 99,999,999,999 days as the longest", () => {
    expect(load("?trialWithin=99999999999").trialWithin).toBe(MAX_DAY_COUNT);
  });
});

describe("the keys list's query", () => {
  it("never throws, and every value is within its bounds", () => {
    fc.assert(fc.property(queryOf(["status", "q", "page"]), (query) => {
      const params = loadKeyListParams(query);
      expect([null, "active", "expiring", "expired", "revoked"]).toContain(params.status);
      expectText(params.q, 100);
      expect(params.page >= 1 && params.page <= MAX_PAGE).toBe(true);
    }), RUNS);
  });
});

describe("the staff page's query", () => {
  it("never throws, and every value is within its bounds", () => {
    fc.assert(fc.property(queryOf(["q", "staff", "status", "cursor"]), (query) => {
      const params = loadPeopleListParams(query);
      expect([null, "staff", "admin", "sales", "support"]).toContain(params.staff);
      expect([null, "enabled", "disabled"]).toContain(params.status);
      expectText(params.q || null);
    }), RUNS);
  });
});

describe("the exports' strict reading", () => {
  it("never throws; what it accepts writes back as sent, and it names each parameter it refuses", () => {
    for (const parsers of [auditExportParsers, usageExportParsers]) {
      fc.assert(fc.property(queryOf(Object.keys(parsers)), (query) => {
        const result = parseQueryStrictly(parsers, query);
        if (result.problems) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const { parameter } of result.problems) expect(Object.keys(parsers)).toContain(parameter);
        } else {
          for (const [name, parser] of Object.entries(parsers)) {
            const given = query.getAll(name);
            const value = (result.values as Record<string, unknown>)[name];
            if (given.length) expect((parser.serialize as (v: unknown) => string)(value)).toBe(given[0]);
          }
        }
      }), RUNS);
    }
  });

  it("refuses a value it would have to move, cut or drop, and a parameter given twice", () => {
    const problems = (query: string) => parseQueryStrictly(auditExportParsers, new URLSearchParams(query)).problems?.map((p) => p.parameter);
    expect(problems("from=0000-01-01&to=9999-12-31")).toEqual(["from"]);
    expect(problems("format=xml&actor=a%00b&q=" + "x".repeat(MAX_TEXT_LENGTH + 1))).toEqual(["actor", "q", "format"]);
    expect(problems("to=2026-01-01&to=2026-02-01")).toEqual(["to"]);
    expect(problems("from=2026-01-01&format=jsonl&slug=acme&unknown=%00")).toBeUndefined();
  });
});
