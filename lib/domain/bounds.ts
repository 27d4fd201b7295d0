// What a URL's query may name, bounded to what JavaScript and the database columns hold. Every page's and
// every export's query schema (the nuqs parsers in lib/domain/*/params.ts) is built from these parsers, so a
// hostile value becomes the nearest valid one, or none, before it reaches a query: never an exception.
// nuqs/server: the parsers without the client hooks, so server and client code can share this module.
import { createParser, parseAsStringLiteral, type inferParserType, type SingleParserBuilder } from "nuqs/server";
import { formatDay } from "@/lib/format-time";

/** PostgreSQL's bigint: audit_log.id and every other bigserial. */
export const INT8_MAX = 9_223_372_036_854_775_807n;

/**
 * The days a person may name: years 1–9999. JavaScript dates and PostgreSQL's date and timestamptz hold all of
 * them and the day after the last (the exclusive end of an inclusive range); PostgreSQL has no year 0.
 */
export const FIRST_DAY = "0001-01-01";
export const LAST_DAY = "9999-12-31";
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** The highest page number: a page of up to 1,000 rows then starts at an OFFSET well inside PostgreSQL's integer. */
export const MAX_PAGE = 1_000_000;

/** The longest text filter kept (a target's name may be an email address, up to 254 characters); longer is cut. */
export const MAX_TEXT_LENGTH = 256;

/**
 * A parser that says what it accepts, for the message that refuses a value (see parseQueryStrictly); its
 * withDefault keeps saying it (nuqs' own copies the parser, but its type drops what nuqs does not know).
 */
function describe<T>(expected: string, builder: SingleParserBuilder<T>) {
  return {
    ...builder,
    expected,
    withDefault: (defaultValue: NonNullable<T>) => ({ ...builder.withDefault(defaultValue), expected }),
  };
}

const described = <T>(expected: string, parser: Parameters<typeof createParser<T>>[0]) => describe(expected, createParser(parser));

// ─── days ────────────────────────────────────────────────────────────────────────────────────────────────────

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Midnight UTC of a day. setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999. */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** How many days FIRST_DAY…LAST_DAY spans: a count of days longer than that reaches past LAST_DAY anyway. */
export const MAX_DAY_COUNT = (utcDay(LAST_YEAR, 12, 31).getTime() - utcDay(FIRST_YEAR, 1, 1).getTime()) / 86_400_000 + 1;

/** YYYY-MM-DD of a date (UTC), the form a day travels in: the one the console shows it in. Four digits for every
 * year from FIRST_DAY to LAST_DAY. */
export const isoDay = formatDay;

/** The year, month and day `value` writes in the shape `pattern` matches (three groups), if a calendar has that day. */
function calendarDay(value: string, pattern: RegExp): [year: number, month: number, day: number] | null {
  const match = pattern.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? [year, month, day] : null;
}

/**
 * The calendar day `value` names as YYYY-MM-DD (a signed or longer year too, as date inputs and ISO 8601 write
 * years after 9999), at midnight UTC and moved to the nearest of FIRST_DAY…LAST_DAY; null when it names no day.
 */
export function parseDay(value: string): Date | null {
  const parts = calendarDay(value, /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/);
  if (!parts) return null;
  const [year, month, day] = parts;
  if (year < FIRST_YEAR) return utcDay(FIRST_YEAR, 1, 1);
  if (year > LAST_YEAR) return utcDay(LAST_YEAR, 12, 31);
  return utcDay(year, month, day);
}

/**
 * The day a form's date field sends, exactly yyyy-mm-dd, at midnight UTC and not moved (a form's own bounds,
 * lib/domain/date-bounds.ts, refuse a day outside them); null for anything else, including 2027-02-31.
 */
export function parseExactDay(value: string): Date | null {
  const parts = calendarDay(value, /^(\d{4})-(\d{2})-(\d{2})$/);
  return parts && utcDay(...parts);
}

export const parseAsDay = described<Date>(`a day from ${FIRST_DAY} to ${LAST_DAY}, as YYYY-MM-DD`, {
  parse: parseDay,
  serialize: isoDay,
  eq: (a, b) => a.getTime() === b.getTime(),
});

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/** Whether `value` is an instant of FIRST_DAY…LAST_DAY written as PostgreSQL stores it (microseconds, UTC). */
export function isStoredTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return year >= FIRST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    && hour <= 23 && minute <= 59 && second <= 59;
}

// ─── numbers and ids ─────────────────────────────────────────────────────────────────────────────────────────

/** A whole number from `min` to `max`: written in decimal digits, and moved to the nearer end when outside. */
export function parseAsIntegerWithin(min: number, max: number) {
  return described<number>(`a whole number from ${min} to ${max}`, {
    parse: (value) => (/^[+-]?\d+$/.test(value) ? Math.min(max, Math.max(min, Number(value))) : null),
    serialize: String,
  });
}

/** A page number: 1 for anything below, MAX_PAGE for anything above (the list itself knows its last page). */
export const parseAsPage = parseAsIntegerWithin(1, MAX_PAGE);

/**
 * Page `asked` of a list (its rows read by `rows(page)`) with the list's total, read at once; a page past the
 * last (a stale link, an edited URL) reads as the last page.
 */
export async function pageWithin<Row>(asked: number, pageSize: number, rows: (page: number) => Promise<Row[]>, total: Promise<number>) {
  const [askedRows, count] = await Promise.all([rows(asked), total]);
  const pageCount = Math.max(1, Math.ceil(count / pageSize));
  const page = Math.min(asked, pageCount);
  return { rows: page === asked ? askedRows : await rows(page), total: count, page, pageCount };
}

/** Whether `value` is the id of a bigserial row: decimal digits within PostgreSQL's bigint. */
export const isBigintId = (value: string) => /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX;

/** A bigserial id, as text (a JavaScript number cannot hold every bigint); none for anything a bigint cannot be. */
export const parseAsBigintId = described<string>("the id of an event: a whole number from 0 to 9223372036854775807", {
  parse: (value) => (isBigintId(value) ? BigInt(value).toString() : null),
  serialize: String,
});

// ─── text ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Text to search or match: without NUL (PostgreSQL's text cannot hold it, so no stored value has one), trimmed,
 * and cut to `maxLength` characters; none when nothing is left.
 */
export function parseAsText(maxLength = MAX_TEXT_LENGTH) {
  return described<string>(`text of at most ${maxLength} characters, without NUL or surrounding spaces`, {
    parse: (value) => [...value.replaceAll("\0", "").trim()].slice(0, maxLength).join("").trim() || null,
    serialize: String,
  });
}

/** One of `values`; none for anything else. */
export function parseAsOneOf<const T extends string>(values: readonly T[]) {
  return describe(`one of ${values.join(", ")}`, parseAsStringLiteral(values));
}

// ─── routes that refuse rather than mend ─────────────────────────────────────────────────────────────────────

type DescribedParsers = Record<string, {
  expected: string;
  parse: (value: string) => unknown;
  serialize: (value: never) => string;
  defaultValue?: unknown;
}>;

export interface QueryProblem {
  parameter: string;
  expected: string;
}

/**
 * `searchParams` read with `parsers`, for a route that answers a bad value with 400 instead of mending it (an
 * export, which must not start a download of something else than asked): every parameter given at most once,
 * parsing to a value that writes back exactly as sent (nothing moved, cut or dropped). Parameters the parsers
 * do not name are ignored. The problems name every bad parameter, never echoing its value.
 */
export function parseQueryStrictly<P extends DescribedParsers>(parsers: P, searchParams: URLSearchParams):
  { values: inferParserType<P>; problems?: undefined } | { values?: undefined; problems: QueryProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: QueryProblem[] = [];
  for (const [parameter, parser] of Object.entries(parsers)) {
    const given = searchParams.getAll(parameter);
    if (given.length === 0) {
      values[parameter] = parser.defaultValue ?? null;
      continue;
    }
    const value = given.length === 1 ? parser.parse(given[0]) : null;
    if (value === null || parser.serialize(value as never) !== given[0]) problems.push({ parameter, expected: `${parser.expected}, given once` });
    else values[parameter] = value;
  }
  return problems.length ? { problems } : { values: values as inferParserType<P> };
}

/** The 400 answer to a query's problems: JSON that names each bad parameter and what it takes. */
export function badQueryResponse(problems: QueryProblem[], message = "The query has values this endpoint does not take.") {
  return Response.json({ error: "invalid_query", message, problems }, { status: 400, headers: { "Cache-Control": "no-store" } });
}
