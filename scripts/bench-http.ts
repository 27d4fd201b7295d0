// What the gateway's HTTP benchmarks (bench-verify, bench-route) share: a bare node:http server answering a constant
// JSON body, the yardstick their ratios are taken against, and autocannon runs at CONNECTIONS connections with a
// warm-up, printed as one table.
import autocannon from "autocannon";
import { freePort } from "../lib/db/embedded";
import { log, waitUntilUp, type Bench } from "./bench-support";

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;

// Bare node:http, answering BODY to whatever it is sent, with the headers the gateway answers with.
const BARE_SERVER = `
const body = Buffer.from(process.env.BODY);
require("node:http").createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length, "cache-control": "no-store" });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
`;

/** Starts the bare server answering `body`, in a child process of its own; its base URL once it answers. */
export async function startBareServer(bench: Bench, body: string): Promise<string> {
  const port = await freePort();
  bench.node("bare node:http", ["-e", BARE_SERVER], { PORT: String(port), BODY: body });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(base);
  return base;
}

export interface Row {
  name: string;
  result: autocannon.Result;
}

/** A warm-up, then DURATION_S seconds of POSTs to `url` at CONNECTIONS connections. */
export async function load(name: string, url: string, headers: Record<string, string>, options: Partial<autocannon.Options>): Promise<Row> {
  const base = { url, connections: CONNECTIONS, method: "POST" as const, headers, ...options };
  await autocannon({ ...base, duration: WARMUP_S });
  const result = await autocannon({ ...base, duration: DURATION_S });
  log(`${name}: ${Math.round(result.requests.average)} req/s`);
  return { name, result };
}

export function table(rows: Row[]): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "non-2xx", "errors"];
  const lines = rows.map(({ name, result }) => [
    name, Math.round(result.requests.average), result.latency.p50, result.latency.p99, result.latency.max,
    result.requests.total, result.non2xx, result.errors,
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [format(header), ...lines.map(format)].join("\n");
}

/** The table, the run's shape, and the last line: `ratio=<measured req/s ÷ bare req/s> p99_ms=<measured p99>`. */
export async function report(rows: Row[], bare: Row, measured: Row): Promise<void> {
  console.log(`\n${table(rows)}\n`);
  console.log(`connections=${CONNECTIONS} duration_s=${DURATION_S} cores=${(await import("node:os")).availableParallelism()}`);
  const ratio = measured.result.requests.average / bare.result.requests.average;
  console.log(`ratio=${ratio.toFixed(2)} p99_ms=${measured.result.latency.p99}`);
}
