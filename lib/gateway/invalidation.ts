// LISTENs on the configuration events channel with a dedicated connection (a pooled one would lose the LISTEN
// when handed back) and hands each NOTIFY to the caches as an eviction. Notifications sent while the connection is
// down are lost for good, so losing it switches caching off, and every (re)connection starts from an empty cache.
import pg from "pg";
import { CONFIG_EVENTS_CHANNEL, parseConfigEvent, type ConfigEvent } from "@/lib/db/config-events";

export interface ConfigEventHandlers {
  /** a cached thing changed */
  event: (event: ConfigEvent) => void;
  /** a payload that is no event came (and was logged): drop everything it could have named */
  unreadable: () => void;
  /** LISTEN is in place: start caching from empty */
  connected: () => void;
  /** the connection is gone: stop caching and drop what is cached */
  disconnected: () => void;
}

/** how the listening connection shows in pg_stat_activity */
export const LISTENER_APPLICATION_NAME = "gatehouse gateway config events";

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;
// A connection that died without a FIN (a dropped network path) is noticed by a ping that gets no answer.
const PING_EVERY_MS = 10_000;
const PING_TIMEOUT_MS = 5_000;

export class ConfigEventListener {
  private client: pg.Client | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly handlers: ConfigEventHandlers,
    private readonly log: (line: string) => void,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects once; resolves whether or not that worked (a failure keeps retrying in the background). */
  start(): Promise<void> {
    return this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    client.on("error", (error) => this.lost(client, error.message));
    client.on("end", () => this.lost(client, "the connection ended"));
    client.on("notification", (message) => {
      if (message.channel === CONFIG_EVENTS_CHANNEL) this.received(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CONFIG_EVENTS_CHANNEL}`);
    } catch (error) {
      void client.end().catch(() => {});
      this.log(`cannot listen for configuration changes (${(error as Error).message}); retrying in ${this.retryMs} ms`);
      this.retry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.handlers.connected();
    this.pingTimer = setInterval(() => this.ping(client), PING_EVERY_MS);
    this.pingTimer.unref();
  }

  // Only the console's services NOTIFY this channel, so a payload that is no event is a bug, a hand-made NOTIFY
  // or a console of a newer build sending a kind this one does not know. It may have meant a revocation, so
  // what it could have named is dropped: everything (the cache refills from the database); the listening goes on.
  private received(payload: string | undefined): void {
    const event = parseConfigEvent(payload);
    if (event !== null) return this.handlers.event(event);
    this.log(`dropped the cache on a configuration event that is not one: ${JSON.stringify(payload?.slice(0, 200))}`);
    this.handlers.unreadable();
  }

  private ping(client: pg.Client): void {
    const timeout = setTimeout(() => this.lost(client, "no answer to a ping"), PING_TIMEOUT_MS);
    client.query("SELECT 1").then(
      () => clearTimeout(timeout),
      (error: Error) => {
        clearTimeout(timeout);
        this.lost(client, error.message);
      },
    );
  }

  private lost(client: pg.Client, why: string): void {
    if (client !== this.client) return; // an old connection's late news
    this.client = null;
    clearInterval(this.pingTimer);
    void client.end().catch(() => {});
    this.handlers.disconnected();
    if (this.closed) return;
    this.log(`lost the configuration events connection (${why}); caching is off until it is back`);
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
