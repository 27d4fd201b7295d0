// The money atom (optionalUsd in lib/domain/schemas.ts): what people type for an amount is accepted, and what it
// refuses is refused with the reason that applies (the real limit, not "at most 2 decimals" for everything).
import { describe, expect, it } from "vitest";
import { optionalUsd } from "@/lib/domain/schemas";

const budget = optionalUsd("The budget", "no budget");
const messageOf = (typed: unknown) => {
  const result = budget.safeParse(typed);
  return result.success ? `accepted as ${result.data}` : result.error.issues.map((issue) => issue.message);
};

describe("an amount of US dollars", () => {
  it("accepts what people type for money, as plain digits", () => {
    for (const [typed, plain] of [
      ["3000", "3000"], ["3,000", "3000"], ["$3000.50", "3000.50"], [" 3000 ", "3000"], ["$ 1,234,567.5", "1234567.5"],
      ["99.50", "99.50"], [".5", "0.5"], ["12.", "12"], ["007", "7"], ["9999999999.99", "9999999999.99"], [2500, "2500"],
    ] as const) {
      expect(budget.parse(typed), String(typed)).toBe(plain);
    }
  });

  it("means none when left empty", () => {
    for (const empty of ["", "   ", null, undefined]) expect(budget.parse(empty)).toBeNull();
  });

  it("says the real limit when the amount is too large", () => {
    for (const typed of ["12345678901", "10,000,000,000", "$10000000000.00", 1e11]) {
      expect(messageOf(typed)).toEqual(["The budget can be at most $9,999,999,999.99."]);
    }
  });

  it("says what is wrong with each other refusal, once", () => {
    expect(messageOf("12.345")).toEqual(["Enter at most 2 decimals (cents), like 99.50."]);
    expect(messageOf("0.001")).toEqual(["Enter at most 2 decimals (cents), like 99.50."]);
    for (const typed of ["0", "0.00", "-5", "-$5", 0]) {
      expect(messageOf(typed)).toEqual(["The budget must be more than 0; leave it empty for no budget."]);
    }
    for (const typed of ["ten", "3,00", "3.000,50", "1e3", "$", ".", "12 345", "0x10", "€30", "\0", 1e21]) {
      expect(messageOf(typed), String(typed)).toEqual(["Enter an amount in USD, like 2,500 or 99.50."]);
    }
    expect(messageOf(true)).toEqual(["Enter an amount in USD, or leave it empty for no budget."]);
  });
});
