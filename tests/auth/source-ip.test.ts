// The address recorded on sessions and audit rows: the nearest proxy's word, never a made-up value.
import { describe, expect, it } from "vitest";
import { sourceIpOf } from "../../lib/auth/source-ip";

const from = (entries: Record<string, string>) => sourceIpOf(new Headers(entries));

describe("sourceIpOf", () => {
  it("takes the last X-Forwarded-For entry, the one the nearest proxy appended", () => {
    expect(from({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(from({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
  });

  it("falls back to X-Real-IP, and drops what is not an address", () => {
    expect(from({ "x-forwarded-for": "not-an-ip", "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(from({ "x-forwarded-for": "203.0.113.7, <script>" })).toBeNull();
    expect(from({ "x-real-ip": "unknown" })).toBeNull();
    expect(from({})).toBeNull();
  });
});
