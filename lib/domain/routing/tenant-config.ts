// What routing reads: a tenant's rules, its configured providers, its recent token mix, and the prices in force.
// One SQL text per read, over any client: the gateway hands in its pg pool (`pgQuery`), the console and the
// what-if a Prisma client or transaction (`prismaQuery`), so the gateway's answer, the console's validation and
// the what-if read the same rows the same way. Lean like the engine: no zod, no Prisma at run time.
import { EVEN_MIX, type Candidate, type Complexity, type Price, type ProviderSet, type RuleSpec, type Strategy, type TokenMix } from "./engine";

/** Runs one parameterized statement ($1, $2…) and answers its rows. */
export type Query = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

export const pgQuery = (pool: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }): Query =>
  async <Row>(sql: string, params: readonly unknown[]) => (await pool.query(sql, [...params])).rows as Row[];

export const prismaQuery = (db: { $queryRawUnsafe: (sql: string, ...params: unknown[]) => Promise<unknown> }): Query =>
  async <Row>(sql: string, params: readonly unknown[]) => (await db.$queryRawUnsafe(sql, ...params)) as Row[];

/**
 * The tenant's rules in priority order (disabled ones too: the engine skips them). The database spells a strategy
 * as the enum's SQL value (`quality-first`); the engine as Prisma does (`quality_first`).
 */
export async function rulesOf(query: Query, tenantId: string): Promise<RuleSpec[]> {
  const rows = await query<{
    id: string; name: string; enabled: boolean; match_model: string | null; match_feature: string | null; match_team: string | null;
    match_complexity: Complexity | null; strategy: Strategy; target_provider: string | null; target_model: string | null; fallback_models: string[];
  }>(
    `SELECT id::text, name, enabled, match_model, match_feature, match_team, match_complexity::text AS match_complexity, replace(strategy::text, '-', '_') AS strategy,
       target_provider, target_model, fallback_models FROM routing_rules WHERE tenant_id = $1::uuid ORDER BY priority, created_at, id`,
    [tenantId],
  );
  return rows.map((row) => ({
    id: row.id, name: row.name, enabled: row.enabled, matchModel: row.match_model, matchFeature: row.match_feature, matchTeam: row.match_team,
    matchComplexity: row.match_complexity, strategy: row.strategy, targetProvider: row.target_provider, targetModel: row.target_model,
    fallbackModels: row.fallback_models,
  }));
}

/** The providers a tenant has a key for: which one is the default. */
export async function configuredProvidersOf(query: Query, tenantId: string): Promise<{ provider: string; isDefault: boolean }[]> {
  const rows = await query<{ provider: string; is_default: boolean }>(
    `SELECT provider, is_default FROM provider_configs WHERE tenant_id = $1::uuid ORDER BY provider`, [tenantId],
  );
  return rows.map((row) => ({ provider: row.provider, isDefault: row.is_default }));
}

/** The prices in force at a moment (the latest effective date not after its day), by provider and model. */
export interface PriceBook {
  priceOf(candidate: Candidate): Price | null;
  /** the providers with a price in force for `model` */
  providersOf(model: string): readonly string[];
}

export async function priceBookAt(query: Query, at: Date): Promise<PriceBook> {
  const rows = await query<{ provider: string; model: string; input: string; output: string }>(
    `SELECT DISTINCT ON (provider, model) provider, model, input_cost_per_1k::text AS input, output_cost_per_1k::text AS output
       FROM model_prices WHERE effective_date <= $1::date ORDER BY provider, model, effective_date DESC`,
    [at.toISOString().slice(0, 10)],
  );
  const prices = new Map<string, Price>();
  const providers = new Map<string, string[]>();
  for (const row of rows) {
    prices.set(`${row.provider}/${row.model}`, { inputPer1k: row.input, outputPer1k: row.output });
    const serving = providers.get(row.model) ?? [];
    serving.push(row.provider);
    providers.set(row.model, serving);
  }
  return {
    priceOf: ({ provider, model }) => prices.get(`${provider}/${model}`) ?? null,
    providersOf: (model) => providers.get(model) ?? [],
  };
}

export function providerSetOf(configured: readonly { provider: string; isDefault: boolean }[], prices: PriceBook): ProviderSet {
  return {
    configured: new Set(configured.map(({ provider }) => provider)),
    defaultProvider: configured.find(({ isDefault }) => isDefault)?.provider ?? null,
    pricedProvidersOf: prices.providersOf,
  };
}

export const TOKEN_MIX_DAYS = 30;

/** The tenant's input and output tokens over the last TOKEN_MIX_DAYS days (EVEN_MIX without any). */
export async function tokenMixOf(query: Query, tenantId: string, now: Date): Promise<TokenMix> {
  const since = new Date(now.getTime() - (TOKEN_MIX_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const [row] = await query<{ input: string; output: string }>(
    `SELECT coalesce(sum(input_tokens), 0)::text AS input, coalesce(sum(output_tokens), 0)::text AS output
       FROM usage_daily WHERE tenant_id = $1::uuid AND day >= $2::date`,
    [tenantId, since],
  );
  const mix = { input: BigInt(row?.input ?? "0"), output: BigInt(row?.output ?? "0") };
  return mix.input === 0n && mix.output === 0n ? EVEN_MIX : mix;
}
