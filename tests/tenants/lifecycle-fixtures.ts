// A tenant with a row in every table archiving empties, and the counts that show what is left of it.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/db/prisma";
import { actorFor, tenantFor } from "../support/actors";
import { keyRowFor } from "../support/keys";

const token = () => randomBytes(8).toString("hex");

/** A tenant (as `tenantFor` takes it) with keys, providers, flags, rules, usage, webhooks, invitations and more. */
export async function tenantWithData(db: PrismaClient, data: Parameters<typeof tenantFor>[1] = {}) {
  const tenant = await tenantFor(db, data);
  const tenantId = tenant.id;
  const owner = await actorFor(db, { roles: { [tenantId]: "owner" } });
  const project = await db.tenantProject.create({ data: { tenantId, name: "Main", slug: "main" } });
  const key = await keyRowFor(db, tenantId, { projectId: project.id, name: "prod" });
  await db.providerConfig.create({ data: { tenantId, provider: "openai", encryptedApiKey: Buffer.from("sealed"), keyLast4: "abcd" } });
  await db.featureFlag.create({ data: { tenantId, key: "beta.chat", enabled: true } });
  const rule = await db.routingRule.create({ data: { tenantId, name: "cheap first", strategy: "cheapest" } });
  const at = new Date("2026-11-01T10:00:00Z");
  await db.usageEvent.create({
    data: { tenantId, apiKeyId: key.id, routingRuleId: rule.id, requestId: token(), occurredAt: at, provider: "openai", model: "gpt-4o", latencyMs: 120, status: 200 },
  });
  await db.usageHourly.create({ data: { tenantId, hour: at, apiKeyId: key.id, provider: "openai", model: "gpt-4o", requests: 1n } });
  await db.usageDaily.create({ data: { tenantId, day: new Date("2026-11-01"), apiKeyId: key.id, provider: "openai", model: "gpt-4o", requests: 1n } });
  await db.usageRoutingDaily.create({ data: { tenantId, day: new Date("2026-11-01"), requestedModel: "gpt-4o", requests: 1n } });
  const webhook = await db.webhook.create({ data: { tenantId, name: "ops", url: "https://hooks.example.test/x", encryptedSecret: Buffer.from("sealed") } });
  await db.webhookDelivery.create({ data: { webhookId: webhook.id, event: "key.created", payload: {} } });
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  await db.invitation.create({ data: { tenantId, email: `new-${token()}@example.test`, tokenHash: token(), expiresAt } });
  await db.invitation.create({ data: { tenantId, email: `old-${token()}@example.test`, tokenHash: token(), expiresAt, acceptedAt: new Date() } });
  await db.tenantProduct.create({ data: { tenantId, product: "gateway" } });
  await db.tenantIdpConfig.create({ data: { tenantId, type: "oidc", metadata: { discoveryUrl: "https://idp.example.test" } } });
  await db.auditLog.create({ data: { tenantId, actorType: "user", actorId: owner.id, action: "api_key.created", targetId: key.id } });
  return { tenant, owner, webhookId: webhook.id };
}

/** How many rows of each kind `tenantId` has (webhook deliveries through `webhookId`); the audit log apart. */
export async function dataCounts(db: PrismaClient, tenantId: string, webhookId: string) {
  const where = { tenantId };
  return {
    apiKeys: await db.apiKey.count({ where }),
    providerConfigs: await db.providerConfig.count({ where }),
    featureFlags: await db.featureFlag.count({ where }),
    routingRules: await db.routingRule.count({ where }),
    usageEvents: await db.usageEvent.count({ where }),
    usageHourly: await db.usageHourly.count({ where }),
    usageDaily: await db.usageDaily.count({ where }),
    usageRoutingDaily: await db.usageRoutingDaily.count({ where }),
    webhooks: await db.webhook.count({ where }),
    webhookDeliveries: await db.webhookDelivery.count({ where: { webhookId } }),
    pendingInvitations: await db.invitation.count({ where: { tenantId, acceptedAt: null, revokedAt: null } }),
    acceptedInvitations: await db.invitation.count({ where: { tenantId, acceptedAt: { not: null } } }),
    products: await db.tenantProduct.count({ where }),
    idpConfigs: await db.tenantIdpConfig.count({ where }),
    projects: await db.tenantProject.count({ where }),
    memberships: await db.membership.count({ where }),
  };
}

/** The counts of a tenant `tenantWithData` made, before anything removes its data. */
export const FULL = {
  apiKeys: 1, providerConfigs: 1, featureFlags: 1, routingRules: 1, usageEvents: 1, usageHourly: 1, usageDaily: 1, usageRoutingDaily: 1,
  webhooks: 1, webhookDeliveries: 1, pendingInvitations: 1, acceptedInvitations: 1, products: 1, idpConfigs: 1, projects: 1,
  memberships: 1,
};

/** What archiving leaves (besides the tenant row and its audit log): memberships and the accepted invitation. */
export const ARCHIVED = {
  apiKeys: 0, providerConfigs: 0, featureFlags: 0, routingRules: 0, usageEvents: 0, usageHourly: 0, usageDaily: 0, usageRoutingDaily: 0,
  webhooks: 0, webhookDeliveries: 0, pendingInvitations: 0, acceptedInvitations: 1, products: 0, idpConfigs: 0, projects: 0,
  memberships: 1,
};
