// How the usage dashboards write money, counts, rates, latencies, times and changes. Pure: shared by server
// and client components, and tested.

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const tinyUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 2 });
const compactUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const hour = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const dayHour = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** US dollars with cents; amounts under a cent with two significant digits ($0.0042), so they do not read as $0.00. */
export function formatUsd(value: string | number): string {
  const amount = Number(value);
  return amount !== 0 && Math.abs(amount) < 0.01 ? tinyUsd.format(amount) : usd.format(amount);
}

/** For chart axes: $1.2K. */
export const formatUsdCompact = (value: number) => compactUsd.format(value);
export const formatCount = (value: number) => count.format(value);
/** For chart axes and token counts: 1.2M. */
export const formatCompact = (value: number) => compact.format(value);
/** A share from 0 to 1, as 1.23%. */
export const formatRate = (rate: number) => percent.format(rate);
export const formatMs = (ms: number | null) => (ms === null ? "—" : `${count.format(Math.round(ms))} ms`);

/** A bucket's start as an axis label: "Nov 3" for days, "14:00" for hours, and the day at midnight (UTC). */
export const formatBucket = (start: Date | number, bucket: "hour" | "day") =>
  (bucket === "day" || new Date(start).getUTCHours() === 0 ? day : hour).format(start);
/** A bucket's start in full, for tables and tooltips: "Nov 3" or "Nov 3, 14:00" (UTC). */
export const formatBucketLong = (start: Date | number, bucket: "hour" | "day") => (bucket === "day" ? day : dayHour).format(start);

export interface Change {
  direction: "up" | "down" | "same" | "none";
  /** how it is good or bad: spend, errors and latency going up is bad; requests and tokens going up is neither */
  tone: "good" | "bad" | "neutral";
  /** "up 12% on the previous 30 days" */
  text: string;
}

/**
 * A figure against the same figure over the previous period. `upIsBad` colours it; the direction and percentage
 * are in the text, so the colour and arrow are never the only way to tell.
 */
export function describeChange(current: number | null, previous: number | null, previousLabel: string, upIsBad: boolean): Change {
  if (current === null || previous === null) {
    return { direction: "none", tone: "neutral", text: `no comparison: no requests in ${current === null ? "this range" : previousLabel}` };
  }
  if (previous === 0) {
    return current === 0
      ? { direction: "same", tone: "neutral", text: `none in ${previousLabel} either` }
      : { direction: "up", tone: upIsBad ? "bad" : "neutral", text: `up from none in ${previousLabel}` };
  }
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0) return { direction: "same", tone: "neutral", text: `about the same as ${previousLabel}` };
  const up = pct > 0;
  return {
    direction: up ? "up" : "down",
    tone: upIsBad ? (up ? "bad" : "good") : "neutral",
    text: `${up ? "up" : "down"} ${count.format(Math.abs(pct))}% on ${previousLabel}`,
  };
}
