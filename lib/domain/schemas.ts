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

/**
 * An amount of US dollars above 0 with at most 2 decimals, kept as text for a DECIMAL column (a float would round
 * it); empty (or null) means none. `what` is the amount's name in an error ("The budget"), `none` what an empty
 * field means ("no budget").
 */
export const optionalUsd = (what: string, none: string) =>
  z
    .union([z.string(), z.number(), z.null()], `Enter an amount in USD, or leave it empty for ${none}.`)
    .optional()
    .transform((v) => (v === null || v === undefined ? "" : String(v).trim()))
    .refine((v) => v === "" || /^\d{1,10}(\.\d{1,2})?$/.test(v), "Enter an amount in USD with at most 2 decimals, like 2500 or 99.50.")
    .refine((v) => v === "" || Number(v) > 0, `${what} must be more than 0; leave it empty for ${none}.`)
    .transform((v) => (v === "" ? null : v));
