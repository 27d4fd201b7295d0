import { describe, expect, it } from "vitest";
import { formatDay, formatMinute, relativeTime } from "../../lib/format-time";

const at = new Date("2026-12-03T14:05:42.123Z");

describe("the console's one way of writing a moment", () => {
  it("writes a day and a minute in UTC", () => {
    expect(formatDay(at)).toBe("2026-12-03");
    expect(formatMinute(at)).toBe("2026-12-03 14:05 UTC");
  });

  it("says how long ago within 30 days, and the minute beyond (or in the future)", () => {
    const ago = (seconds: number) => relativeTime(new Date(at.getTime() - seconds * 1000), at);
    expect(ago(30)).toBe("just now");
    expect(ago(5 * 60)).toBe("5 min ago");
    expect(ago(3 * 3600)).toBe("3 h ago");
    expect(ago(86_400)).toBe("1 day ago");
    expect(ago(2 * 86_400)).toBe("2 days ago");
    expect(ago(31 * 86_400)).toBe("2026-11-02 14:05 UTC");
    expect(ago(-120)).toBe("2026-12-03 14:07 UTC");
  });
});
