// Every kind of date a person enters has one range of days: the field's min and max (dayBounds) are exactly
// the first and last day the server's schema accepts.
import { describe, expect, it } from "vitest";
import {
  CONTRACT_DAY, dateWithin, dayAfter, dayBounds, dayWithin, ENTITLEMENT_EXPIRY, KEY_EXPIRY, parseDay, TRIAL_END, type DayRange,
} from "../../lib/domain/date-bounds";
import { DAY_MS, isoDay } from "../support/time";

const shift = (day: string, days: number) => isoDay(parseDay(day)!.getTime() + days * DAY_MS);

describe.each([
  ["a trial's end", TRIAL_END],
  ["a key's expiry", KEY_EXPIRY],
  ["an entitlement's expiry", ENTITLEMENT_EXPIRY],
  ["a contract day", CONTRACT_DAY],
] as [string, DayRange][])("%s", (_, range) => {
  const moment = dateWithin(range, { invalid: "not a date" });
  const day = dayWithin(range, "not a date");

  it("accepts the field's min and max, and refuses the days either side", () => {
    const { min, max } = dayBounds(range);
    for (const schema of [moment, day]) {
      expect(schema.safeParse(min).success).toBe(true);
      expect(schema.safeParse(max).success).toBe(true);
      expect(schema.safeParse(shift(min, -1)).success).toBe(false);
      expect(schema.safeParse(shift(max, 1)).error?.issues[0].message).toBe(`The latest day allowed is ${max}.`);
    }
  });

  it("refuses the year 9999 and a day no calendar has", () => {
    expect(moment.safeParse("9999-12-31").success).toBe(false);
    const { max } = dayBounds(range);
    const february31 = `${max.slice(0, 4)}-02-31`;
    expect(moment.safeParse(february31).error?.issues[0].message).toBe("not a date");
    expect(day.safeParse(february31).error?.issues[0].message).toBe("not a date");
  });
});

describe("dayBounds", () => {
  it("counts from today in UTC, whatever the hour", () => {
    const lateOnNewYearsEve = Date.parse("2026-12-31T23:59:59Z");
    expect(dayBounds(TRIAL_END, lateOnNewYearsEve)).toEqual({ min: "2027-01-01", max: "2027-06-29" });
    expect(dayBounds(CONTRACT_DAY, Date.parse("2027-01-01T00:00:00Z"))).toEqual({ min: "1997-01-08", max: "2036-12-29" });
  });
});

describe("dateWithin", () => {
  const moment = dateWithin(KEY_EXPIRY, { invalid: "not a date", early: "must be in the future" });

  it("reads a form's day as the start of that day in UTC, and takes a script's ISO time as it is", () => {
    const { max } = dayBounds(KEY_EXPIRY);
    expect(moment.parse(max)).toEqual(new Date(`${max}T00:00:00Z`));
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000);
    expect(moment.parse(inTwoHours.toISOString())).toEqual(inTwoHours);
    expect(moment.parse(`${max}T23:59:59Z`)).toEqual(new Date(`${max}T23:59:59Z`)); // the latest day counts whole
  });

  it("says what is wrong: not a date, not in the future", () => {
    expect(moment.safeParse("next tuesday").error?.issues[0].message).toBe("not a date");
    expect(moment.safeParse(new Date(Date.now() - 1000).toISOString()).error?.issues[0].message).toBe("must be in the future");
  });
});

describe("dayAfter", () => {
  it("is the next day in UTC, as the field's min", () => {
    expect(dayAfter(new Date("2027-02-28T15:00:00Z"))).toBe("2027-03-01");
  });
});
