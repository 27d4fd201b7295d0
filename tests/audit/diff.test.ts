// The detail view's before/after table.
import { describe, expect, it } from "vitest";
import { changeRows, otherMetadata } from "../../lib/domain/audit/diff";

describe("changeRows", () => {
  it("lists every field of either side, marking the changed ones, values as pretty JSON", () => {
    expect(changeRows({ before: { name: "Old", plan: "pro", tags: ["a"] }, after: { name: "New", plan: "pro", owner: null } })).toEqual([
      { field: "name", before: '"Old"', after: '"New"', changed: true },
      { field: "plan", before: '"pro"', after: '"pro"', changed: false },
      { field: "tags", before: '[\n  "a"\n]', after: undefined, changed: true },
      { field: "owner", before: undefined, after: "null", changed: true },
    ]);
  });

  it("reads a missing or null side as no fields (a creation, a removal)", () => {
    expect(changeRows({ after: { role: "owner" } })).toEqual([{ field: "role", before: undefined, after: '"owner"', changed: true }]);
    expect(changeRows({ before: { role: "owner" }, after: null })).toEqual([{ field: "role", before: '"owner"', after: undefined, changed: true }]);
  });

  it("shows values that are not objects as one row", () => {
    expect(changeRows({ before: 1, after: 2 })).toEqual([{ field: "value", before: "1", after: "2", changed: true }]);
  });

  it("is null when the event records no change", () => {
    expect(changeRows({ reason: "x" })).toBeNull();
  });
});

describe("otherMetadata", () => {
  it("is the metadata besides before and after, or null", () => {
    expect(otherMetadata({ before: {}, after: {}, reason: "x" })).toEqual({ reason: "x" });
    expect(otherMetadata({ before: {} })).toBeNull();
  });
});
