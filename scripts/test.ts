// `npm test`: typecheck, lint, vitest (real PostgreSQL), a production build, then Playwright (real chromium).
// Every step runs even when an earlier one fails, and the last line sums them up: `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

interface Tally { passed: number; failed: number }
const total: Tally = { passed: 0, failed: 0 };

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n── ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status === 0;
}

/** A step that is one check of its own (typecheck, lint, build). */
function check(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args);
  total[ok ? "passed" : "failed"] += 1;
  return ok;
}

/** A test runner whose JSON report says how many tests passed and failed; a crash counts as one failure. */
function suite<Report>(label: string, command: string, args: string[], report: string, count: (json: Report) => Tally) {
  rmSync(report, { force: true });
  const ok = run(label, command, args);
  const tally = existsSync(report) ? count(JSON.parse(readFileSync(report, "utf8"))) : { passed: 0, failed: 0 };
  if (!ok && tally.failed === 0) tally.failed = 1;
  total.passed += tally.passed;
  total.failed += tally.failed;
}

// Playwright cannot download its browser here; Debian's chromium stands in (playwright.config.ts).
function ensureChromium(): boolean {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return true;
  console.log(`\n${path} is missing: installing Debian's chromium (needs root and apt)…`);
  return run("install chromium", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]) && existsSync(path);
}

check("typecheck", "npx", ["tsc", "--noEmit"]);
check("lint", "npx", ["eslint", "."]);
suite<{ numPassedTests: number; numFailedTests: number }>("unit and database tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.test-results/vitest.json"],
  ".test-results/vitest.json", (json) => ({ passed: json.numPassedTests, failed: json.numFailedTests }));
const built = check("production build", "npx", ["next", "build"]);
if (built && !ensureChromium()) total.failed += 1;
else if (built) {
  suite<{ stats: { expected: number; flaky: number; unexpected: number } }>("browser tests", "npx", ["playwright", "test"], ".test-results/playwright.json",
    (json) => ({ passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected }));
}

console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
