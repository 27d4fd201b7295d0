// scripts/gateway.ts stops at start, naming the variable, when its proxy configuration cannot be taken as meant.
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

function startGateway(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/gateway.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none", GATEWAY_SERVICE_TOKEN: "x".repeat(32), ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr };
}

it("refuses GATEWAY_TRUST_PROXY, which TRUSTED_PROXY_HOPS replaced, saying what it is now", () => {
  const run = startGateway({ GATEWAY_TRUST_PROXY: "1" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("GATEWAY_TRUST_PROXY=1 is TRUSTED_PROXY_HOPS=1");
});

it("refuses a malformed TRUSTED_PROXY_HOPS or TRUSTED_PROXY_HEADER, naming it", () => {
  expect(startGateway({ TRUSTED_PROXY_HOPS: "yes" })).toMatchObject({ status: 1, stderr: expect.stringContaining("TRUSTED_PROXY_HOPS") });
  expect(startGateway({ TRUSTED_PROXY_HEADER: "x forwarded" })).toMatchObject({ status: 1, stderr: expect.stringContaining("TRUSTED_PROXY_HEADER") });
});
