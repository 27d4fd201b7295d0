// Demo data: `npm run db -- seed [--events N]`. Idempotent: every section creates only what is missing, so a
// second run changes nothing. Usage is generated in SQL (generate_series), fast enough for millions of rows.
import { hash } from "@node-rs/argon2";
import { randomBytes, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createPrismaClient, type PrismaClient } from "../lib/db/prisma";
import type { Prisma } from "../lib/db/generated/client";
import { seal } from "../lib/crypto/secret-box";
import { REBUILD_ROLLUPS_SQL } from "../lib/domain/usage/rollups";
import { generateKey } from "../lib/domain/keys/format";
import { parseSamlMetadata } from "../lib/domain/idp/saml";
import type { AuditEventName } from "../lib/domain/audit/events";
import type { OidcMetadata } from "../lib/domain/idp/queries";
import {
  DEMO_FEATURES, DEMO_INVITATION, DEMO_MODELS, DEMO_PEOPLE, DEMO_TEAMS, DEMO_TENANTS, type DemoTenant,
} from "./demo-data";

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

export interface SeedOptions {
  /** usage events to generate across the demo tenants' last 90 days */
  events?: number;
  log?: (line: string) => void;
}

export async function seedDemoData(url: string, { events = 500_000, log = () => {} }: SeedOptions = {}) {
  const db = createPrismaClient(url);
  try {
    const people = await seedPeople(db);
    log(`seed: ${people.size} people`);
    const tenants = await seedTenants(db, people);
    log(`seed: ${tenants.size} tenants with projects, products, identity providers and members`);
    await seedGatewayConfig(db, tenants, people);
    log("seed: api keys, providers, routing rules, flags and webhooks");
    await seedPriceChange(db);
    const inserted = await seedUsage(db, tenants, events, log);
    log(inserted ? `seed: ${inserted} usage events added, rollups built` : "seed: usage already present");
    const audited = await seedAuditHistory(db, tenants, people);
    log(`seed: ${audited} audit events added`);
  } finally {
    await db.$disconnect();
  }
}

async function seedPeople(db: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const data = {
      githubLogin: person.login, name: person.name, email: person.email,
      staffRole: person.staffRole ?? null, image: null, // no picture: a GitHub avatar URL would show a real person
    };
    const user = await db.user.upsert({
      where: { githubId: BigInt(person.githubId) },
      create: { githubId: BigInt(person.githubId), ...data },
      update: {},
    });
    ids.set(person.login, user.id);
  }
  return ids;
}

async function seedTenants(db: PrismaClient, people: Map<string, string>): Promise<Map<string, DemoTenant & { id: string }>> {
  const tenants = new Map<string, DemoTenant & { id: string }>();
  for (const t of DEMO_TENANTS) {
    const tenant = await db.tenant.upsert({
      where: { slug: t.slug },
      update: {},
      create: {
        slug: t.slug, name: t.name, status: t.status, kind: t.kind, plan: t.plan,
        trialEndsAt: t.trialEndsInDays === undefined ? null : daysFromNow(t.trialEndsInDays),
        statusChangedAt: daysFromNow(-t.statusSinceDays),
        erpCustomerId: t.erpCustomerId, stripeCustomerId: t.stripeCustomerId,
        contractStart: t.contract ? new Date(t.contract[0]) : null,
        contractEnd: t.contract ? new Date(t.contract[1]) : null,
        salesOwnerId: t.salesOwner ? people.get(t.salesOwner) : null, statusMessage: t.statusMessage, monthlyBudgetUsd: t.monthlyBudgetUsd,
        createdAt: daysFromNow(-Math.max(t.statusSinceDays, 95)),
      },
    });
    tenants.set(t.slug, { ...t, id: tenant.id });
    for (const [login, role] of t.members) {
      await db.membership.upsert({
        where: { tenantId_userId: { tenantId: tenant.id, userId: people.get(login)! } },
        create: { tenantId: tenant.id, userId: people.get(login)!, role },
        update: {},
      });
    }
    if (t.status === "archived") continue; // archiving removed everything but the tenant row and its audit log
    for (const [slug, name] of [["default", "Default"], ...(t.plan === "enterprise" ? [["assistant", "Assistant"], ["support-bot", "Support bot"]] : [])]) {
      await db.tenantProject.upsert({
        where: { tenantId_slug: { tenantId: tenant.id, slug } },
        create: { tenantId: tenant.id, slug, name }, update: {},
      });
    }
    const products: [string, object, number?][] = [["gateway", { rate_limit_rpm: t.plan === "free" ? 60 : 600 }]];
    if (t.plan !== "free") products.push(["analytics", { retention_days: t.plan === "enterprise" ? 400 : 90 }]);
    if (t.plan === "enterprise") products.push(["guardrails", { pii_redaction: true, blocked_topics: ["medical"] }, 180]);
    for (const [product, config, expiresInDays] of products) {
      await db.tenantProduct.upsert({
        where: { tenantId_product: { tenantId: tenant.id, product } },
        create: { tenantId: tenant.id, product, config, expiresAt: expiresInDays ? daysFromNow(expiresInDays) : null },
        update: {},
      });
    }
  }
  // Stored as the console stores what an owner saves: parsed by the same code from real metadata.
  const saml = parseSamlMetadata(readFileSync(new URL("./demo-saml-metadata.xml", import.meta.url), "utf8"));
  if (!saml.ok) throw new Error(`prisma/demo-saml-metadata.xml: ${saml.error}`);
  await db.tenantIdpConfig.upsert({
    where: { tenantId_type: { tenantId: tenants.get("stark")!.id, type: "saml" } }, update: {},
    create: { tenantId: tenants.get("stark")!.id, type: "saml", verified: true, metadata: saml.metadata },
  });
  const oidc: OidcMetadata = { discoveryUrl: "https://login.wayne.example/.well-known/openid-configuration", clientId: "gatehouse-console" };
  await db.tenantIdpConfig.upsert({
    where: { tenantId_type: { tenantId: tenants.get("wayne")!.id, type: "oidc" } }, update: {},
    create: { tenantId: tenants.get("wayne")!.id, type: "oidc", verified: false, metadata: oidc },
  });
  const invitedTo = tenants.get(DEMO_INVITATION.tenant)!.id;
  const pending = await db.invitation.findFirst({ where: { tenantId: invitedTo, email: DEMO_INVITATION.email, acceptedAt: null, revokedAt: null } });
  if (!pending) {
    await db.invitation.create({
      data: {
        tenantId: invitedTo, email: DEMO_INVITATION.email, role: DEMO_INVITATION.role,
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        invitedById: people.get("olivia-owner"), expiresAt: daysFromNow(7),
      },
    });
  }
  return tenants;
}

async function seedGatewayConfig(db: PrismaClient, tenants: Map<string, DemoTenant & { id: string }>, people: Map<string, string>) {
  const live = [...tenants.values()].filter((t) => t.status !== "archived");
  for (const t of live) {
    const owner = people.get(t.members.find(([, role]) => role === "owner")?.[0] ?? "") ?? null;
    if ((await db.apiKey.count({ where: { tenantId: t.id } })) === 0) {
      const keys: { name: string; scopes: string[]; revokedDaysAgo?: number; expiresInDays?: number }[] = [
        { name: "Production", scopes: ["proxy", "usage:write", "flags:read"] },
        { name: "Staging", scopes: ["proxy"], expiresInDays: 60 },
        { name: "Analytics export", scopes: ["usage:read"] },
        { name: "Old laptop", scopes: ["proxy"], revokedDaysAgo: 30 },
        { name: "Hackathon", scopes: ["proxy"], expiresInDays: -5 },
      ];
      for (const key of keys) {
        // real keys in the real format, whose plaintext nobody keeps: the demo shows them, never reveals them
        const { key: secret, prefix } = generateKey();
        await db.apiKey.create({
          data: {
            tenantId: t.id, name: key.name, scopes: key.scopes, createdById: owner, prefix,
            hash: await hash(secret, { memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
            revokedAt: key.revokedDaysAgo ? daysFromNow(-key.revokedDaysAgo) : null,
            expiresAt: key.expiresInDays === undefined ? null : daysFromNow(key.expiresInDays),
            createdAt: daysFromNow(-90), lastUsedAt: key.revokedDaysAgo ? daysFromNow(-key.revokedDaysAgo) : daysFromNow(-0.01),
          },
        });
      }
    }
    for (const provider of t.plan === "free" ? ["openai"] : ["openai", "anthropic"]) {
      const secret = `sk-demo-${provider}-${randomBytes(16).toString("hex")}`;
      const sealed = seal(secret);
      await db.providerConfig.upsert({
        where: { tenantId_provider: { tenantId: t.id, provider } }, update: {},
        create: {
          tenantId: t.id, provider, encryptedApiKey: sealed.ciphertext, keyVersion: sealed.keyVersion,
          keyLast4: secret.slice(-4), isDefault: provider === "openai", createdById: owner,
        },
      });
    }
    if ((await db.routingRule.count({ where: { tenantId: t.id } })) === 0) {
      await db.routingRule.createMany({
        data: [
          { tenantId: t.id, priority: 0, name: "Cheap summaries", matchFeature: "summarize", strategy: "cheapest", targetModel: "gpt-4o-mini", targetProvider: "openai" },
          { tenantId: t.id, priority: 1, name: "Research gets the best", matchTeam: "research", matchComplexity: "high", strategy: "quality_first", targetModel: "claude-3-opus", targetProvider: "anthropic" },
          { tenantId: t.id, priority: 2, name: "Cascade simple chat", matchModel: "gpt-4o", matchComplexity: "low", strategy: "cascading", fallbackModels: ["gpt-4o-mini", "claude-3-haiku"] },
        ],
      });
    }
    if ((await db.webhook.count({ where: { tenantId: t.id } })) === 0 && t.plan !== "free") {
      const sealed = seal(`whsec_${randomBytes(24).toString("hex")}`);
      const webhook = await db.webhook.create({
        data: {
          tenantId: t.id, name: "Billing sync", url: `https://hooks.${t.slug}.example/gatehouse`,
          events: ["api_key.created", "api_key.revoked", "usage.budget_exceeded"],
          encryptedSecret: sealed.ciphertext, keyVersion: sealed.keyVersion, lastTriggeredAt: daysFromNow(-1),
        },
      });
      await db.webhookDelivery.createMany({
        data: [
          { webhookId: webhook.id, event: "api_key.created", payload: { key: "Production" }, status: "succeeded", attempts: 1, responseStatus: 200, deliveredAt: daysFromNow(-1) },
          { webhookId: webhook.id, event: "api_key.revoked", payload: { key: "Old laptop" }, status: "failed", attempts: 5, responseStatus: 502, lastError: "502 Bad Gateway" },
        ],
      });
    }
  }
  const globalFlags = [
    { key: "streaming", description: "Stream completions to clients", enabled: true, rolloutPct: 100 },
    { key: "semantic-cache", description: "Answer repeated prompts from the semantic cache", enabled: true, rolloutPct: 25 },
    { key: "prompt-compression", description: "Compress long prompts before sending upstream", enabled: false, rolloutPct: 0 },
  ];
  for (const flag of globalFlags) {
    if (!(await db.featureFlag.findFirst({ where: { tenantId: null, key: flag.key } }))) await db.featureFlag.create({ data: flag });
  }
  const acme = tenants.get("acme")!.id;
  await db.featureFlag.upsert({
    where: { tenantId_key: { tenantId: acme, key: "semantic-cache" } }, update: {},
    create: { tenantId: acme, key: "semantic-cache", enabled: true, rolloutPct: 100, metadata: { reason: "enterprise pilot" } },
  });
}

/** One price change inside the demo window, so cost history is visible in the data. */
async function seedPriceChange(db: PrismaClient) {
  const effectiveDate = new Date(new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10));
  const exists = await db.modelPrice.findFirst({ where: { provider: "openai", model: "gpt-4o", effectiveDate: { gt: new Date("2024-06-01") } } });
  if (!exists) {
    await db.modelPrice.create({ data: { provider: "openai", model: "gpt-4o", inputCostPer1k: "0.002500", outputCostPer1k: "0.010000", effectiveDate } });
  }
}

async function seedUsage(db: PrismaClient, tenants: Map<string, DemoTenant & { id: string }>, total: number, log: (line: string) => void) {
  const live = [...tenants.values()].filter((t) => t.traffic > 0);
  const ids = live.map((t) => t.id);
  const [{ count }] = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) FROM usage_events WHERE tenant_id = ANY($1::uuid[])", ids);
  if (count > 0n) return 0;
  const weight = live.reduce((sum, t) => sum + t.traffic, 0);
  let done = 0;
  for (const t of live) {
    const n = Math.round((total * t.traffic) / weight);
    // a frozen tenant's traffic stops when it was frozen
    const end = t.status === "frozen" ? `now() - interval '${t.statusSinceDays} days'` : "now()";
    const keys = await db.apiKey.findMany({ where: { tenantId: t.id, revokedAt: null }, select: { id: true } });
    for (let start = 0; start < n; start += 100_000) {
      const size = Math.min(100_000, n - start);
      await db.$executeRawUnsafe(
        `INSERT INTO usage_events (tenant_id, api_key_id, request_id, occurred_at, provider, model, requested_model,
           feature, team, input_tokens, output_tokens, cost_usd, latency_ms, status)
         SELECT $1::uuid, ($2::uuid[])[1 + (g.i % cardinality($2::uuid[]))], 'seed-' || g.i, g.at, g.provider, g.model,
           g.model, g.feature, g.team, g.tin, g.tout,
           CASE WHEN p.id IS NULL THEN NULL
             ELSE (g.tin * p.input_cost_per_1k + g.tout * p.output_cost_per_1k) / 1000 END,
           g.latency, g.status
         FROM (
           SELECT i,
             ${end} - interval '90 days' * (1 - sqrt(random())) AS at,
             (ARRAY[${DEMO_MODELS.map(([p]) => `'${p}'`).join(",")}])[k] AS provider,
             (ARRAY[${DEMO_MODELS.map(([, m]) => `'${m}'`).join(",")}])[k] AS model,
             (ARRAY[${DEMO_FEATURES.map((f) => `'${f}'`).join(",")}])[1 + floor(random() * ${DEMO_FEATURES.length})::int] AS feature,
             CASE WHEN random() < 0.15 THEN NULL ELSE (ARRAY[${DEMO_TEAMS.map((f) => `'${f}'`).join(",")}])[1 + floor(random() * ${DEMO_TEAMS.length})::int] END AS team,
             (50 + random() * 3000)::int AS tin, (20 + random() * 800)::int AS tout,
             (120 + random() * random() * 4000)::int AS latency,
             CASE WHEN random() < 0.02 THEN 429 WHEN random() < 0.01 THEN 502 ELSE 200 END AS status
           FROM (SELECT i, 1 + floor(power(random(), 1.6) * ${DEMO_MODELS.length})::int
                 FROM generate_series($3::int, $4::int) AS i) AS picked(i, k)
         ) AS g(i, at, provider, model, feature, team, tin, tout, latency, status)
         LEFT JOIN LATERAL (
           SELECT id, input_cost_per_1k, output_cost_per_1k FROM model_prices mp
           WHERE mp.provider = g.provider AND mp.model = g.model AND mp.effective_date <= (g.at AT TIME ZONE 'UTC')::date
           ORDER BY mp.effective_date DESC LIMIT 1
         ) p ON true
         ON CONFLICT (tenant_id, request_id) DO NOTHING`,
        t.id, keys.map((k) => k.id), start + 1, start + size,
      );
      done += size;
      log(`seed: usage ${done}/${total} events`);
    }
  }
  for (const statement of REBUILD_ROLLUPS_SQL) await db.$executeRawUnsafe(statement, ids);
  return done;
}

// The demo's events of the areas built so far take their names from the vocabulary (lib/domain/audit/events.ts);
// those of areas still to come (providers, routing, flags, prices) are named as their events will be.
const listed = (event: AuditEventName) => event;

async function seedAuditHistory(db: PrismaClient, tenants: Map<string, DemoTenant & { id: string }>, people: Map<string, string>) {
  if ((await db.auditLog.count()) > 0) return 0;
  // Events name their actor as the console writes them: by display name.
  const nameOf = new Map(DEMO_PEOPLE.map((person) => [people.get(person.login), person.name]));
  const rows: Prisma.AuditLogCreateManyInput[] = [];
  const staff = (login: string) => ({ actorType: "user" as const, actorId: people.get(login), actorName: nameOf.get(people.get(login)) });
  for (const t of tenants.values()) {
    const created = daysFromNow(-Math.max(t.statusSinceDays, 95));
    rows.push({ ...staff("sam-sales"), tenantId: t.id, action: listed("tenant.created"), targetType: "tenant", targetId: t.id, targetName: t.slug,
      createdAt: created, metadata: { after: { slug: t.slug, plan: t.plan, kind: t.kind } }, sourceIp: "10.0.0.12" });
    if (t.status === "frozen" || t.status === "archived" || t.status === "active") {
      rows.push({ ...(t.status === "archived" ? { actorType: "system" as const, actorName: "lifecycle job" } : staff("sam-sales")),
        tenantId: t.id, action: listed("tenant.status_changed"), targetType: "tenant", targetId: t.id, targetName: t.slug,
        createdAt: daysFromNow(-t.statusSinceDays), description: t.status === "frozen" ? "Invoice 90 days overdue" : undefined,
        metadata: { before: { status: t.status === "active" ? "trial" : "frozen" }, after: { status: t.status } } });
    }
    const keys = await db.apiKey.findMany({ where: { tenantId: t.id } });
    for (const key of keys) {
      const actor = key.createdById ? { actorType: "user" as const, actorId: key.createdById, actorName: nameOf.get(key.createdById) } : staff("ada-admin");
      rows.push({ ...actor, tenantId: t.id, action: listed("api_key.created"), targetType: "api_key", targetId: key.id, targetName: key.name,
        createdAt: key.createdAt, metadata: { after: { name: key.name, scopes: key.scopes, prefix: key.prefix } }, sourceIp: "203.0.113.7" });
      if (key.revokedAt) {
        rows.push({ ...actor, tenantId: t.id, action: listed("api_key.revoked"), targetType: "api_key", targetId: key.id, targetName: key.name,
          createdAt: key.revokedAt, metadata: { before: { revokedAt: null }, after: { revokedAt: key.revokedAt.toISOString() } }, sourceIp: "203.0.113.7" });
      }
    }
    for (const [login, role] of t.members) {
      rows.push({ ...staff(login), tenantId: t.id, action: listed("invitation.accepted"), targetType: "invitation",
        targetName: nameOf.get(people.get(login)), createdAt: new Date(created.getTime() + DAY), metadata: { after: { role } } });
    }
  }
  // Acme's last 85 days: the routine of a busy tenant, with refused attempts of its member and viewer among it.
  const acme = tenants.get("acme")!;
  const inAcme = (login: string, ip: string) => ({ ...staff(login), tenantId: acme.id, sourceIp: ip });
  const routine: ((day: number) => Prisma.AuditLogCreateManyInput)[] = [
    (day) => ({ ...inAcme("olivia-owner", "198.51.100.4"), action: "routing_rule.updated", targetType: "routing_rule", targetName: "Cheap summaries",
      metadata: { before: { priority: 10 + (day % 7) }, after: { priority: 10 + ((day + 3) % 7) } } }),
    () => ({ ...inAcme("max-member", "198.51.100.9"), isFailure: true, action: "provider.updated", targetType: "provider", targetName: "anthropic",
      description: "forbidden: You do not have permission to do that." }),
    (day) => ({ ...inAcme("olivia-owner", "198.51.100.4"), action: "feature_flag.updated", targetType: "feature_flag", targetName: "streaming-v2",
      metadata: { before: { rolloutPct: (day * 5) % 100 }, after: { rolloutPct: (day * 5 + 10) % 100 } } }),
    (day) => ({ ...inAcme("max-member", "198.51.100.9"), action: listed("api_key.created"), targetType: "api_key", targetName: `batch-job-${day}`,
      metadata: { after: { name: `batch-job-${day}`, scopes: ["proxy"] } } }),
    () => ({ ...inAcme("vera-viewer", "192.0.2.33"), isFailure: true, action: listed("api_key.revoked"), targetType: "api_key", targetName: "Production",
      description: "forbidden: You do not have permission to do that." }),
    (day) => ({ ...inAcme("olivia-owner", "198.51.100.4"), action: listed("tenant.budget_changed"), targetType: "tenant", targetId: acme.id, targetName: acme.slug,
      metadata: { before: { monthlyBudgetUsd: `${2000 + (day % 4) * 100}.00`, budgetAlertPct: 80 }, after: { monthlyBudgetUsd: "2500.00", budgetAlertPct: 80 } } }),
    (day) => ({ ...inAcme("max-member", "198.51.100.9"), action: listed("api_key.revoked"), targetType: "api_key", targetName: `batch-job-${day + 9}`,
      metadata: { before: { revokedAt: null }, after: { revokedAt: daysFromNow(-day).toISOString() } } }),
    () => ({ ...inAcme("olivia-owner", "198.51.100.4"), action: "provider.updated", targetType: "provider", targetName: "openai",
      metadata: { before: { keyLast4: "x9Qa" }, after: { keyLast4: "m3Lk" } } }),
  ];
  for (let day = 85, turn = 0; day > 0; day -= 1.5, turn += 1) {
    rows.push({ ...routine[turn % routine.length](Math.round(day)), createdAt: daysFromNow(-day) });
  }
  rows.push({ ...staff("ada-admin"), action: "model_price.created", targetType: "model_price", targetName: "openai/gpt-4o",
    createdAt: daysFromNow(-45), metadata: { after: { inputCostPer1k: "0.002500", outputCostPer1k: "0.010000" } } });
  rows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  const { count } = await db.auditLog.createMany({ data: await keptByRetention(db, rows) });
  return count;
}

/**
 * The events the retention (lib/domain/audit/retention.ts) keeps, with a day to spare: an older one (Stark's
 * creation, 400 days ago) would be removed by the first retention run, right after the seed. Each chain's
 * retention is read from the database's own audit_log_retention_days, which the retention job uses.
 */
async function keptByRetention(db: PrismaClient, rows: Prisma.AuditLogCreateManyInput[]) {
  const retention = await db.$queryRaw<{ tenantId: string | null; days: number }[]>`
    SELECT id::text AS "tenantId", audit_log_retention_days('tenant:' || id) AS "days" FROM tenants
    UNION ALL SELECT NULL, audit_log_retention_days('platform')`;
  const oldestKept = new Map(retention.map(({ tenantId, days }) => [tenantId, daysFromNow(-(days - 1)).getTime()]));
  return rows.filter((row) => (row.createdAt as Date).getTime() >= oldestKept.get(row.tenantId ?? null)!);
}
