// The audit vocabulary (lib/domain/audit/events.ts) and the code agree: every event written is listed, with its
// payload's shape, and every listed event has a writer. Webhooks will publish these names, so a drift either
// way is a change of a public contract that should be made on purpose.
import { afterAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { writeAudit, type AuditEvent } from "../../lib/db/mutation";
import { AUDIT_EVENT_NAMES, AUDIT_EVENTS, TARGET_TYPES } from "../../lib/domain/audit/events";
import { testPrisma } from "../support/database";
import { actorFor, tenantFor } from "../support/actors";

const db = testPrisma();
afterAll(() => db.$disconnect());

const ROOT = join(import.meta.dirname, "../..");
const VOCABULARY = "lib/domain/audit/events.ts";

/** The TypeScript sources under `dir` (generated code aside), as [path from the root, text]. */
function sources(dir: string): [string, string][] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.includes("generated"))
    .map((file) => [relative(ROOT, join(ROOT, dir, file)), readFileSync(join(ROOT, dir, file), "utf8")]);
}

const CODE = [...sources("lib"), ...sources("app")].filter(([path]) => path !== VOCABULARY);

/** The event names a source names where it writes one: the `event:` of a mutation spec or a writeAudit call. */
function namesWritten(text: string): string[] {
  return [...text.matchAll(/\bevent: ([^,}\n]+)/g)].flatMap(([, expression]) => [...expression.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map(([, name]) => name));
}

describe("the audit vocabulary", () => {
  it("names each event noun.verb, its noun the target type", () => {
    for (const name of AUDIT_EVENT_NAMES) {
      expect(name, name).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
      expect(TARGET_TYPES, name).toContain(AUDIT_EVENTS[name].target);
      expect(name.split(".")[0], name).toBe(AUDIT_EVENTS[name].target);
      expect(AUDIT_EVENTS[name].description, name).toMatch(/^[A-Z].{10,}\.$/);
    }
  });

  it("lists every event a service writes", () => {
    const written = CODE.flatMap(([path, text]) => namesWritten(text).map((name) => `${path}: ${name}`));
    expect(written.length).toBeGreaterThan(AUDIT_EVENT_NAMES.length);
    expect(written.filter((line) => !AUDIT_EVENT_NAMES.includes(line.split(": ")[1] as never))).toEqual([]);
  });

  it("has a writer for every event it lists", () => {
    const named = (name: string) => CODE.some(([, text]) => text.includes(`"${name}"`));
    expect(AUDIT_EVENT_NAMES.filter((name) => !named(name))).toEqual([]);
  });

  it("is the only way into audit_log: no code inserts a row but writeAudit", () => {
    const inserts = CODE
      .filter(([path, text]) => path !== "lib/db/mutation.ts" && /auditLog\.(create|createMany|upsert)\b|INSERT INTO audit_log/i.test(text))
      .map(([path]) => path);
    expect(inserts).toEqual([]);
  });
});

describe("writeAudit", () => {
  const attempt = async (event: AuditEvent) => {
    const tenant = await tenantFor(db);
    const actor = await actorFor(db, { roles: { [tenant.id]: "owner" } });
    const written = db.$transaction((tx) => writeAudit(tx, actor, { ...event, tenantId: tenant.id }));
    return { written, rows: () => db.auditLog.findMany({ where: { tenantId: tenant.id } }) };
  };

  it("refuses an event that is not in the vocabulary, and writes nothing", async () => {
    const { written, rows } = await attempt({ event: "project.deleted", targetName: "Main" } as unknown as AuditEvent);
    await expect(written).rejects.toThrow("project.deleted is not in the audit vocabulary");
    expect(await rows()).toEqual([]);
  });

  it("refuses a payload that is not the listed shape (a snake_case key), and writes nothing", async () => {
    const { written, rows } = await attempt({ event: "tenant.trial_extended", before: { trial_ends_at: null }, after: { trial_ends_at: new Date() }, metadata: { reason: "pilot" } } as unknown as AuditEvent);
    await expect(written).rejects.toThrow("tenant.trial_extended's payload is not its listed shape");
    expect(await rows()).toEqual([]);
  });

  it("writes a listed event with its payload, its target type the one listed", async () => {
    const { written, rows } = await attempt({ event: "project.renamed", targetName: "Core", before: { name: "Main" }, after: { name: "Core" } });
    await written;
    expect(await rows()).toMatchObject([{ action: "project.renamed", targetType: "project", isFailure: false, metadata: { before: { name: "Main" }, after: { name: "Core" } } }]);
  });
});
