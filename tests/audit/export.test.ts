// The export: exactly the filtered set, as CSV and as JSON lines in Retraced's shape, written batch by batch;
// CSV cells escaped and guarded against spreadsheet formulas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAuditEvents, toReadableStream, type ExportFormat } from "../../lib/domain/audit/export";
import { CSV_COLUMNS, crudOf, flattenFields, type RetracedEvent } from "../../lib/domain/audit/retraced";
import { csvCell } from "../../lib/csv";
import type { AuditFilters } from "../../lib/domain/audit/queries";
import type { Actor } from "../../lib/auth/principal";
import { testPrisma } from "../support/database";
import { actorFor } from "../support/actors";
import { auditWorld, STAFF_IP, staffActorWorld } from "./fixtures";

const db = testPrisma();
afterAll(() => db.$disconnect());

let world: Awaited<ReturnType<typeof auditWorld>>;
beforeAll(async () => {
  world = await auditWorld(db);
});

/** The whole export as text, read through the byte stream the route sends, in batches of 2. */
async function exported(format: ExportFormat, filters: AuditFilters, principal: Actor = world.viewerA, tenantId = world.a.id) {
  const chunks = await exportAuditEvents(principal, { kind: "tenant", tenantId }, filters, format, 2);
  if (!chunks) return null;
  return new Response(toReadableStream(chunks)).text();
}

/** RFC 4180, as a spreadsheet reads it: a quoted cell may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("CSV export", () => {
  it("holds exactly the filtered events, newest first, one line each, in Retraced's columns", async () => {
    const rows = parseCsv((await exported("csv", { action: "api_key.*" }))!);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const records = rows.slice(1).map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]])));
    expect(records.map((r) => r.id)).toEqual([world.e.e5, world.e.e3, world.e.e2]);
    expect(records.map((r) => r.crud)).toEqual(["u", "d", "c"]);
    expect(records[1]).toMatchObject({
      action: "api_key.revoked", group_id: world.a.id, group_name: world.a.name, actor_id: "svc-gateway", actor_name: "gateway",
      actor_type: "service", target_id: "k0", target_name: "old key", target_type: "api_key", is_failure: "true", created: "2026-03-10T12:00:00.000000Z",
    });
  });

  it("escapes quotes, commas and line breaks, and defuses cells a spreadsheet would run as formulas", async () => {
    const text = (await exported("csv", { action: "routing_rule.updated" }))!;
    const [, rule] = parseCsv(text);
    expect(rule[CSV_COLUMNS.indexOf("description")]).toBe('Rule "cheap", reordered,\nthen saved');
    expect(rule[CSV_COLUMNS.indexOf("target_name")]).toBe("100%_off");
    expect(JSON.parse(rule[CSV_COLUMNS.indexOf("fields")])).toEqual({ "before.priority": "1", "after.priority": "2" });

    const [, provider] = parseCsv((await exported("csv", { action: "provider.updated" }))!);
    expect(provider[CSV_COLUMNS.indexOf("target_name")]).toBe(`'=HYPERLINK("http://evil.test")`);
    expect(provider[CSV_COLUMNS.indexOf("description")]).toBe("'-2+3");
  });
});

describe("JSON lines export", () => {
  it("holds exactly the filtered events as Retraced events, one per line", async () => {
    const text = (await exported("jsonl", { outcome: "success" }))!;
    expect(text.endsWith("\n")).toBe(true);
    const events = text.trimEnd().split("\n").map((line) => JSON.parse(line) as RetracedEvent);
    expect(events.map((e) => e.id)).toEqual([world.e.e8, world.e.e7, world.e.e5, world.e.e4, world.e.e2, world.e.e1]);
    expect(events.find((e) => e.id === world.e.e4)).toEqual({
      id: world.e.e4, action: "tenant.status_changed", crud: "u", group: { id: world.a.id, name: world.a.name },
      actor: { id: null, name: "system", type: "system" }, target: { id: null, name: world.a.slug, type: "tenant" },
      source_ip: null, created: "2026-03-15T23:59:59.000000Z", description: null, is_failure: false,
      fields: { "before.status": "trial", "after.status": "active" },
    });
    expect(events.find((e) => e.id === world.e.e1)).toMatchObject({ crud: "c", actor: { id: world.alice.id, type: "user" }, source_ip: "192.0.2.1" });
  });

  it("is refused (null) to anyone who may not read the tenant", async () => {
    expect(await exported("jsonl", {}, world.viewerA, world.b.id)).toBeNull();
  });

  it("is empty when nothing matches", async () => {
    expect(await exported("jsonl", { action: "nothing.here" })).toBe("");
    expect(parseCsv((await exported("csv", { action: "nothing.here" }))!)).toEqual([[...CSV_COLUMNS]]);
  });
});

describe("a staff actor's source IP", () => {
  it("is withheld from the tenant's readers in the CSV and the JSON lines, and exported to staff", async () => {
    const { tenant, viewer, e } = await staffActorWorld(db);
    const sourceIps = async (principal: Actor) => {
      const rows = parseCsv((await exported("csv", {}, principal, tenant.id))!).slice(1);
      const lines = (await exported("jsonl", {}, principal, tenant.id))!.trimEnd().split("\n").map((line) => JSON.parse(line) as RetracedEvent);
      return {
        csv: rows.map((cells) => [cells[CSV_COLUMNS.indexOf("id")], cells[CSV_COLUMNS.indexOf("source_ip")]]),
        jsonl: lines.map((event) => [event.id, event.source_ip]),
      };
    };
    expect(await sourceIps(viewer)).toEqual({ csv: [[e.byOwner, "192.0.2.44"], [e.byStaff, ""]], jsonl: [[e.byOwner, "192.0.2.44"], [e.byStaff, null]] });
    const support = await actorFor(db, { staffRole: "support" });
    expect(await sourceIps(support)).toEqual({ csv: [[e.byOwner, "192.0.2.44"], [e.byStaff, STAFF_IP]], jsonl: [[e.byOwner, "192.0.2.44"], [e.byStaff, STAFF_IP]] });
  });
});

describe("Retraced fields", () => {
  it.each([
    ["plain", "plain"], ["a,b", '"a,b"'], ['say "hi"', '"say ""hi"""'], ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"], ["+1", "'+1"], ["-1", "'-1"], ["@A1", "'@A1"], ["\tx", "'\tx"], ["=a,b", `"'=a,b"`], [null, ""], [true, "true"],
  ] as const)("csvCell(%j) is %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ["tenant.created", "c"], ["member.invited", "c"], ["tenant.details_updated", "u"], ["member.role_changed", "u"],
    ["project.renamed", "u"], ["api_key.rolled", "u"], ["api_key.revoked", "d"], ["member.removed", "d"], ["idp.removed", "d"],
    ["project.archived", "d"], ["session.revoked_others", "d"], ["tenant.change_lifecycle", "u"], ["audit.read_platform", "r"],
  ] as const)("crudOf(%s) is %s", (action, crud) => {
    expect(crudOf(action)).toBe(crud);
  });

  it("flattens metadata to strings under dotted keys", () => {
    expect(flattenFields({ before: { role: "owner", n: 1, when: null }, after: { tags: ["a", "b"], on: true }, reason: "x" })).toEqual({
      "before.role": "owner", "before.n": "1", "before.when": "", "after.tags": '["a","b"]', "after.on": "true", reason: "x",
    });
  });
});
