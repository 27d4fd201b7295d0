// API key verification for the gateway. A key that fails its checksum is answered `malformed` before any
// database work. Otherwise one query finds the key rows with its lookup prefix joined with their tenant, and
// argon2id decides which (if any) is this key. Both wait their turn in a bounded queue, the query for one of the
// pool's connections and argon2id for one of libuv's threads; past either queue's bound, the lookup fails with
// QueueFull for the server to shed. The outcome is cached under sha256(key) — never the key — so argon2 is paid
// once per key per TTL; NOTIFYs on the configuration events channel evict entries at once. Unknown keys are cached
// apart, in a smaller LRU, so that a flood of them cannot evict live keys.
import { verify as argon2Verify } from "@node-rs/argon2";
import { createHash } from "node:crypto";
import type pg from "pg";
import { parseKey } from "@/lib/domain/keys/format";
import { LruCache, type CacheEntry } from "./cache";
import type { ConcurrencyLimit } from "./concurrency";

// The `code` of a key that may not be used (its precedence: entryFor, below).
export const FAILURE_CODES = ["malformed", "not_found", "revoked", "expired", "tenant_frozen", "tenant_archived"] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/**
 * A verification the cache could not answer: the lookup's answer, and whether this call started that lookup (a
 * query, maybe argon2) or joined one already under way for the same key, which costs nothing more.
 */
export interface PendingAnswer {
  answer: Promise<Answer>;
  startedLookup: boolean;
}

/** An outcome with its response body serialized once, so answering from the cache allocates nothing big. */
export interface Answer {
  valid: boolean;
  keyId: string | null;
  body: Buffer;
}

export interface GatewayStats {
  cacheHits: number;
  cacheMisses: number;
  argon2Verifications: number;
  /** verifications answered 503 because too many lookups were waiting for a connection or for argon2 already */
  shed: number;
  dbQueries: number;
  invalidations: number;
  lastUsedFlushes: number;
  lastUsedRowsWritten: number;
}

export const newStats = (): GatewayStats => ({
  cacheHits: 0, cacheMisses: 0, argon2Verifications: 0, shed: 0, dbQueries: 0, invalidations: 0, lastUsedFlushes: 0, lastUsedRowsWritten: 0,
});

const failure = (code: FailureCode): Answer => ({ valid: false, keyId: null, body: Buffer.from(JSON.stringify({ valid: false, code })) });
const FAILURES: Record<FailureCode, Answer> = {
  malformed: failure("malformed"),
  not_found: failure("not_found"),
  revoked: failure("revoked"),
  expired: failure("expired"),
  tenant_frozen: failure("tenant_frozen"),
  tenant_archived: failure("tenant_archived"),
};

interface KeyEntry extends CacheEntry {
  /** the answer while the key has not expired */
  answer: Answer;
  /** ms since epoch; Infinity for a key that never expires, or whose answer does not depend on it */
  expiresAt: number;
}

interface KeyRow {
  id: string;
  hash: string;
  scopes: string[];
  project_id: string | null;
  product: string | null;
  expires_at: Date | null;
  revoked: boolean;
  tenant_id: string;
  tenant_slug: string;
  tenant_status: string;
}

// Keys still in force first (at most one, by api_keys_active_prefix_key), then revoked ones newest first, so
// that a revoked key is answered `revoked` rather than `not_found`. The limit bounds argon2 work per lookup.
const LOOKUP = {
  name: "gateway_key_lookup",
  text: `SELECT k.id, k.hash, k.scopes, k.project_id, k.product, k.expires_at, k.revoked_at IS NOT NULL AS revoked,
                t.id AS tenant_id, t.slug AS tenant_slug, t.status::text AS tenant_status
           FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
          WHERE k.prefix = $1
          ORDER BY k.revoked_at IS NOT NULL, k.revoked_at DESC
          LIMIT 4`,
};

export interface VerifierOptions {
  /** how long a found key's outcome is served from memory */
  ttlMs: number;
  /** how long a `not_found` is */
  negativeTtlMs: number;
  /** keys found (valid, revoked, expired, of a frozen or archived tenant) */
  maxEntries: number;
  /** `not_found` answers, kept apart so that they never evict a key found */
  negativeMaxEntries: number;
}

export class KeyVerifier {
  private readonly found: LruCache<KeyEntry>;
  private readonly unknown: LruCache<KeyEntry>;
  private readonly inflight = new Map<string, Promise<KeyEntry>>();
  // Bumped by every invalidation: a lookup that started before one must not put its (maybe stale) row in the cache.
  private generation = 0;
  // Off while the invalidation listener is down: without NOTIFYs a cached entry could outlive a revocation.
  private caching = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: VerifierOptions,
    /** where lookups' queries take their turn at the pool's connections; a full queue fails the lookup with QueueFull */
    private readonly lookupLimit: ConcurrencyLimit,
    /** where lookups take their turn at argon2; a full queue fails the lookup with QueueFull */
    private readonly argon2Limit: ConcurrencyLimit,
    private readonly stats: GatewayStats,
  ) {
    this.found = new LruCache(options.maxEntries);
    this.unknown = new LruCache(options.negativeMaxEntries);
  }

  /** The answer for `key`: at once when the checksum fails or the cache knows it, else after the lookup. */
  verify(key: unknown, now: number): Answer | PendingAnswer {
    const parsed = parseKey(key);
    if (parsed === null) return FAILURES.malformed;
    const id = createHash("sha256").update(key as string).digest("hex");
    const cached = this.found.get(id, now) ?? this.unknown.get(id, now);
    if (cached !== undefined) {
      this.stats.cacheHits++;
      return answerAt(cached, now);
    }
    this.stats.cacheMisses++;
    let pending = this.inflight.get(id);
    const startedLookup = pending === undefined;
    if (pending === undefined) {
      pending = this.load(id, parsed.prefix, key as string);
      this.inflight.set(id, pending);
      const forget = () => {
        if (this.inflight.get(id) === pending) this.inflight.delete(id);
      };
      pending.then(forget, forget);
    }
    return { answer: pending.then((entry) => answerAt(entry, Date.now())), startedLookup };
  }

  /** A key changed (revoked, rolled, expiry moved). */
  evictKey(keyId: string): void {
    this.invalidated();
    this.found.evictKey(keyId);
  }

  /** Something about a tenant changed (frozen, archived, reactivated). */
  evictTenant(tenantId: string): void {
    this.invalidated();
    this.found.evictTenant(tenantId);
  }

  /** Empties the cache and turns caching on or off (off while changes could go unnoticed). */
  reset(caching: boolean): void {
    this.invalidated();
    this.found.clear();
    this.unknown.clear();
    this.caching = caching;
  }

  private invalidated(): void {
    this.generation++;
    this.stats.invalidations++;
    // later requests must not join a lookup that may have read the row before the change
    this.inflight.clear();
  }

  private async load(id: string, prefix: string, key: string): Promise<KeyEntry> {
    const generation = this.generation;
    const { rows } = await this.lookupLimit.run(() => {
      this.stats.dbQueries++;
      return this.pool.query<KeyRow>({ ...LOOKUP, values: [prefix] });
    });
    const row = rows.length === 0 ? undefined : await this.argon2Limit.run(() => this.matching(rows, key));
    const caching = this.caching && generation === this.generation;
    if (row === undefined) {
      const entry = { staleAt: Date.now() + this.options.negativeTtlMs, keyId: null, tenantId: null, answer: FAILURES.not_found, expiresAt: Infinity };
      if (caching) this.unknown.set(id, entry);
      return entry;
    }
    const entry = entryFor(row, Date.now() + this.options.ttlMs);
    if (caching) this.found.set(id, entry);
    return entry;
  }

  /** The row whose hash is this key's, if any: one argon2 verification per row, one row after another. */
  private async matching(rows: KeyRow[], key: string): Promise<KeyRow | undefined> {
    for (const row of rows) {
      this.stats.argon2Verifications++;
      if (await argon2Verify(row.hash, key)) return row;
    }
    return undefined;
  }
}

// Precedence: revoked, then expired (checked against the clock at read time), then the tenant's status.
function entryFor(row: KeyRow, staleAt: number): KeyEntry {
  const base = { staleAt, keyId: row.id, tenantId: row.tenant_id };
  if (row.revoked) return { ...base, answer: FAILURES.revoked, expiresAt: Infinity };
  const expiresAt = row.expires_at ? row.expires_at.getTime() : Infinity;
  if (row.tenant_status === "frozen") return { ...base, answer: FAILURES.tenant_frozen, expiresAt };
  if (row.tenant_status === "archived") return { ...base, answer: FAILURES.tenant_archived, expiresAt };
  const body = {
    valid: true,
    keyId: row.id,
    tenant: { id: row.tenant_id, slug: row.tenant_slug, status: row.tenant_status },
    scopes: row.scopes,
    projectId: row.project_id,
    product: row.product,
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
  };
  return { ...base, answer: { valid: true, keyId: row.id, body: Buffer.from(JSON.stringify(body)) }, expiresAt };
}

const answerAt = (entry: KeyEntry, now: number): Answer => (entry.expiresAt <= now ? FAILURES.expired : entry.answer);
