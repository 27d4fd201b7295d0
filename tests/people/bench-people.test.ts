// npm run bench:people keeps running as the staff page changes: at a small size (enough people for its pages
// 10,000 rows deep), on a fresh database of the test server, it loads, checks that every case lists the page it
// should, and ends with its figures. No figure is asserted: the speed targets are the benchmark's, not a test's.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("loads people, lists every case's page and ends with its figures", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench-people.ts"], {
    env: { ...process.env, BENCH_PEOPLE: "12000" },
    timeout: 100_000,
  });
  for (const name of ["first page", "10,000 rows deep (Next)", "10,000 rows deep, back (Previous)", "staff role: any", "disabled", "search, two letters ('uy')"]) {
    expect(stdout).toContain(`  ${name}`);
  }
  expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^worst_p95_ms=\d+\.\d\d first_page_p95_ms=\d+\.\d\d deep_page_p95_ms=\d+\.\d\d$/);
}, 120_000);
