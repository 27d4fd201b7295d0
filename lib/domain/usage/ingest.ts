// Usage ingestion: the gateway posts batches of up to 1000 events (POST /api/v1/usage). Each batch costs two
// statements whatever its size: one that resolves the tenants, keys and routing rules it names, and one that
// prices and inserts the events and adds the inserted ones to the rollups.
//
// Idempotent on (tenant, requestId): events go in with ON CONFLICT DO NOTHING, and the rollups are updated from
// the rows that INSERT … RETURNING hands back, i.e. only from events stored now, in the same statement (so the
// same transaction). A resent batch, or two overlapping batches at once, therefore count each event once: the
// second insert of a request id waits for the first transaction and then skips the row.
//
// Cost, in exact numeric arithmetic: (input_tokens × input_cost_per_1k + output_tokens × output_cost_per_1k) /
// 1000 at the model_prices row in force on the event's UTC date (the latest effective_date not after it). Errors
// (status ≥ 400) are billed like successes: the tokens the gateway reports are the tokens the provider charged
// for (a refused or rate-limited request reports none, so it costs nothing). An unknown provider/model is stored
// with cost NULL and listed in `unpriced`.
import type { PrismaClient } from "@/lib/db/prisma";
import { MAX_AGE_DAYS, MAX_FUTURE_MS, usageBatch, usageEvent, type UsageEventInput } from "./schemas";
import { rollupUpsertCtes } from "./rollups";

/** What ingestion runs on: a Prisma client (or transaction), or a node-postgres pool or client (the gateway's). */
export type UsageDb =
  | Pick<PrismaClient, "$queryRawUnsafe">
  | { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

async function select<T>(db: UsageDb, sql: string, values: unknown[]): Promise<T[]> {
  if ("$queryRawUnsafe" in db) return db.$queryRawUnsafe<T[]>(sql, ...values);
  return (await db.query(sql, values)).rows as T[];
}

export interface IngestResult {
  /** events stored now */
  accepted: number;
  /** valid events already stored (an earlier batch, or earlier in this one): nothing changed for them */
  duplicates: number;
  rejected: { index: number; requestId?: string; field?: string; reason: string }[];
  /** stored events with no price on file: cost unknown (NULL) */
  unpriced: { index: number; requestId: string; model: string }[];
}

/** A body that is not a batch at all, or too big: nothing is stored. The endpoint answers 400 with `reason`. */
export class InvalidUsageBatch extends Error {
  readonly status = 400;
  constructor(readonly reason: string) {
    super(reason);
    this.name = "InvalidUsageBatch";
  }
}

const DAY_MS = 86_400_000;

interface Valid {
  index: number;
  event: UsageEventInput;
}

interface Resolved extends Valid {
  tenantId: string;
}

/** Stores a batch of usage events; see the top of this file. Throws InvalidUsageBatch for a malformed body. */
export async function ingestUsage(db: UsageDb, batch: unknown, { now = new Date() }: { now?: Date } = {}): Promise<IngestResult> {
  const shape = usageBatch.safeParse(batch);
  if (!shape.success) throw new InvalidUsageBatch(shape.error.issues[0].message);

  const rejected: IngestResult["rejected"] = [];
  const reject: Reject = (index, requestId, field, reason) => {
    rejected.push({ index, ...(typeof requestId === "string" ? { requestId } : {}), ...(field ? { field } : {}), reason });
  };

  const valid: Valid[] = [];
  shape.data.events.forEach((raw, index) => {
    const requestId = (raw as { requestId?: unknown } | null)?.requestId;
    const parsed = usageEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join(".") || undefined;
      return reject(index, requestId, field, issue.message);
    }
    const event = parsed.data;
    if (event.occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
      return reject(index, requestId, "occurredAt", "occurredAt is more than 5 minutes in the future.");
    }
    if (event.occurredAt.getTime() < now.getTime() - MAX_AGE_DAYS * DAY_MS) {
      return reject(index, requestId, "occurredAt", `occurredAt is more than ${MAX_AGE_DAYS} days ago.`);
    }
    valid.push({ index, event });
  });

  const resolved = await resolveTenants(db, valid, reject);
  const { inserted, unpriced } = resolved.length ? await store(db, resolved) : { inserted: 0, unpriced: [] };

  // RETURNING names the stored rows by (tenant, request id): map them back to the first event that carried them.
  const firstIndex = new Map<string, number>();
  for (const { tenantId, event, index } of resolved) {
    const key = `${tenantId} ${event.requestId}`;
    if (!firstIndex.has(key)) firstIndex.set(key, index);
  }
  rejected.sort((a, b) => a.index - b.index);
  return {
    accepted: inserted,
    duplicates: resolved.length - inserted,
    rejected,
    unpriced: unpriced
      .map(({ t, r, m }) => ({ index: firstIndex.get(`${t} ${r}`)!, requestId: r, model: m }))
      .sort((a, b) => a.index - b.index),
  };
}

type Reject = (index: number, requestId: unknown, field: string | undefined, reason: string) => void;

/** Finds each event's tenant (directly or through its key) and refuses those the tenant's state rules out. */
async function resolveTenants(db: UsageDb, valid: Valid[], reject: Reject): Promise<Resolved[]> {
  if (!valid.length) return [];
  const ids = (pick: (e: UsageEventInput) => string | null | undefined) => [...new Set(valid.map((v) => pick(v.event)).filter((id): id is string => !!id))];
  const rows = await select<{ kind: "tenant" | "key" | "rule"; id: string; tenant_id: string; status: string | null }>(db,
    `SELECT 'tenant' AS kind, id::text, id::text AS tenant_id, status::text FROM tenants WHERE id = ANY($1::uuid[])
     UNION ALL
     SELECT 'key', k.id::text, k.tenant_id::text, t.status::text FROM api_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.id = ANY($2::uuid[])
     UNION ALL
     SELECT 'rule', id::text, tenant_id::text, NULL FROM routing_rules WHERE id = ANY($3::uuid[])`,
    [ids((e) => e.tenantId), ids((e) => e.apiKeyId), ids((e) => e.routingRuleId)],
  );
  const found = new Map(rows.map((row) => [`${row.kind} ${row.id}`, row]));
  const resolved: Resolved[] = [];
  for (const { index, event } of valid) {
    const refuse = (field: string, reason: string) => reject(index, event.requestId, field, reason);
    const key = event.apiKeyId ? found.get(`key ${event.apiKeyId}`) : undefined;
    const tenant = event.tenantId ? found.get(`tenant ${event.tenantId}`) : key;
    if (event.apiKeyId && !key) refuse("apiKeyId", "Unknown API key.");
    else if (event.tenantId && !tenant) refuse("tenantId", "Unknown tenant.");
    else if (key && tenant && key.tenant_id !== tenant.tenant_id) refuse("apiKeyId", "The API key belongs to another tenant.");
    else if (tenant!.status === "frozen" || tenant!.status === "archived") refuse("tenantId", `tenant ${tenant!.status}`);
    else if (event.routingRuleId && found.get(`rule ${event.routingRuleId}`)?.tenant_id !== tenant!.tenant_id) {
      refuse("routingRuleId", "Not a routing rule of this tenant.");
    } else resolved.push({ index, event, tenantId: tenant!.tenant_id });
  }
  return resolved;
}

const EVENT_COLUMNS = `tenant_id uuid, api_key_id uuid, request_id text, occurred_at timestamptz, provider text, model text,
  requested_model text, routing_rule_id uuid, feature text, team text, complexity complexity, input_tokens int,
  output_tokens int, latency_ms int, status int, idx int`;

// Events are inserted in (tenant, request id) order and rollup rows upserted in key order, so two overlapping
// batches take their locks in the same order and wait for each other instead of deadlocking.
const STORE_SQL = `
WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${EVENT_COLUMNS})),
stored AS (
  INSERT INTO usage_events (tenant_id, api_key_id, request_id, occurred_at, provider, model, requested_model,
    routing_rule_id, feature, team, complexity, input_tokens, output_tokens, cost_usd, latency_ms, status)
  SELECT i.tenant_id, i.api_key_id, i.request_id, i.occurred_at, i.provider, i.model, i.requested_model,
    i.routing_rule_id, i.feature, i.team, i.complexity, i.input_tokens, i.output_tokens,
    (i.input_tokens * p.input_cost_per_1k + i.output_tokens * p.output_cost_per_1k) / 1000,
    i.latency_ms, i.status
  FROM input i
  LEFT JOIN LATERAL (
    SELECT input_cost_per_1k, output_cost_per_1k FROM model_prices mp
    WHERE mp.provider = i.provider AND mp.model = i.model AND mp.effective_date <= (i.occurred_at AT TIME ZONE 'UTC')::date
    ORDER BY mp.effective_date DESC LIMIT 1
  ) p ON true
  ORDER BY i.tenant_id, i.request_id COLLATE "C", i.idx
  ON CONFLICT (tenant_id, request_id) DO NOTHING
  RETURNING *
),
${rollupUpsertCtes("stored")}
SELECT count(*)::int AS inserted,
  coalesce(jsonb_agg(jsonb_build_object('t', tenant_id, 'r', request_id, 'm', model)) FILTER (WHERE cost_usd IS NULL), '[]') AS unpriced
FROM stored`;

async function store(db: UsageDb, events: Resolved[]) {
  const rows = events.map(({ index, tenantId, event: e }) => ({
    tenant_id: tenantId, api_key_id: e.apiKeyId ?? null, request_id: e.requestId, occurred_at: e.occurredAt.toISOString(),
    provider: e.provider, model: e.model, requested_model: e.requestedModel, routing_rule_id: e.routingRuleId,
    feature: e.feature, team: e.team, complexity: e.complexity, input_tokens: e.inputTokens, output_tokens: e.outputTokens,
    latency_ms: e.latencyMs, status: e.status, idx: index,
  }));
  const [result] = await select<{ inserted: number; unpriced: { t: string; r: string; m: string }[] }>(db, STORE_SQL, [JSON.stringify(rows)]);
  return result;
}
