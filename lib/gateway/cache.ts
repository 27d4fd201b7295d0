// A bounded LRU with a time to live per entry, indexed by key id and tenant id so that a NOTIFY can evict
// exactly the entries it concerns. The Map's insertion order is the recency order: a hit moves its entry last,
// and the first entry is the least recently used.

export interface CacheEntry {
  /** when this entry stops being served (ms since epoch) */
  staleAt: number;
  /** the key's id and tenant's id, for eviction by NOTIFY; null for a negative entry */
  keyId: string | null;
  tenantId: string | null;
}

export class LruCache<V extends CacheEntry> {
  private readonly entries = new Map<string, V>();
  private readonly byKeyId = new Map<string, string>();
  private readonly byTenantId = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The live entry under `id`, or undefined (a stale one is dropped). */
  get(id: string, now: number): V | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.staleAt <= now) {
      this.delete(id, entry);
      return undefined;
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  set(id: string, entry: V): void {
    const previous = this.entries.get(id);
    if (previous !== undefined) this.delete(id, previous);
    this.entries.set(id, entry);
    if (entry.keyId !== null) this.byKeyId.set(entry.keyId, id);
    if (entry.tenantId !== null) {
      let ids = this.byTenantId.get(entry.tenantId);
      if (ids === undefined) this.byTenantId.set(entry.tenantId, (ids = new Set()));
      ids.add(id);
    }
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest, this.entries.get(oldest)!);
    }
  }

  /** Drops the entry of one key. Returns how many entries went. */
  evictKey(keyId: string): number {
    const id = this.byKeyId.get(keyId);
    if (id === undefined) return 0;
    this.delete(id, this.entries.get(id)!);
    return 1;
  }

  /** Drops every entry of one tenant's keys. Returns how many entries went. */
  evictTenant(tenantId: string): number {
    const ids = this.byTenantId.get(tenantId);
    if (ids === undefined) return 0;
    const count = ids.size;
    for (const id of [...ids]) this.delete(id, this.entries.get(id)!);
    return count;
  }

  clear(): void {
    this.entries.clear();
    this.byKeyId.clear();
    this.byTenantId.clear();
  }

  private delete(id: string, entry: V): void {
    this.entries.delete(id);
    if (entry.keyId !== null && this.byKeyId.get(entry.keyId) === id) this.byKeyId.delete(entry.keyId);
    if (entry.tenantId !== null) {
      const ids = this.byTenantId.get(entry.tenantId);
      ids?.delete(id);
      if (ids?.size === 0) this.byTenantId.delete(entry.tenantId);
    }
  }
}
