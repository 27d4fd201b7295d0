// Limits repeated failures per source (a caller's address without the service token, an end client with invalid
// keys) with a token bucket: `perMinute` failures in a burst, refilled at `perMinute` a minute. Successes never
// touch it, except to give back a token taken in advance for work that might have failed. At most `maxSources` buckets are kept, the least recently touched dropped first (a dropped bucket
// starts full). The buckets live in this process's memory: each instance of a server counts on its own.

interface Bucket {
  tokens: number;
  at: number;
}

export class FailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxSources = 10_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Counts one failure from `source`: 0 when it is within the limit, else the seconds to wait before retrying. */
  fail(source: string, now: number): number {
    let bucket = this.buckets.get(source);
    if (bucket === undefined) {
      bucket = { tokens: this.perMinute, at: now };
    } else {
      this.buckets.delete(source); // re-inserted below: the Map's order is the recency order
      bucket.tokens = this.tokensAt(bucket, now);
      bucket.at = now;
    }
    this.buckets.set(source, bucket);
    if (this.buckets.size > this.maxSources) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.secondsUntilToken(bucket.tokens);
  }

  /**
   * What `fail` would answer for `source`'s next failure, without counting one: 0 while it has failures left, else
   * the seconds to wait. Lets a server refuse a source that is over its limit before doing any work for it.
   */
  retryAfter(source: string, now: number): number {
    const bucket = this.buckets.get(source);
    if (bucket === undefined) return 0;
    const tokens = this.tokensAt(bucket, now);
    return tokens >= 1 ? 0 : this.secondsUntilToken(tokens);
  }

  /**
   * Gives back the token one `fail` took for work that turned out not to be a failure (a key looked up before it
   * was known to be valid). Never more than the burst; nothing for a bucket dropped meanwhile, which starts full.
   */
  giveBack(source: string, now: number): void {
    const bucket = this.buckets.get(source);
    if (bucket === undefined) return;
    bucket.tokens = Math.min(this.perMinute, this.tokensAt(bucket, now) + 1);
    bucket.at = now;
  }

  private tokensAt(bucket: Bucket, now: number): number {
    return Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
  }

  private secondsUntilToken(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.refillPerMs / 1000));
  }
}
