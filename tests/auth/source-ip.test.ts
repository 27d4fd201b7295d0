// Who a request came from, through the proxies configured as trusted (lib/trusted-proxy.ts), for the gateway's
// limits and the console's sessions and audit rows: never an address a client made up.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { PEER_HEADER, sourceIpOf } from "../../lib/auth/source-ip";
import { clientAddressOf, TRUST_NONE, trustedProxyFrom } from "../../lib/trusted-proxy";

const xff = (hops: number) => ({ hops, header: "x-forwarded-for" });

describe("clientAddressOf", () => {
  it("trusting none, takes the TCP peer whatever the header says", () => {
    expect(clientAddressOf("192.0.2.1", "203.0.113.7", TRUST_NONE)).toBe("192.0.2.1");
    expect(clientAddressOf("192.0.2.1", undefined, TRUST_NONE)).toBe("192.0.2.1");
    expect(clientAddressOf(undefined, "203.0.113.7", TRUST_NONE)).toBeNull();
  });

  it("takes the entry the farthest trusted proxy wrote, N from the end, ignoring spoofed leading entries", () => {
    const forwarded = "6.6.6.6, 203.0.113.7, 10.0.0.2";
    expect(clientAddressOf("10.0.0.3", forwarded, xff(1))).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.3", forwarded, xff(2))).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.3", "1.1.1.1, 2.2.2.2, 203.0.113.7, 10.0.0.2", xff(2))).toBe("203.0.113.7");
  });

  it("with fewer entries than hops takes the first (a trusted proxy wrote it), and the peer when nothing was forwarded", () => {
    expect(clientAddressOf("10.0.0.3", "203.0.113.7", xff(2))).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.3", "203.0.113.7, 10.0.0.2", xff(5))).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.3", undefined, xff(1))).toBe("10.0.0.3");
    expect(clientAddressOf("10.0.0.3", "", xff(1))).toBe("10.0.0.3");
    expect(clientAddressOf(null, undefined, xff(1))).toBeNull();
  });

  it("reads IPv6, and takes off ports, brackets, zones and the IPv4-mapped form", () => {
    expect(clientAddressOf("10.0.0.3", "2001:db8::1", xff(1))).toBe("2001:db8::1");
    expect(clientAddressOf("10.0.0.3", "203.0.113.7:51234", xff(1))).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.3", "[2001:db8::1]:443", xff(1))).toBe("2001:db8::1");
    expect(clientAddressOf("10.0.0.3", "[2001:db8::1]", xff(1))).toBe("2001:db8::1");
    expect(clientAddressOf("fe80::1%eth0", undefined, TRUST_NONE)).toBe("fe80::1");
    expect(clientAddressOf("::ffff:192.0.2.1", undefined, TRUST_NONE)).toBe("192.0.2.1");
    expect(clientAddressOf("::1", undefined, TRUST_NONE)).toBe("::1");
  });

  it("answers null for what is not an address", () => {
    for (const garbage of ["not-an-ip", "<script>", "unknown", "203.0.113.7 extra", "999.1.1.1", "01.2.3.4", "[203.0.113.7", "", " "]) {
      expect(clientAddressOf("10.0.0.3", `6.6.6.6, ${garbage}`, xff(1))).toBeNull();
    }
    expect(clientAddressOf("10.0.0.3", "203.0.113.7,", xff(1))).toBeNull();
    expect(clientAddressOf("10.0.0.3", "garbage, 203.0.113.7", xff(1))).toBe("203.0.113.7");
  });
});

describe("trustedProxyFrom", () => {
  it("trusts none by default, and reads hops and header", () => {
    expect(trustedProxyFrom({})).toEqual({ hops: 0, header: "x-forwarded-for" });
    expect(trustedProxyFrom({ TRUSTED_PROXY_HOPS: "", TRUSTED_PROXY_HEADER: "" })).toEqual(TRUST_NONE);
    expect(trustedProxyFrom({ TRUSTED_PROXY_HOPS: "2", TRUSTED_PROXY_HEADER: "X-Real-IP" })).toEqual({ hops: 2, header: "x-real-ip" });
  });

  it("refuses what it cannot read, naming the variable", () => {
    for (const hops of ["-1", "1.5", "one", "yes", "100"]) expect(() => trustedProxyFrom({ TRUSTED_PROXY_HOPS: hops })).toThrow(/^TRUSTED_PROXY_HOPS/);
    for (const header of ["X Forwarded", "x-forwarded-for:", "é"]) expect(() => trustedProxyFrom({ TRUSTED_PROXY_HEADER: header })).toThrow(/^TRUSTED_PROXY_HEADER/);
  });
});

describe("sourceIpOf (the console)", () => {
  afterEach(() => {
    delete process.env.GATEHOUSE_PEER_HEADER;
  });
  const from = (entries: Record<string, string>, trust = TRUST_NONE) => sourceIpOf(new Headers(entries), trust);
  const underConsoleServer = () => (process.env.GATEHOUSE_PEER_HEADER = PEER_HEADER);

  it("trusting none, takes the peer address the console's server wrote, never X-Forwarded-For", () => {
    underConsoleServer();
    expect(from({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    expect(from({ [PEER_HEADER]: "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  });

  it("without the console's server in front, trusts no peer header a client may have sent", () => {
    expect(from({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.7" })).toBeNull();
    // a trusted proxy's word needs no peer
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }, xff(1))).toBe("203.0.113.7");
  });

  it("behind trusted proxies, reads the header configured", () => {
    underConsoleServer();
    expect(from({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "not-an-address, 203.0.113.7" }, xff(1))).toBe("203.0.113.7");
    expect(from({ [PEER_HEADER]: "10.0.0.2", "x-real-ip": "198.51.100.4", "x-forwarded-for": "6.6.6.6" }, { hops: 1, header: "x-real-ip" })).toBe("198.51.100.4");
    expect(from({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.7, <script>" }, xff(1))).toBeNull();
  });
});

describe("scripts/console-server.ts", () => {
  it("stops at start on a malformed proxy configuration, naming the variable", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/console-server.ts", "start", "-p", "0"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", TRUSTED_PROXY_HOPS: "all" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("TRUSTED_PROXY_HOPS");
  });
});
