// Projects of a tenant (seed 002 sub-tenancy) through their service, on real PostgreSQL.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { archiveProject, createProject, renameProject } from "../../lib/domain/projects/service";
import { listProjects } from "../../lib/domain/projects/queries";
import { suggestProjectSlug, PROJECT_SLUG_RULE } from "../../lib/domain/projects/slug";
import { testPrisma } from "../support/database";
import { actorFor, tenantWithOwner } from "../support/actors";
import { auditOf } from "../support/audit";

const db = testPrisma();
afterAll(() => db.$disconnect());

describe("projects", () => {
  it("creates, renames and archives a project, each with one audit event carrying before and after", async () => {
    const { tenant, owner } = await tenantWithOwner(db);

    const created = await createProject(owner, { tenantId: tenant.id, name: "  Support bot ", slug: "support-bot" });
    if (!created.ok) throw new Error(created.message);
    const projectId = created.data.id;
    expect(await db.tenantProject.findUnique({ where: { id: projectId } })).toMatchObject({ tenantId: tenant.id, name: "Support bot", slug: "support-bot", status: "active" });

    expect(await renameProject(owner, { tenantId: tenant.id, projectId, name: "Helpdesk bot" })).toMatchObject({ ok: true });
    expect(await archiveProject(owner, { tenantId: tenant.id, projectId })).toMatchObject({ ok: true });
    expect(await db.tenantProject.findUnique({ where: { id: projectId } })).toMatchObject({ name: "Helpdesk bot", slug: "support-bot", status: "archived" });

    const events = await auditOf(db, { targetId: projectId });
    expect(events.map((e) => e.action)).toEqual(["project.created", "project.renamed", "project.archived"]);
    for (const event of events) {
      expect(event).toMatchObject({ tenantId: tenant.id, projectId, actorId: owner.id, actorType: "user", targetType: "project", isFailure: false });
    }
    expect(events[0].metadata).toMatchObject({ after: { name: "Support bot", slug: "support-bot", status: "active" } });
    expect(events[1]).toMatchObject({ targetName: "Helpdesk bot", metadata: { before: { name: "Support bot" }, after: { name: "Helpdesk bot" } } });
    expect(events[2].metadata).toMatchObject({ before: { status: "active" }, after: { status: "archived" } });
  });

  it("keeps archived projects listed, after the active ones", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const old = await createProject(owner, { tenantId: tenant.id, name: "Alpha", slug: "alpha" });
    await createProject(owner, { tenantId: tenant.id, name: "Zulu", slug: "zulu" });
    if (!old.ok) throw new Error(old.message);
    await archiveProject(owner, { tenantId: tenant.id, projectId: old.data.id });
    const listed = await listProjects(owner, tenant.id);
    expect(listed.map((p) => [p.slug, p.status])).toEqual([["zulu", "active"], ["alpha", "archived"]]);
    expect(await listProjects(await actorFor(db), tenant.id)).toEqual([]);
  });

  it.each([
    ["too short", "a"],
    ["a leading dash", "-abc"],
    ["a trailing dash", "abc-"],
    ["uppercase", "Support"],
    ["an underscore", "support_bot"],
    ["41 characters", "a".repeat(41)],
  ])("refuses a slug with %s before the database: validation on slug, nothing written", async (_, slug) => {
    const { tenant, owner } = await tenantWithOwner(db);
    const auditBefore = await db.auditLog.count({ where: { tenantId: tenant.id } });
    const result = await createProject(owner, { tenantId: tenant.id, name: "Project", slug });
    expect(result).toMatchObject({ ok: false, kind: "validation", fieldErrors: { slug: [PROJECT_SLUG_RULE] } });
    expect(await db.tenantProject.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { tenantId: tenant.id } })).toBe(auditBefore);
  });

  it("accepts the shortest and longest slugs the rule allows", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    expect(await createProject(owner, { tenantId: tenant.id, name: "Two", slug: "a1" })).toMatchObject({ ok: true });
    expect(await createProject(owner, { tenantId: tenant.id, name: "Forty", slug: `a${"-".repeat(38)}z` })).toMatchObject({ ok: true });
  });

  it("answers a duplicate slug in the same tenant with a conflict naming it; another tenant may reuse it", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    await createProject(owner, { tenantId: tenant.id, name: "First", slug: "shared" });
    const result = await createProject(owner, { tenantId: tenant.id, name: "Second", slug: "shared" });
    expect(result).toMatchObject({ ok: false, kind: "conflict" });
    expect(!result.ok && result.message).toContain('"shared"');
    expect(await db.tenantProject.findMany({ where: { tenantId: tenant.id }, select: { name: true } })).toEqual([{ name: "First" }]);

    const other = await tenantWithOwner(db);
    expect(await createProject(other.owner, { tenantId: other.tenant.id, name: "Elsewhere", slug: "shared" })).toMatchObject({ ok: true });
  });

  it("treats another tenant's project as not found, even for its owner acting through their own tenant", async () => {
    const mine = await tenantWithOwner(db);
    const theirs = await tenantWithOwner(db);
    const created = await createProject(theirs.owner, { tenantId: theirs.tenant.id, name: "Theirs", slug: "theirs" });
    if (!created.ok) throw new Error(created.message);
    const projectId = created.data.id;

    expect(await renameProject(mine.owner, { tenantId: mine.tenant.id, projectId, name: "Mine now" })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await archiveProject(mine.owner, { tenantId: mine.tenant.id, projectId })).toMatchObject({ ok: false, kind: "not_found" });
    expect(await db.tenantProject.findUnique({ where: { id: projectId } })).toMatchObject({ name: "Theirs", status: "active" });
    // its creation, then the two calls naming it, refused and recorded as failures
    expect((await auditOf(db, { targetId: projectId })).map((e) => e.isFailure)).toEqual([false, true, true]);
  });

  it("refuses to rename or archive again an archived project", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    const created = await createProject(owner, { tenantId: tenant.id, name: "Old", slug: "old" });
    if (!created.ok) throw new Error(created.message);
    const projectId = created.data.id;
    await archiveProject(owner, { tenantId: tenant.id, projectId });
    expect(await renameProject(owner, { tenantId: tenant.id, projectId, name: "New" })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await archiveProject(owner, { tenantId: tenant.id, projectId })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await db.tenantProject.findUnique({ where: { id: projectId } })).toMatchObject({ name: "Old", status: "archived" });
  });

  it("answers a project that does not exist with not_found and a staff admin naming an unknown tenant likewise", async () => {
    const { tenant, owner } = await tenantWithOwner(db);
    expect(await renameProject(owner, { tenantId: tenant.id, projectId: randomUUID(), name: "X" })).toMatchObject({ ok: false, kind: "not_found" });
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await createProject(admin, { tenantId: randomUUID(), name: "X", slug: "xx" })).toMatchObject({ ok: false, kind: "not_found" });
  });

  it.each(["viewer", "member"] as const)("refuses a %s: forbidden, one failure audit row, nothing changed", async (role) => {
    const { tenant, owner } = await tenantWithOwner(db);
    const created = await createProject(owner, { tenantId: tenant.id, name: "Kept", slug: "kept" });
    if (!created.ok) throw new Error(created.message);
    const actor = await actorFor(db, { roles: { [tenant.id]: role } });

    expect(await createProject(actor, { tenantId: tenant.id, name: "Mine", slug: "mine" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.tenantProject.count({ where: { tenantId: tenant.id } })).toBe(1);
    const failures = await auditOf(db, { actorId: actor.id });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ action: "project.created", tenantId: tenant.id, isFailure: true });

    expect(await renameProject(actor, { tenantId: tenant.id, projectId: created.data.id, name: "Renamed" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await archiveProject(actor, { tenantId: tenant.id, projectId: created.data.id })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.tenantProject.findUnique({ where: { id: created.data.id } })).toMatchObject({ name: "Kept", status: "active" });
  });

  it("lets an admin manage any tenant's projects, and refuses sales and support staff", async () => {
    const { tenant } = await tenantWithOwner(db);
    const admin = await actorFor(db, { staffRole: "admin" });
    expect(await createProject(admin, { tenantId: tenant.id, name: "By admin", slug: "by-admin" })).toMatchObject({ ok: true });
    for (const staffRole of ["sales", "support"] as const) {
      const staff = await actorFor(db, { staffRole });
      expect(await createProject(staff, { tenantId: tenant.id, name: "By staff", slug: `by-${staffRole}` })).toMatchObject({ ok: false, kind: "forbidden" });
    }
    expect((await db.tenantProject.findMany({ where: { tenantId: tenant.id } })).map((p) => p.slug)).toEqual(["by-admin"]);
  });

  it("refuses the owner of a frozen tenant", async () => {
    const { tenant, owner } = await tenantWithOwner(db, { status: "frozen" });
    expect(await createProject(owner, { tenantId: tenant.id, name: "Frozen", slug: "frozen" })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db.tenantProject.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("suggests a valid slug from a name", () => {
    expect(suggestProjectSlug("Support Bot (EU)")).toBe("support-bot-eu");
    expect(suggestProjectSlug("  Café — Ünïcode  ")).toBe("cafe-unicode");
    expect(suggestProjectSlug(`${"x".repeat(39)} tail`)).toBe("x".repeat(39));
  });
});
