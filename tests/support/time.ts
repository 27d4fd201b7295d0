// Days for tests, in UTC as the database's day columns and the usage rollups are.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** "2026-12-03": the UTC day of the moment `ms`. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
