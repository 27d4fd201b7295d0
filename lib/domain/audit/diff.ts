// The before/after of a change, as the detail view shows it: one row per field, values as pretty JSON.

export interface ChangeRow {
  field: string;
  /** pretty-printed JSON; undefined where the field is absent on that side */
  before?: string;
  after?: string;
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const pretty = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value, null, 2));

/**
 * The rows of an event's metadata.before / metadata.after, or null when it records neither. Objects compare
 * field by field (a field on one side only counts as changed); anything else is one row, "value".
 */
export function changeRows(metadata: Record<string, unknown>): ChangeRow[] | null {
  const { before, after } = metadata;
  if (before === undefined && after === undefined) return null;
  const asFields = (value: unknown) => (value === undefined || value === null ? {} : value);
  const b = asFields(before);
  const a = asFields(after);
  if (!isRecord(b) || !isRecord(a)) {
    return [{ field: "value", before: pretty(before), after: pretty(after), changed: pretty(before) !== pretty(after) }];
  }
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((field) => {
    const row = { field, before: pretty(b[field]), after: pretty(a[field]) };
    return { ...row, changed: row.before !== row.after };
  });
}

/** The metadata besides before and after, or null when there is none. */
export function otherMetadata(metadata: Record<string, unknown>): Record<string, unknown> | null {
  const rest = Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== "before" && key !== "after"));
  return Object.keys(rest).length ? rest : null;
}
