// The audit event in Retraced's shape (what its exports and SIEM integrations read), and the CSV and JSON lines
// it is written as. Pure functions: export.ts streams them, tests check them.
import { csvLine } from "@/lib/csv";

export type Crud = "c" | "r" | "u" | "d";

export interface RetracedEvent {
  id: string;
  action: string;
  crud: Crud;
  /** the tenant; null for a platform event */
  group: { id: string; name: string | null } | null;
  actor: { id: string | null; name: string | null; type: string };
  target: { id: string | null; name: string | null; type: string | null };
  source_ip: string | null;
  created: string;
  description: string | null;
  is_failure: boolean;
  fields: Record<string, string>;
}

// Words of an action's verb (its last part, split on "_"), past tense as recorded, and present tense as in the
// permission names that refused calls were recorded under before the vocabulary (lib/domain/audit/events.ts).
const CRUD_WORDS: Record<string, Crud> = Object.fromEntries([
  ...["created", "create", "invited", "invite", "added", "add", "granted", "grant", "issued"].map((w) => [w, "c"]),
  ...["updated", "update", "changed", "change", "renamed", "rename", "rolled", "roll", "resent", "extended", "saved", "set",
    "verified", "verify", "enabled", "disabled", "applied", "manage", "moved", "accepted", "activated", "frozen"].map((w) => [w, "u"]),
  ...["revoked", "revoke", "removed", "remove", "deleted", "delete", "archived", "archive", "purged", "ended"].map((w) => [w, "d"]),
]);

/** c, u or d from the verb of `action` (tenant.created → c, member.role_changed → u, api_key.revoked → d), else r. */
export function crudOf(action: string): Crud {
  const verb = action.slice(action.lastIndexOf(".") + 1);
  for (const word of verb.split("_")) if (CRUD_WORDS[word]) return CRUD_WORDS[word];
  return "r";
}

/** Metadata flattened to string values under dotted keys ({ before: { role: "owner" } } → { "before.role": "owner" }). */
export function flattenFields(value: unknown, prefix = "", fields: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flattenFields(inner, prefix ? `${prefix}.${key}` : key, fields);
  } else if (prefix) {
    fields[prefix] = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  }
  return fields;
}

/** A stored event as the export reads it. */
export interface ExportRow {
  id: string;
  at: string;
  action: string;
  groupId: string | null;
  groupName: string | null;
  actorId: string | null;
  actorName: string | null;
  actorType: string;
  targetId: string | null;
  targetName: string | null;
  targetType: string | null;
  sourceIp: string | null;
  description: string | null;
  isFailure: boolean;
  metadata: unknown;
}

export function toRetraced(row: ExportRow): RetracedEvent {
  return {
    id: row.id,
    action: row.action,
    crud: crudOf(row.action),
    group: row.groupId ? { id: row.groupId, name: row.groupName } : null,
    actor: { id: row.actorId, name: row.actorName, type: row.actorType },
    target: { id: row.targetId, name: row.targetName, type: row.targetType },
    source_ip: row.sourceIp,
    created: row.at,
    description: row.description,
    is_failure: row.isFailure,
    fields: flattenFields(row.metadata),
  };
}

export const CSV_COLUMNS = [
  "id", "created", "action", "crud", "group_id", "group_name", "actor_id", "actor_name", "actor_type",
  "target_id", "target_name", "target_type", "source_ip", "description", "is_failure", "fields",
] as const;


export function csvRow(event: RetracedEvent): string {
  return csvLine([
    event.id, event.created, event.action, event.crud, event.group?.id, event.group?.name, event.actor.id, event.actor.name,
    event.actor.type, event.target.id, event.target.name, event.target.type, event.source_ip, event.description,
    event.is_failure, JSON.stringify(event.fields),
  ]);
}

export const jsonLine = (event: RetracedEvent) => `${JSON.stringify(event)}\n`;
