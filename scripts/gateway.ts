// The gateway API (/api/v1) on its own: `npm run gateway`, or beside the console through `npm start`. It can be
// deployed and scaled apart from the console; every instance LISTENs for key changes, so a revocation reaches
// all of them at once.
import { ConcurrencyLimit } from "../lib/gateway/concurrency";
import { createGatewayServer, DEFAULT_ARGON2_CONCURRENCY, DEFAULT_ARGON2_QUEUE_LIMIT } from "../lib/gateway/server";
import { trustedProxyFrom, type TrustedProxy } from "../lib/trusted-proxy";

const log = (line: string) => console.log(`gateway: ${line}`);

function fail(message: string): never {
  console.error(`gateway: ${message}`);
  process.exit(1);
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number, not "${raw}"`);
  return value;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is not set (postgresql://…)");
const serviceToken = process.env.GATEWAY_SERVICE_TOKEN;
if (!serviceToken || serviceToken.length < 32) fail("GATEWAY_SERVICE_TOKEN must be set to at least 32 characters (the token callers send as Bearer)");
function trustedProxy(): TrustedProxy {
  // replaced, not kept beside: a deployment still setting it would otherwise trust no proxy without a word
  if (process.env.GATEWAY_TRUST_PROXY) fail("GATEWAY_TRUST_PROXY is replaced by TRUSTED_PROXY_HOPS: GATEWAY_TRUST_PROXY=1 is TRUSTED_PROXY_HOPS=1");
  try {
    return trustedProxyFrom(process.env);
  } catch (error) {
    fail((error as Error).message);
  }
}

const port = positive("GATEWAY_PORT", 3001);
const host = process.env.GATEWAY_HOST || "127.0.0.1";

const gateway = createGatewayServer({
  databaseUrl,
  serviceToken,
  cacheTtlMs: positive("GATEWAY_CACHE_TTL_SECONDS", 60) * 1000,
  failuresPerMinute: positive("GATEWAY_FAILURES_PER_MINUTE", 30),
  argon2Limit: new ConcurrencyLimit(
    positive("GATEWAY_ARGON2_CONCURRENCY", DEFAULT_ARGON2_CONCURRENCY),
    positive("GATEWAY_ARGON2_QUEUE", DEFAULT_ARGON2_QUEUE_LIMIT),
  ),
  trustedProxy: trustedProxy(),
  log,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await gateway.close().catch((error: Error) => log(`stopping: ${error.message}`));
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

gateway.listen(port, host).then(
  (url) => log(`listening at ${url}/api/v1`),
  (error: Error) => fail(`cannot listen on ${host}:${port}: ${error.message}`),
);
