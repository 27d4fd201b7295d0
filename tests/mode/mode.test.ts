// The mode decision (lib/mode.ts) over every combination of what `npm start` can be given.
import { describe, expect, it } from "vitest";
import { decideMode, isLocalDemo } from "../../lib/mode";

const URL = "postgresql://gatehouse@db.example/gatehouse";

describe("decideMode", () => {
  it.each([
    // [flag, DATABASE_URL, NODE_ENV, GITHUB_ID] → local demo?
    [undefined, undefined, undefined, undefined, true],
    [undefined, undefined, "development", undefined, true],
    [undefined, URL, undefined, undefined, false],
    [undefined, undefined, "production", undefined, false],
    [undefined, undefined, undefined, "Iv1.real-app", false],
    [undefined, URL, "production", "Iv1.real-app", false],
    ["1", undefined, undefined, undefined, true],
    ["1", URL, undefined, undefined, true],
    ["1", URL, "development", undefined, true],
  ])("GATEHOUSE_LOCAL_DEMO=%s DATABASE_URL=%s NODE_ENV=%s GITHUB_ID=%s: local demo %s", (flag, databaseUrl, nodeEnv, githubId, localDemo) => {
    const decision = decideMode({ GATEHOUSE_LOCAL_DEMO: flag, DATABASE_URL: databaseUrl, NODE_ENV: nodeEnv, GITHUB_ID: githubId });
    expect(decision).toMatchObject({ localDemo });
  });

  it("says why it chose", () => {
    expect(decideMode({})).toEqual({ localDemo: true, reason: "the embedded database and no GITHUB_ID" });
    expect(decideMode({ DATABASE_URL: URL, NODE_ENV: "production" })).toEqual({ localDemo: false, reason: "DATABASE_URL is set" });
    expect(decideMode({ NODE_ENV: "production" })).toEqual({ localDemo: false, reason: "NODE_ENV=production" });
    expect(decideMode({ GITHUB_ID: "Iv1.real-app" })).toEqual({ localDemo: false, reason: "GITHUB_ID is set" });
    expect(decideMode({ GATEHOUSE_LOCAL_DEMO: "1", DATABASE_URL: URL })).toEqual({ localDemo: true, reason: "GATEHOUSE_LOCAL_DEMO=1" });
  });

  it("takes an empty variable for an unset one", () => {
    expect(decideMode({ GATEHOUSE_LOCAL_DEMO: "", DATABASE_URL: "", GITHUB_ID: "" })).toMatchObject({ localDemo: true });
    expect(decideMode({ GATEHOUSE_LOCAL_DEMO: "", DATABASE_URL: URL })).toMatchObject({ localDemo: false });
  });

  it("refuses the flag beside NODE_ENV=production or a GITHUB_ID, saying why", () => {
    expect(decideMode({ GATEHOUSE_LOCAL_DEMO: "1", NODE_ENV: "production" })).toEqual({
      refused: expect.stringMatching(/^GATEHOUSE_LOCAL_DEMO=1 is refused beside NODE_ENV=production: production never runs/),
    });
    expect(decideMode({ GATEHOUSE_LOCAL_DEMO: "1", DATABASE_URL: URL, GITHUB_ID: "Iv1.real-app" })).toEqual({
      refused: expect.stringMatching(/^GATEHOUSE_LOCAL_DEMO=1 is refused beside GITHUB_ID: .*real GitHub accounts never sign in to a demo/),
    });
  });

  it("refuses a flag that is neither 1 nor unset, rather than guess", () => {
    for (const value of ["0", "true", "yes", " 1"]) {
      expect(decideMode({ GATEHOUSE_LOCAL_DEMO: value })).toEqual({ refused: `GATEHOUSE_LOCAL_DEMO must be 1 (run the local demo) or unset, not "${value}".` });
    }
  });
});

describe("isLocalDemo", () => {
  it("is true exactly when GATEHOUSE_LOCAL_DEMO=1", () => {
    expect(isLocalDemo({ GATEHOUSE_LOCAL_DEMO: "1" })).toBe(true);
    for (const value of [undefined, "", "0", "true"]) expect(isLocalDemo({ GATEHOUSE_LOCAL_DEMO: value })).toBe(false);
  });
});
