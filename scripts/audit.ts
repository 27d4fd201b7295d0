// npm run audit -- verify [--tenant SLUG | --platform]   recompute the audit log's hash chains (all by default)
// npm run audit -- retention                             remove events older than their retention, once
// Run with node's react-server condition (see package.json), like `npm run jobs`: lib/ marks its modules
// `server-only`. Exits 1 when a chain is broken.
import { openDatabase } from "./database";

const USAGE = "usage: npm run audit -- verify [--tenant SLUG | --platform] | retention";

class UsageError extends Error {}

async function verify(args: string[]): Promise<boolean> {
  const { db } = await import("../lib/db/client");
  const { chainOf, listChains, verifyChain } = await import("../lib/domain/audit/integrity");
  let chains: string[];
  const at = args.indexOf("--tenant");
  if (at >= 0) {
    const slug = args[at + 1];
    if (!slug) throw new UsageError(`--tenant needs a SLUG. ${USAGE}`);
    const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true } });
    if (!tenant) throw new UsageError(`There is no tenant ${slug}.`);
    chains = [chainOf(tenant.id)];
  } else {
    chains = args.includes("--platform") ? [chainOf(null)] : await listChains();
  }
  let intact = true;
  for (const chain of chains) {
    const started = performance.now();
    const result = await verifyChain(chain);
    const took = `${Math.round(performance.now() - started)} ms`;
    if (result.intact) {
      console.log(`${chain}: intact, ${result.checked} events (${took})`);
    } else {
      intact = false;
      const { id, createdAt, reason } = result.brokenAt;
      console.log(`${chain}: BROKEN at event ${id} (${createdAt.toISOString()}): ${reason}; ${result.checked} events before it verified`);
    }
  }
  if (!chains.length) console.log("the audit log is empty");
  return intact;
}

async function retention(): Promise<void> {
  const { applyAuditRetention } = await import("../lib/domain/audit/retention");
  const { deleted, chains } = await applyAuditRetention();
  for (const { chain, deleted: n, keptFromSeq } of chains) console.log(`${chain}: ${n} removed, kept from #${keptFromSeq}`);
  console.log(`audit retention: ${deleted} events removed`);
}

async function main([command, ...args]: string[]): Promise<number> {
  if (command !== "verify" && command !== "retention") throw new UsageError(USAGE);
  const database = await openDatabase(console.log);
  const { db } = await import("../lib/db/client");
  try {
    if (command === "retention") {
      await retention();
      return 0;
    }
    return (await verify(args)) ? 0 : 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof UsageError ? `audit: ${error.message}` : error);
  process.exit(1);
});
