// What the e2e server's console writes to stderr, kept in a file the specs read: e2e/serve.ts appends to it, and
// a spec finds there the log line behind a reference it saw in the browser.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Readable } from "node:stream";

const LOG_FILE = fileURLToPath(new URL("../.test-results/e2e-server.log", import.meta.url));

/** For e2e/serve.ts: passes `stderr` on to its own and keeps a copy, from empty. */
export function keepServerLog(stderr: Readable): void {
  mkdirSync(dirname(LOG_FILE), { recursive: true });
  writeFileSync(LOG_FILE, "");
  stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    appendFileSync(LOG_FILE, chunk);
  });
}

/** What the server has logged to stderr so far. */
export const serverLog = () => (existsSync(LOG_FILE) ? readFileSync(LOG_FILE, "utf8") : "");
