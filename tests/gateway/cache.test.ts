// The gateway's in-memory structures: the bounded LRU with TTL, the failure limiter and the bounded queue that
// lookups wait in for a database connection and for argon2.
import { describe, expect, it } from "vitest";
import { LruCache, type CacheEntry } from "@/lib/gateway/cache";
import { ConcurrencyLimit, QueueFull } from "@/lib/gateway/concurrency";
import { FailureLimiter } from "@/lib/rate-limit";

const entry = (keyId: string | null, tenantId: string | null, staleAt = 1_000): CacheEntry => ({ keyId, tenantId, staleAt });

describe("LruCache", () => {
  it("drops the least recently used entry past its bound", () => {
    const cache = new LruCache<CacheEntry>(2);
    cache.set("a", entry("ka", "t1"));
    cache.set("b", entry("kb", "t1"));
    expect(cache.get("a", 0)).toBeDefined(); // a is now the most recent
    cache.set("c", entry("kc", "t2"));

    expect(cache.size).toBe(2);
    expect(cache.get("b", 0)).toBeUndefined();
    expect(cache.get("a", 0)).toBeDefined();
    expect(cache.get("c", 0)).toBeDefined();
    expect(cache.evictKey("kb")).toBe(0); // its index entry went with it
  });

  it("serves an entry until its time, not after", () => {
    const cache = new LruCache<CacheEntry>(10);
    cache.set("a", entry("ka", "t1", 100));
    expect(cache.get("a", 99)).toBeDefined();
    expect(cache.get("a", 100)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts by key id and by tenant id, and leaves the rest", () => {
    const cache = new LruCache<CacheEntry>(10);
    cache.set("a", entry("ka", "t1"));
    cache.set("b", entry("kb", "t1"));
    cache.set("c", entry("kc", "t2"));
    cache.set("n", entry(null, null));

    expect(cache.evictKey("kc")).toBe(1);
    expect(cache.get("c", 0)).toBeUndefined();
    expect(cache.evictTenant("t1")).toBe(2);
    expect(cache.get("a", 0)).toBeUndefined();
    expect(cache.get("b", 0)).toBeUndefined();
    expect(cache.get("n", 0)).toBeDefined();
    expect(cache.evictTenant("t1")).toBe(0);
  });

  it("replacing an entry keeps the indexes right", () => {
    const cache = new LruCache<CacheEntry>(10);
    cache.set("a", entry("ka", "t1"));
    cache.set("a", entry("ka", "t2"));
    expect(cache.evictTenant("t1")).toBe(0);
    expect(cache.evictTenant("t2")).toBe(1);
    expect(cache.size).toBe(0);
  });
});

describe("FailureLimiter", () => {
  it("allows a burst of the limit, then asks to wait until a token is back", () => {
    const limiter = new FailureLimiter(30);
    for (let i = 0; i < 30; i++) expect(limiter.fail("ip", 0)).toBe(0);
    expect(limiter.fail("ip", 0)).toBe(2); // one failure every 2 s
    expect(limiter.fail("ip", 1_000)).toBe(1);
    expect(limiter.fail("ip", 2_000)).toBe(0);
    expect(limiter.fail("other", 2_000)).toBe(0);
  });

  it("keeps at most the given number of sources, forgetting the least recent", () => {
    const limiter = new FailureLimiter(1, 2);
    expect(limiter.fail("a", 0)).toBe(0);
    expect(limiter.fail("b", 0)).toBe(0);
    expect(limiter.fail("a", 0)).toBeGreaterThan(0); // a is the most recent now
    expect(limiter.fail("c", 0)).toBe(0); // b is forgotten
    expect(limiter.fail("a", 0)).toBeGreaterThan(0);
    expect(limiter.fail("b", 0)).toBe(0); // starts again full
  });
});

describe("FailureLimiter.retryAfter", () => {
  it("answers what the next failure would, without counting one", () => {
    const limiter = new FailureLimiter(30);
    expect(limiter.retryAfter("ip", 0)).toBe(0); // never failed
    for (let i = 0; i < 29; i++) limiter.fail("ip", 0);
    for (let i = 0; i < 5; i++) expect(limiter.retryAfter("ip", 0)).toBe(0); // one failure left, however often asked
    expect(limiter.fail("ip", 0)).toBe(0);
    expect(limiter.retryAfter("ip", 0)).toBe(2);
    expect(limiter.retryAfter("ip", 1_000)).toBe(1);
    expect(limiter.retryAfter("ip", 2_000)).toBe(0);
    expect(limiter.fail("ip", 0)).toBe(2); // asking refilled nothing and took nothing
  });

  it("keeps no bucket for a source it is asked about", () => {
    const limiter = new FailureLimiter(1, 1);
    limiter.fail("a", 0);
    expect(limiter.retryAfter("b", 0)).toBe(0);
    expect(limiter.fail("a", 0)).toBeGreaterThan(0); // a's bucket was not dropped to make room for b
  });
});

describe("FailureLimiter.giveBack", () => {
  it("returns one token taken, never more than the burst, and nothing for a bucket dropped meanwhile", () => {
    const limiter = new FailureLimiter(2, 1);
    limiter.fail("ip", 0);
    limiter.fail("ip", 0);
    expect(limiter.retryAfter("ip", 0)).toBeGreaterThan(0);
    limiter.giveBack("ip", 0);
    expect(limiter.fail("ip", 0)).toBe(0); // the one given back
    expect(limiter.fail("ip", 0)).toBeGreaterThan(0);

    limiter.giveBack("ip", 60_000); // refilled to the burst by then: the token given back adds none
    for (let i = 0; i < 2; i++) expect(limiter.fail("ip", 60_000)).toBe(0);
    expect(limiter.fail("ip", 60_000)).toBeGreaterThan(0);

    limiter.fail("other", 60_000); // drops ip's bucket (one source kept)
    limiter.giveBack("ip", 60_000);
    for (let i = 0; i < 2; i++) expect(limiter.fail("ip", 60_000)).toBe(0); // starts again full, and no fuller
    expect(limiter.fail("ip", 60_000)).toBeGreaterThan(0);
  });
});

describe("ConcurrencyLimit", () => {
  /** A task that runs until the test ends it, recording its start in `started`. */
  function held(started: string[], name: string) {
    let end = () => {};
    const task = () => new Promise<string>((done) => {
      started.push(name);
      end = () => done(name);
    });
    return { task, end: () => end() };
  }

  it("runs at most its concurrency at once, queues up to its limit in order, and refuses the next at once", async () => {
    const limit = new ConcurrencyLimit(2, 2);
    const started: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => held(started, name));
    const running = [limit.run(a.task), limit.run(b.task), limit.run(c.task), limit.run(d.task)];
    await expect(limit.run(async () => "e")).rejects.toBeInstanceOf(QueueFull);
    expect(started).toEqual(["a", "b"]);

    b.end();
    await running[1];
    expect(started).toEqual(["a", "b", "c"]);
    // a task arriving now waits behind the one queued before it
    const e = held(started, "e");
    const late = limit.run(e.task);
    a.end();
    await running[0];
    expect(started).toEqual(["a", "b", "c", "d"]);
    c.end();
    d.end();
    await Promise.all(running);
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    e.end();
    expect(await late).toBe("e");
  });

  it("passes the turn on when a task fails", async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const failing = limit.run(async () => {
      throw new Error("argon2 failed");
    });
    const next = limit.run(async () => "next");
    await expect(failing).rejects.toThrow("argon2 failed");
    expect(await next).toBe("next");
    expect(await limit.run(async () => "after")).toBe("after");
  });
});
