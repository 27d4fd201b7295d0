import { describe, expect, it } from "vitest";
import { KEY_LENGTH, generateKey, parseKey } from "../../lib/domain/keys/format";

describe("API key format", () => {
  it("generates keys that parse back to their lookup prefix", () => {
    for (let i = 0; i < 200; i++) {
      const { key, prefix } = generateKey();
      expect(key).toMatch(/^gth_[0-9A-Za-z]{8}_[0-9A-Za-z]{38}$/);
      expect(key).toHaveLength(KEY_LENGTH);
      expect(parseKey(key)).toEqual({ prefix });
    }
  });

  it("carries at least 128 bits of randomness and never repeats", () => {
    expect(32 * Math.log2(62)).toBeGreaterThan(128);
    const keys = new Set(Array.from({ length: 2_000 }, () => generateKey().key));
    expect(keys.size).toBe(2_000);
  });

  it("refuses a key with any one character changed", () => {
    const { key } = generateKey();
    for (let i = 4; i < key.length; i++) {
      if (key[i] === "_") continue;
      const changed = key.slice(0, i) + (key[i] === "a" ? "b" : "a") + key.slice(i + 1);
      expect(parseKey(changed), `position ${i}`).toBeNull();
    }
  });

  it.each([null, 42, "", "gth_", "ghp_abcdefgh_" + "a".repeat(38), `${generateKey().key}x`, generateKey().key.toLowerCase()])(
    "refuses %j",
    (input) => expect(parseKey(input)).toBeNull(),
  );
});
