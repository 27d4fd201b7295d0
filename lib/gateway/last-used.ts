// api_keys.last_used_at, written behind: each valid verification only notes (key id → time) in memory, and a
// timer writes the notes in one UPDATE. A key already marked used within the last minute is left alone, so a
// busy key costs at most one row write a minute however many requests it serves.
import type pg from "pg";
import type { GatewayStats } from "./verify";

// One statement for any number of keys: the two arrays are unnested into rows (an UPDATE … FROM a VALUES
// list, without a parameter per value).
const FLUSH = {
  name: "gateway_last_used_flush",
  text: `UPDATE api_keys AS k SET last_used_at = v.used_at
           FROM unnest($1::uuid[], $2::timestamptz[]) AS v (id, used_at)
          WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.used_at - interval '1 minute')`,
};

export class LastUsedWriter {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly flushEveryMs: number,
    private readonly stats: GatewayStats,
    private readonly log: (line: string) => void,
  ) {}

  record(keyId: string, at: number): void {
    this.pending.set(keyId, at);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.flushEveryMs);
    this.timer.unref();
  }

  /** Writes what was noted so far (after any flush already under way). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const times = ids.map((id) => new Date(batch.get(id)!).toISOString());
    try {
      const { rowCount } = await this.pool.query({ ...FLUSH, values: [ids, times] });
      this.stats.lastUsedFlushes++;
      this.stats.lastUsedRowsWritten += rowCount ?? 0;
    } catch (error) {
      this.log(`could not write last_used_at of ${ids.length} key(s), retrying with the next flush: ${(error as Error).message}`);
      for (const [id, at] of batch) if (!((this.pending.get(id) ?? 0) > at)) this.pending.set(id, at);
    }
  }
}
