// The audit log's integrity on real PostgreSQL: append-only in the database, hash-chained per tenant and for
// the platform, verifiable, and trimmed only by the retention job.
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAudit, type AuditEvent } from "../../lib/db/mutation";
import { SYSTEM_ACTOR, type Actor } from "../../lib/auth/principal";
import { chainOf, listChains, verifyAuditIntegrity, verifyChain } from "../../lib/domain/audit/integrity";
import { applyAuditRetention } from "../../lib/domain/audit/retention";
import { listMigrations, MIGRATIONS_DIR, Migrator } from "../../lib/db/migrator";
import { dropDatabase, withClient } from "../../lib/db/embedded";
import { scratchDatabase, testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";
import { DAY_MS } from "../support/time";

const db = testPrisma();
afterAll(() => db.$disconnect());

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** Writes one event the way services do: writeAudit inside a transaction. Returns its id. */
async function audit(actor: Actor, event: AuditEvent): Promise<bigint> {
  await db.$transaction((tx) => writeAudit(tx, actor, event), { maxWait: 60_000, timeout: 60_000 });
  const [row] = await db.auditLog.findMany({ where: { actorId: actor.id, action: event.event }, orderBy: { id: "desc" }, take: 1 });
  return row.id;
}

const refused = (promise: Promise<unknown>, what: "changed" | "deleted" | "truncated") =>
  expect(promise).rejects.toThrow(`audit_log is append-only: ${what === "truncated" ? "it cannot be truncated" : `event`}`);

async function chainOfFive() {
  const tenant = await tenantFor(db);
  const owner = await actorFor(db, { roles: { [tenant.id]: "owner" } });
  const ids: bigint[] = [];
  for (let i = 0; i < 5; i++) ids.push(await audit(owner, { event: "project.renamed", tenantId: tenant.id, targetName: `p${i}`, before: { name: `p${i}` }, after: { name: `p${i + 1}` } }));
  return { tenant, owner, chain: chainOf(tenant.id), ids };
}

/** Runs `sql` on audit_log with its append-only trigger off, as someone with the table's ownership could. */
const tamper = (sql: string, id: bigint) => db.$transaction([
  db.$executeRawUnsafe("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"),
  db.$executeRawUnsafe(sql, id),
  db.$executeRawUnsafe("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"),
]);

describe("the database keeps the audit log append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in raw SQL, clearing a tenant by hand included", async () => {
    const tenant = await tenantFor(db);
    const actor = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const id = await audit(actor, { event: "project.created", tenantId: tenant.id, targetName: "Main", after: { name: "Main", slug: "main", status: "active" } });
    const before = await db.auditLog.findUniqueOrThrow({ where: { id } });

    await refused(db.$executeRawUnsafe("UPDATE audit_log SET metadata = '{\"forged\": true}' WHERE id = $1", id), "changed");
    await refused(db.$executeRawUnsafe("UPDATE audit_log SET tenant_id = NULL WHERE id = $1", id), "changed");
    await refused(db.$executeRawUnsafe("DELETE FROM audit_log WHERE id = $1", id), "deleted");
    await refused(db.$executeRawUnsafe("TRUNCATE audit_log"), "truncated");
    // the retention switch does not open the door to an event younger than the retention
    await refused(db.$transaction([
      db.$executeRawUnsafe("SELECT set_config('gatehouse.audit_retention', 'on', true)"),
      db.$executeRawUnsafe("DELETE FROM audit_log WHERE id = $1", id),
    ]), "deleted");

    expect(await db.auditLog.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("still clears tenant_id and project_id when the tenant is deleted, and the chain still verifies", async () => {
    const tenant = await tenantFor(db);
    const project = await db.tenantProject.create({ data: { tenantId: tenant.id, name: "Main", slug: "main" } });
    const actor = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    await audit(actor, { event: "project.created", tenantId: tenant.id, projectId: project.id, targetId: project.id, after: { name: "Main", slug: "main", status: "active" } });
    await audit(actor, { event: "project.renamed", tenantId: tenant.id, projectId: project.id, targetId: project.id, before: { name: "Main" }, after: { name: "Core" } });
    const chain = chainOf(tenant.id);
    const before = await db.auditLog.findMany({ where: { chain }, orderBy: { seq: "asc" } });

    await db.tenant.delete({ where: { id: tenant.id } });

    const after = await db.auditLog.findMany({ where: { chain }, orderBy: { seq: "asc" } });
    expect(after).toEqual(before.map((row) => ({ ...row, tenantId: null, projectId: null })));
    expect(await verifyChain(chain)).toEqual({ intact: true, checked: 2 });
  });
});

describe("the hash chain", () => {
  it("verifies after 1,000 events written concurrently into three tenants and the platform", async () => {
    const tenants = await Promise.all([tenantFor(db), tenantFor(db), tenantFor(db)]);
    const actor = await actorFor(db, { roles: Object.fromEntries(tenants.map((t) => [t.id, "owner" as const])) });
    const service: Actor = { ...SYSTEM_ACTOR, type: "service", id: "svc-gateway", name: "gateway" };
    const chains = [...tenants.map((t) => t.id), null];
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => {
      const tenantId = chains[i % chains.length];
      const who = i % 3 === 0 ? service : i % 3 === 1 ? actor : SYSTEM_ACTOR;
      return db.$transaction(
        (tx) => writeAudit(tx, who, {
          tenantId, targetId: `key-${i}`, targetName: `key ${i}`, isFailure: i % 7 === 0,
          ...(i % 2
            ? { event: "project.renamed", before: { name: `${i - 1}` }, after: { name: `${i} ünïcödé "quoted"\n` } }
            : { event: "membership.role_changed", before: { role: `${i - 1}` }, after: { role: `${i} ünïcödé "quoted"\n` } }),
        }),
        { maxWait: 60_000, timeout: 60_000 },
      );
    }));

    for (const tenant of tenants) {
      const chain = chainOf(tenant.id);
      expect(await verifyChain(chain, { batchSize: 37 })).toEqual({ intact: true, checked: 250 });
      const seqs = (await db.auditLog.findMany({ where: { chain }, select: { seq: true }, orderBy: { seq: "asc" } })).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    }
    // the platform chain is shared with every other test: it verifies whole
    const platform = await verifyChain(chainOf(null));
    expect(platform.intact).toBe(true);
    expect(platform.checked).toBeGreaterThanOrEqual(250);
    expect(await listChains()).toEqual(expect.arrayContaining([...tenants.map((t) => chainOf(t.id)), "platform"]));
  });

  it("detects an event whose metadata was altered, at that event", async () => {
    const { chain, ids } = await chainOfFive();
    expect(await verifyChain(chain)).toEqual({ intact: true, checked: 5 });
    await tamper(`UPDATE audit_log SET metadata = jsonb_set(metadata, '{after,name}', '"forged"') WHERE id = $1`, ids[2]);
    const result = await verifyChain(chain);
    const row = await db.auditLog.findUniqueOrThrow({ where: { id: ids[2] } });
    expect(result).toEqual({ intact: false, checked: 2, brokenAt: { id: String(ids[2]), createdAt: row.createdAt, reason: "hash mismatch" } });
  });

  it("hashes a staff actor's staff role, which the insert recorded: clearing it is detected", async () => {
    const tenant = await tenantFor(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    const id = await audit(admin, { event: "project.created", tenantId: tenant.id, targetName: "Main", after: { name: "Main", slug: "main", status: "active" } });
    const chain = chainOf(tenant.id);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({ actorStaffRole: "admin" });
    expect(await verifyChain(chain)).toEqual({ intact: true, checked: 1 });
    await tamper("UPDATE audit_log SET actor_staff_role = NULL WHERE id = $1", id);
    expect(await verifyChain(chain)).toMatchObject({ intact: false, checked: 0, brokenAt: { id: String(id), reason: "hash mismatch" } });
  });

  it("keeps verifying the events written before their actors' staff roles were recorded, across that migration and back", async () => {
    const RECORDING = "audit_actor_staff_role";
    const before = mkdtempSync(join(tmpdir(), "migrations-"));
    // the migrations before it; it and every later one are applied, and reverted, together
    const fromRecording = listMigrations().filter((m, i, all) => i >= all.findIndex((r) => r.name.endsWith(RECORDING))).map((m) => m.name);
    for (const m of listMigrations().filter((m) => !fromRecording.includes(m.name))) cpSync(join(MIGRATIONS_DIR, m.name), join(before, m.name), { recursive: true });
    const url = await scratchDatabase();
    try {
      await new Migrator(url, before).up();
      const allHashesHold = () => withClient(url, async (client) => {
        await client.query(`INSERT INTO users (id, name, staff_role) VALUES ('00000000-0000-4000-8000-000000000001', 'Ada', 'admin') ON CONFLICT DO NOTHING`);
        await client.query(`INSERT INTO audit_log (actor_type, actor_id, actor_name, action, source_ip) VALUES
          ('user', '00000000-0000-4000-8000-000000000001', 'Ada', 'price.created', '192.0.2.5'), ('system', NULL, 'system', 'audit.retention_applied', NULL)`);
        const { rows } = await client.query<{ holds: boolean; events: number }>(
          "SELECT bool_and(hash = audit_log_hash(prev_hash, a)) AS holds, count(*)::int AS events FROM audit_log a");
        return rows[0];
      });
      expect(await allHashesHold()).toEqual({ holds: true, events: 2 });
      expect(await new Migrator(url).up()).toEqual(fromRecording);
      expect(await allHashesHold()).toEqual({ holds: true, events: 4 });
      const roles = await withClient(url, async (client) => (await client.query("SELECT actor_staff_role AS role FROM audit_log ORDER BY id")).rows);
      expect(roles.map((r) => r.role)).toEqual([null, null, "admin", null]);
      await new Migrator(url).down(fromRecording.length);
      const { rows } = await withClient(url, (client) => client.query("SELECT (hash = audit_log_hash(prev_hash, a)) AS holds FROM audit_log a ORDER BY id"));
      // after going back, the events from before verify; the staff one written meanwhile was hashed with its role
      expect(rows.map((r) => r.holds)).toEqual([true, true, false, true]);
    } finally {
      await dropDatabase(url);
    }
  });

  it("detects an event removed from the middle, at the next one", async () => {
    const { chain, ids } = await chainOfFive();
    await tamper("DELETE FROM audit_log WHERE id = $1", ids[1]);
    expect(await verifyChain(chain)).toMatchObject({ intact: false, checked: 1, brokenAt: { id: String(ids[2]), reason: "prev_hash mismatch" } });
  });

  it("detects an altered hash, at the next event", async () => {
    const { chain, ids } = await chainOfFive();
    await tamper(`UPDATE audit_log SET hash = sha256('forged') WHERE id = $1`, ids[3]);
    // the altered event no longer matches its content; had its hash been recomputed, the next link would break
    expect(await verifyChain(chain)).toMatchObject({ intact: false, checked: 3, brokenAt: { id: String(ids[3]), reason: "hash mismatch" } });
  });
});

describe("verifying from the console (verifyAuditIntegrity)", () => {
  it("is for staff only: the tenant's own owner and viewer are refused", async () => {
    const { tenant, owner } = await chainOfFive();
    const viewer = await actorFor(db, { roles: { [tenant.id]: "viewer" } });
    for (const who of [owner, viewer]) {
      expect(await verifyAuditIntegrity(who, { tenantId: tenant.id })).toEqual({ ok: false, kind: "forbidden", message: "You do not have permission to do that." });
    }
  });

  it("gives staff a tenant's chain intact with the events it checked, or the platform's with an empty tenant", async () => {
    const { tenant, chain } = await chainOfFive();
    const support = await actorFor(db, { staffRole: "support" });
    expect(await verifyAuditIntegrity(support, { tenantId: tenant.id })).toEqual({ ok: true, data: { chain, intact: true, checked: 5 } });
    expect(await verifyAuditIntegrity(support, { tenantId: "" })).toMatchObject({ ok: true, data: { chain: "platform", intact: true } });
    expect(await verifyAuditIntegrity(support, { tenantId: "acme" })).toMatchObject({ ok: false, kind: "validation", fieldErrors: { tenantId: ["That is not a tenant id."] } });
  });

  it("reports a broken link at the event whose link was altered", async () => {
    const { tenant, chain, ids } = await chainOfFive();
    await tamper(`UPDATE audit_log SET prev_hash = sha256('forged') WHERE id = $1`, ids[3]);
    const row = await db.auditLog.findUniqueOrThrow({ where: { id: ids[3] } });
    expect(await verifyAuditIntegrity(await actorFor(db, { staffRole: "admin" }), { tenantId: tenant.id })).toEqual({
      ok: true, data: { chain, intact: false, checked: 3, brokenAt: { id: String(ids[3]), createdAt: row.createdAt, reason: "prev_hash mismatch" } },
    });
  });
});

describe("the retention job", () => {
  it("removes only events older than their tenant's retention, records that it ran, and leaves chains that verify", async () => {
    const short = await tenantFor(db, { auditRetentionDays: 30 });
    const usual = await tenantFor(db);
    const late = await tenantFor(db);
    const actor = await actorFor(db);
    // written oldest first, as events are; `late` has an old event after a recent one
    const write = (tenantId: string, days: number) =>
      db.auditLog.create({ data: { tenantId, actorType: "user", actorId: actor.id, action: "tenant.details_updated", targetName: `${days} days`, createdAt: daysAgo(days) } });
    for (const days of [60, 45, 29, 0]) await write(short.id, days);
    for (const days of [500, 401, 399, 0]) await write(usual.id, days);
    for (const days of [0, 500]) await write(late.id, days);

    const result = await applyAuditRetention();

    const left = async (tenantId: string) =>
      (await db.auditLog.findMany({ where: { chain: chainOf(tenantId) }, orderBy: { seq: "asc" } })).map((r) => r.targetName);
    expect(await left(short.id)).toEqual(["29 days", "0 days"]);
    expect(await left(usual.id)).toEqual(["399 days", "0 days"]);
    // an old event after a recent one stays until the recent one goes: the chain is only ever cut at its start
    expect(await left(late.id)).toEqual(["0 days", "500 days"]);
    expect(result.chains).toEqual(expect.arrayContaining([
      { chain: chainOf(short.id), deleted: 2, keptFromSeq: 3 },
      { chain: chainOf(usual.id), deleted: 2, keptFromSeq: 3 },
    ]));
    expect(result.chains.find((c) => c.chain === chainOf(late.id))).toBeUndefined();

    const [ran] = await db.auditLog.findMany({ where: { action: "audit_log.retention_applied" }, orderBy: { id: "desc" }, take: 1 });
    expect(ran).toMatchObject({ actorType: "system", actorName: "system", tenantId: null, chain: "platform", isFailure: false });
    expect(ran.metadata).toMatchObject({ deleted: result.deleted, chains: expect.arrayContaining([{ chain: chainOf(short.id), deleted: 2, keptFromSeq: 3 }]) });

    for (const tenant of [short, usual, late]) expect(await verifyChain(chainOf(tenant.id))).toMatchObject({ intact: true });
    expect(await verifyChain("platform")).toMatchObject({ intact: true });
  });
});
