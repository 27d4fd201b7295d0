// The one way the console writes a moment: always UTC (the audit log, usage windows and the day fields are all
// in UTC), as a day, a minute, or how long ago for the audit table (whose <time> title holds the minute).

/** "2026-12-03" */
export const formatDay = (date: Date) => date.toISOString().slice(0, 10);

/** "2026-12-03 14:05 UTC" */
export const formatMinute = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

const UNITS: [limitSeconds: number, seconds: number, unit: string][] = [
  [3_600, 60, "min"],
  [86_400, 3_600, "h"],
  [30 * 86_400, 86_400, "day"],
];

/** "just now", "5 min ago", "3 h ago", "2 days ago"; older than 30 days, the UTC date and time. */
export function relativeTime(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 60) return seconds < -60 ? formatMinute(date) : "just now";
  for (const [limit, size, unit] of UNITS) {
    if (seconds < limit) {
      const n = Math.floor(seconds / size);
      return `${n} ${unit}${unit === "day" && n > 1 ? "s" : ""} ago`;
    }
  }
  return formatMinute(date);
}
