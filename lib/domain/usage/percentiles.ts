// Latency percentiles estimated from the rollups' histograms (counts per bucket of LATENCY_BUCKETS_MS).
import { HISTOGRAM_LENGTH, LATENCY_BUCKETS_MS } from "./rollups";

/** Adds histograms element by element. */
export function addHistograms(histograms: readonly (readonly number[])[]): number[] {
  const total = new Array<number>(HISTOGRAM_LENGTH).fill(0);
  for (const histogram of histograms) histogram.forEach((count, i) => (total[i] += count));
  return total;
}

/**
 * The p-th percentile (0 < p ≤ 100) in ms, interpolated linearly within the bucket where it falls (requests
 * are taken as spread evenly over the bucket). In the open last bucket it is that bucket's lower bound: all we
 * know is "at least". Null for an empty histogram.
 */
export function percentileMs(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = (p / 100) * total;
  let below = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i];
    if (count > 0 && below + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1];
      if (i >= LATENCY_BUCKETS_MS.length) return lower;
      return Math.round(lower + ((rank - below) / count) * (LATENCY_BUCKETS_MS[i] - lower));
    }
    below += count;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1];
}
