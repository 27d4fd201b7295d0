// The console's HTTP server: Next's own request handler (what `next start` and `next dev` run) behind a plain
// node:http server that first hands Next the TCP peer's address (lib/auth/source-ip.ts says why Next cannot
// be asked for it). `scripts/next-process.ts` runs it as `console-server.ts start|dev -p PORT -H HOST`.
import http from "node:http";
import next from "next";
import { handPeerToNext, PEER_HEADER } from "../lib/auth/source-ip";
import { trustedProxyFrom } from "../lib/trusted-proxy";

function fail(message: string): never {
  console.error(`console: ${message}`);
  process.exit(1);
}

const [mode, ...flags] = process.argv.slice(2);
if (mode !== "start" && mode !== "dev") fail(`usage: console-server.ts start|dev -p PORT -H HOST, not "${process.argv.slice(2).join(" ")}"`);
const flag = (name: string, fallback: string) => {
  const at = flags.indexOf(name);
  return at === -1 ? fallback : flags[at + 1];
};
const port = Number(flag("-p", "3000"));
const hostname = flag("-H", "127.0.0.1");
try {
  trustedProxyFrom(process.env);
} catch (error) {
  fail((error as Error).message);
}
// read by sourceIpOf, in this process: the header below is this server's word, not a client's
process.env.GATEHOUSE_PEER_HEADER = PEER_HEADER;

const app = next({ dev: mode === "dev", hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
/** Whether `url`'s path holds a %-escape that is not UTF-8 (/t/%ff): Next 16.4 answers those 500 (vercel/next.js#92557). */
function undecodablePath(url = "/"): boolean {
  try {
    decodeURIComponent(url.split("?", 1)[0]);
    return false;
  } catch {
    return true;
  }
}

const server = http.createServer((req, res) => {
  if (undecodablePath(req.url)) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: the address holds a %-escape that is not UTF-8.\n");
    return;
  }
  handPeerToNext(req);
  // as `next start` does with what escapes Next's own handling
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
  });
});
server.on("error", (error) => fail(`cannot listen on ${hostname}:${port}: ${error.message}`));
server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await app.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
