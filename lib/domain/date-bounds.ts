// The dates a person enters in the console's forms, each kind bounded to a range of days counted from today
// (UTC). The server's schema refuses a date outside its range, and the date field is given the same range as
// its min and max, both computed here from the same numbers. A date field sends yyyy-mm-dd: the start of that
// day in UTC.
import { z } from "zod";
import { isoDay, parseExactDay } from "./bounds";

const DAY_MS = 86_400_000;
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export interface DayRange {
  /** the earliest day accepted, in days from today; "future": only moments after now (a field starts tomorrow) */
  earliest: number | "future";
  /** the latest day accepted, in days from today */
  latest: number;
}

/** The longest trial: a new tenant's, in days, and how far from today an extended trial may end. */
export const TRIAL_MAX_DAYS = 180;

export const TRIAL_END: DayRange = { earliest: "future", latest: TRIAL_MAX_DAYS };
export const KEY_EXPIRY: DayRange = { earliest: "future", latest: 3 * 365 };
export const ENTITLEMENT_EXPIRY: DayRange = { earliest: "future", latest: 5 * 365 };
/** a contract's start or end: a long-standing customer's first contract (decades back), not decades ahead */
export const CONTRACT_DAY: DayRange = { earliest: -30 * 365, latest: 10 * 365 };

const startOfDay = (ms: number) => ms - (ms % DAY_MS);
const dayOf = (ms: number) => isoDay(new Date(ms));

/** yyyy-mm-dd as the start of that day in UTC; null for anything else, including a day no calendar has (2027-02-31). */
export const parseDay = parseExactDay;

/** The first and last day `range` accepts now, as yyyy-mm-dd: a date field's min and max. */
export function dayBounds(range: DayRange, now = Date.now()): { min: string; max: string } {
  const today = startOfDay(now);
  const first = range.earliest === "future" ? today + DAY_MS : today + range.earliest * DAY_MS;
  return { min: dayOf(first), max: dayOf(today + range.latest * DAY_MS) };
}

/** The day after `moment`'s day, as yyyy-mm-dd: the first a field may offer to move past it. */
export function dayAfter(moment: Date): string {
  return dayOf(startOfDay(moment.getTime()) + DAY_MS);
}

/** Why `date` is outside `range` now, or null. `early` is the message for a date before it. */
function outside(range: DayRange, date: Date, early: string | undefined): string | null {
  const now = Date.now();
  const { min, max } = dayBounds(range, now);
  const tooEarly = range.earliest === "future" ? date.getTime() <= now : date.getTime() < parseDay(min)!.getTime();
  if (tooEarly) return early ?? `The earliest day allowed is ${min}.`;
  // the latest day counts whole: a moment during it is still on it
  if (date.getTime() >= parseDay(max)!.getTime() + DAY_MS) return `The latest day allowed is ${max}.`;
  return null;
}

function checkRange<Schema extends z.ZodType<Date | string>>(schema: Schema, range: DayRange, early?: string) {
  return schema.superRefine((value, ctx) => {
    const date = typeof value === "string" ? parseDay(value) : (value as Date);
    const problem = date && outside(range, date, early);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/**
 * A moment entered as a date, within `range`: a form's yyyy-mm-dd (the start of that day, UTC) or, from a
 * script or a test, a Date or an ISO time. `invalid`: what to enter instead of what is not a date; `early`: the
 * message for a date before the range (default: the earliest day allowed).
 */
export function dateWithin(range: DayRange, { invalid, early }: { invalid: string; early?: string }) {
  const date = z.preprocess(
    (value) => (typeof value === "string" && DAY_SHAPE.test(value.trim()) ? (parseDay(value.trim()) ?? new Date(Number.NaN)) : value),
    z.coerce.date(invalid),
  );
  return checkRange(date, range, early);
}

/** A calendar day typed as yyyy-mm-dd, within `range`, kept as that text (for a DATE column). */
export function dayWithin(range: DayRange, invalid: string) {
  return checkRange(z.string().refine((text) => parseDay(text) !== null, { error: invalid, abort: true }), range);
}
