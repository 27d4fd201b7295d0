// Keyset cursors of the audit log: a position (created_at to the microsecond, id) and a direction, opaque in
// the URL. "older" reads the events strictly before the position, "newer" those strictly after it.
import { isBigintId, isStoredTimestamp } from "@/lib/domain/bounds";

export interface AuditCursor {
  direction: "older" | "newer";
  /** created_at as stored, ISO 8601 with microseconds in UTC */
  at: string;
  id: string;
}

export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.direction === "older" ? "o" : "n", cursor.at, cursor.id])).toString("base64url");
}

/**
 * The cursor in `token`, or null for none or anything malformed (which then reads as the first page): its
 * instant must be one PostgreSQL's timestamptz takes and its id a bigint, as the keyset condition casts them.
 */
export function decodeCursor(token: string | null | undefined): AuditCursor | null {
  if (!token) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [direction, at, id] = value as unknown[];
    if ((direction !== "o" && direction !== "n") || typeof at !== "string" || !isStoredTimestamp(at)) return null;
    if (typeof id !== "string" || !isBigintId(id)) return null;
    return { direction: direction === "o" ? "older" : "newer", at, id };
  } catch {
    return null;
  }
}
