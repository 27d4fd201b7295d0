// How the usage dashboards write money and changes against the previous period.
import { describe, expect, it } from "vitest";
import { describeChange, formatUsd } from "@/components/usage/format";

describe("formatUsd", () => {
  it("writes dollars with cents, and amounts under a cent with two significant digits", () => {
    expect(formatUsd("1234.5")).toBe("$1,234.50");
    expect(formatUsd("0.0000000000")).toBe("$0.00");
    expect(formatUsd("0.0123")).toBe("$0.01");
    expect(formatUsd("0.0042000000")).toBe("$0.0042");
    expect(formatUsd("0.0000001234")).toBe("$0.00000012");
  });
});

describe("describeChange", () => {
  const previous = "the previous 30 days";

  it("says how much a figure went up or down, coloured only where up is bad", () => {
    expect(describeChange(112, 100, previous, true)).toEqual({ direction: "up", tone: "bad", text: "up 12% on the previous 30 days" });
    expect(describeChange(75, 100, previous, true)).toEqual({ direction: "down", tone: "good", text: "down 25% on the previous 30 days" });
    expect(describeChange(112, 100, previous, false)).toMatchObject({ direction: "up", tone: "neutral" });
    expect(describeChange(2500, 100, previous, false).text).toBe("up 2,400% on the previous 30 days");
  });

  it("calls a change under half a percent the same", () => {
    expect(describeChange(1002, 1000, previous, true)).toEqual({ direction: "same", tone: "neutral", text: "about the same as the previous 30 days" });
  });

  it("does not divide by nothing", () => {
    expect(describeChange(5, 0, previous, true)).toEqual({ direction: "up", tone: "bad", text: "up from none in the previous 30 days" });
    expect(describeChange(0, 0, previous, true)).toMatchObject({ direction: "same", text: "none in the previous 30 days either" });
    expect(describeChange(null, 300, previous, true)).toMatchObject({ direction: "none", text: "no comparison: no requests in this range" });
    expect(describeChange(300, null, previous, true)).toMatchObject({ direction: "none", text: "no comparison: no requests in the previous 30 days" });
  });
});
