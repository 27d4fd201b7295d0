// The zod atoms every area's input schemas (lib/domain/<area>/schemas.ts) are built from, so that an id, a name,
// an expiry or an amount is checked, and its error worded, the same way in every form.
import { z } from "zod";
import { dateWithin, type DayRange } from "./date-bounds";

export const tenantId = z.uuid("That is not a tenant id.");

/** The uuid of a row; `what` names it in the error: idOf("a project") says "That is not a project id." */
export const idOf = (what: string) => z.uuid(`That is not ${what} id.`);

/** A form sends "" for a field left empty, a script may send null: both mean none. */
export const emptyAsNone = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A name that must be given, trimmed: `missing` when it is empty or not text. */
export const trimmedName = (missing: string, max: number) =>
  z.string(missing).trim().min(1, missing).max(max, `At most ${max} characters.`);

/** A slug of `pattern`, trimmed; `rule` says what one looks like. */
export const slugOf = (pattern: RegExp, rule: string) => z.string(rule).trim().regex(pattern, rule);

/** An optional expiry within `range` (a future day, no further than its latest); empty means none. */
export const optionalExpiry = (range: DayRange, early: string) =>
  z.preprocess(emptyAsNone, dateWithin(range, { invalid: "Give the expiry as a date, like 2027-01-31.", early }).optional());

/** The most a DECIMAL(12, 2) column of dollars holds (10 digits before the point), and how the error writes it. */
const MAX_USD = { value: 9_999_999_999.99, written: "$9,999,999,999.99" };

/**
 * What people type for an amount of dollars, as plain digits: "$3,000.50" is "3000.50", " 3000 " is "3000", ".5"
 * is "0.5"; undefined when it is not an amount. Commas count only as thousands separators ("3,00" is refused rather
 * than read as 300 or as 3.00); a leading minus is kept so that "-5" is answered as too small, not as not a number.
 */
function plainUsd(typed: string): string | undefined {
  const match = /^(-?)\s*\$?\s*(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?$/.exec(typed.trim());
  if (!match || (match[2] === undefined && !match[3])) return undefined;
  const [, sign, whole = "0", cents = ""] = match;
  return `${sign}${whole.replaceAll(",", "").replace(/^0+(?=\d)/, "")}${cents ? `.${cents}` : ""}`;
}

/**
 * An amount of US dollars above 0 with at most 2 decimals and no more than MAX_USD, kept as text for a DECIMAL(12, 2)
 * column (a float would round it); what people type ("3,000", "$3000.50") is accepted; empty (or null) means none.
 * `what` is the amount's name in an error ("The budget"), `none` what an empty field means ("no budget").
 */
export const optionalUsd = (what: string, none: string) =>
  z
    .union([z.string(), z.number(), z.null()], `Enter an amount in USD, or leave it empty for ${none}.`)
    .optional()
    .transform((given, ctx) => {
      const typed = given === null || given === undefined ? "" : String(given).trim();
      if (typed === "") return null;
      const fail = (message: string) => (ctx.addIssue({ code: "custom", message }), z.NEVER);
      const amount = plainUsd(typed);
      if (amount === undefined) return fail("Enter an amount in USD, like 2,500 or 99.50.");
      if (Number(amount) <= 0) return fail(`${what} must be more than 0; leave it empty for ${none}.`);
      if (/\.\d{3,}$/.test(amount)) return fail("Enter at most 2 decimals (cents), like 99.50.");
      if (Number(amount) > MAX_USD.value) return fail(`${what} can be at most ${MAX_USD.written}.`);
      return amount;
    });
