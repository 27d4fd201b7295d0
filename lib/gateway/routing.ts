// Where a request goes, for POST /api/v1/route: the engine (lib/domain/routing/engine.ts) over a tenant's rules,
// providers, token mix and the prices in force, cached per tenant with the upstream keys decrypted once per load.
// NOTIFYs on the configuration events channel evict a tenant (its rules or providers changed: kind routing; its
// status: a tenant-wide api_key event) and a key; the TTL is the safety net, and the only eviction of prices and
// the token mix, which no NOTIFY names. While the listener is down nothing is cached, as for keys (verify.ts).
import type pg from "pg";
import { open } from "@/lib/crypto/secret-box";
import { baseUrlOf } from "@/lib/domain/providers/catalog";
import { routeOf, type RouteRequest, type RuleSpec, type ProviderSet, type TokenMix } from "@/lib/domain/routing/engine";
import { pgQuery, priceBookAt, providerSetOf, rulesOf, tokenMixOf, type PriceBook, type Query } from "@/lib/domain/routing/tenant-config";
import { LruCache, type CacheEntry } from "./cache";

/** Why a tenant (or a key's tenant) is not routed: the error code of the answer. */
export const ROUTE_REFUSALS = ["unknown_key", "unknown_tenant", "key_revoked", "key_expired", "tenant_frozen", "tenant_archived"] as const;
export type RouteRefusal = (typeof ROUTE_REFUSALS)[number];

/** Whom a route request is for: a verified key's id, or a tenant's. */
export type RouteSubject = { keyId: string } | { tenantId: string };

export type RouteAnswer = { body: Buffer } | { refusal: RouteRefusal };

interface Upstream {
  baseUrl: string | null;
  apiKey: string;
}

interface TenantEntry extends CacheEntry {
  tenantId: string;
  refusal: RouteRefusal | null;
  rules: RuleSpec[];
  providers: ProviderSet;
  upstreams: Map<string, Upstream>;
  prices: PriceBook;
  mix: TokenMix;
  /** answers already serialized, by request: a gateway asks the same few questions again and again */
  answers: Map<string, Buffer>;
}

interface KeyEntry extends CacheEntry {
  tenantId: string;
  revoked: boolean;
  /** ms since epoch; Infinity for a key that never expires */
  expiresAt: number;
}

// A tenant's distinct (model, feature, team, complexity) answers kept; past it they are dropped and recomputed.
const MAX_ANSWERS_PER_TENANT = 1_000;

export interface RouterOptions {
  ttlMs: number;
  maxTenants: number;
  maxKeys: number;
}

export class Router {
  private readonly tenants: LruCache<TenantEntry>;
  private readonly keys: LruCache<KeyEntry>;
  // loads under way, for concurrent misses to share
  private readonly tenantLoads = new Map<string, Promise<TenantEntry | null>>();
  private readonly keyLoads = new Map<string, Promise<KeyEntry | null>>();
  private prices: { book: Promise<PriceBook>; staleAt: number } | null = null;
  private readonly query: Query;
  // as in KeyVerifier: a load that started before an invalidation must not be cached
  private generation = 0;
  private caching = false;

  constructor(pool: pg.Pool, private readonly options: RouterOptions) {
    this.query = pgQuery(pool);
    this.tenants = new LruCache(options.maxTenants);
    this.keys = new LruCache(options.maxKeys);
  }

  /** Where `request` goes for `subject`, or why it is refused. Rejects when the database cannot be read. */
  async route(subject: RouteSubject, request: RouteRequest, now: number): Promise<RouteAnswer> {
    let tenantId: string;
    if ("keyId" in subject) {
      const key = this.keys.get(subject.keyId, now) ?? (await this.load(this.keys, this.keyLoads, subject.keyId, () => this.loadKey(subject.keyId, now)));
      if (key === null) return { refusal: "unknown_key" };
      if (key.revoked) return { refusal: "key_revoked" };
      if (key.expiresAt <= now) return { refusal: "key_expired" };
      tenantId = key.tenantId;
    } else {
      tenantId = subject.tenantId;
    }
    const tenant = this.tenants.get(tenantId, now) ?? (await this.load(this.tenants, this.tenantLoads, tenantId, () => this.loadTenant(tenantId, now)));
    if (tenant === null) return { refusal: "unknown_tenant" };
    if (tenant.refusal !== null) return { refusal: tenant.refusal };
    return { body: answerOf(tenant, request) };
  }

  /** A tenant's rules, providers or status changed. */
  evictTenant(tenantId: string): void {
    this.invalidated();
    this.tenants.evictTenant(tenantId);
    this.keys.evictTenant(tenantId);
  }

  /** A key changed (revoked, expiry moved). */
  evictKey(keyId: string): void {
    this.invalidated();
    this.keys.evictKey(keyId);
  }

  /** Empties the cache and turns caching on or off (off while changes could go unnoticed). */
  reset(caching: boolean): void {
    this.invalidated();
    this.tenants.clear();
    this.keys.clear();
    this.prices = null;
    this.caching = caching;
  }

  private invalidated(): void {
    this.generation++;
    this.tenantLoads.clear();
    this.keyLoads.clear();
  }

  /** Runs `loader` once for concurrent misses of `id` in `cache`, caching what it finds when nothing changed meanwhile. */
  private load<E extends CacheEntry>(cache: LruCache<E>, loads: Map<string, Promise<E | null>>, id: string, loader: () => Promise<E | null>): Promise<E | null> {
    const under = loads.get(id);
    if (under !== undefined) return under;
    const generation = this.generation;
    const pending = loader().then((entry) => {
      if (entry !== null && this.caching && generation === this.generation) cache.set(id, entry);
      return entry;
    });
    loads.set(id, pending);
    const forget = () => {
      if (loads.get(id) === pending) loads.delete(id);
    };
    pending.then(forget, forget);
    return pending;
  }

  private async loadKey(keyId: string, now: number): Promise<KeyEntry | null> {
    const [row] = await this.query<{ tenant_id: string; revoked: boolean; expires_at: Date | null }>(
      "SELECT tenant_id::text, revoked_at IS NOT NULL AS revoked, expires_at FROM api_keys WHERE id = $1::uuid",
      [keyId],
    );
    if (row === undefined) return null;
    return {
      staleAt: now + this.options.ttlMs, keyId, tenantId: row.tenant_id, revoked: row.revoked,
      expiresAt: row.expires_at === null ? Infinity : row.expires_at.getTime(),
    };
  }

  private async loadTenant(tenantId: string, now: number): Promise<TenantEntry | null> {
    const [tenant] = await this.query<{ status: string }>("SELECT status::text FROM tenants WHERE id = $1::uuid", [tenantId]);
    if (tenant === undefined) return null;
    const [rules, configured, mix, prices] = await Promise.all([
      rulesOf(this.query, tenantId),
      this.query<{ provider: string; is_default: boolean; base_url: string | null; encrypted_api_key: Buffer; key_version: number }>(
        "SELECT provider, is_default, base_url, encrypted_api_key, key_version FROM provider_configs WHERE tenant_id = $1::uuid ORDER BY provider",
        [tenantId],
      ),
      tokenMixOf(this.query, tenantId, new Date(now)),
      this.priceBook(now),
    ]);
    const upstreams = new Map<string, Upstream>();
    for (const row of configured) {
      const apiKey = open({ ciphertext: new Uint8Array(row.encrypted_api_key), keyVersion: row.key_version });
      upstreams.set(row.provider, { baseUrl: baseUrlOf(row.provider, row.base_url), apiKey });
    }
    const refusal = tenant.status === "frozen" ? "tenant_frozen" : tenant.status === "archived" ? "tenant_archived" : null;
    return {
      staleAt: now + this.options.ttlMs, keyId: null, tenantId, refusal, rules, upstreams, prices, mix, answers: new Map(),
      providers: providerSetOf(configured.map((row) => ({ provider: row.provider, isDefault: row.is_default })), prices),
    };
  }

  /** The prices in force, shared by every tenant and read again once a TTL has passed (no NOTIFY names prices). */
  private priceBook(now: number): Promise<PriceBook> {
    if (this.prices === null || this.prices.staleAt <= now) {
      const book = priceBookAt(this.query, new Date(now));
      const entry = { book, staleAt: now + this.options.ttlMs };
      this.prices = entry;
      // a failed read is not kept: the next load asks again
      book.catch(() => {
        if (this.prices === entry) this.prices = null;
      });
    }
    return this.prices.book;
  }
}

function answerOf(tenant: TenantEntry, request: RouteRequest): Buffer {
  const id = JSON.stringify([request.model, request.feature, request.team, request.complexity]);
  const known = tenant.answers.get(id);
  if (known !== undefined) return known;
  const route = routeOf(tenant.rules, request, tenant.providers, tenant.prices.priceOf, tenant.mix);
  const body = Buffer.from(JSON.stringify({
    tenantId: tenant.tenantId,
    rule: route.rule === null ? null : { id: route.rule.id, name: route.rule.name },
    strategy: route.strategy,
    attempts: route.attempts.map(({ provider, model }) => {
      const upstream = tenant.upstreams.get(provider)!;
      return { provider, model, baseUrl: upstream.baseUrl, apiKey: upstream.apiKey };
    }),
  }));
  if (tenant.answers.size >= MAX_ANSWERS_PER_TENANT) tenant.answers.clear();
  tenant.answers.set(id, body);
  return body;
}
