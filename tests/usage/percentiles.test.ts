import { describe, expect, it } from "vitest";
import { addHistograms, percentileMs } from "../../lib/domain/usage/percentiles";
import { HISTOGRAM_LENGTH, LATENCY_BUCKETS_MS } from "../../lib/domain/usage/rollups";

/** The histogram of a list of latencies, bucketed as the rollups do (upper bounds exclusive). */
function histogramOf(latencies: number[]): number[] {
  const histogram = new Array<number>(HISTOGRAM_LENGTH).fill(0);
  for (const ms of latencies) histogram[LATENCY_BUCKETS_MS.filter((bound) => ms >= bound).length]++;
  return histogram;
}

describe("percentiles from histograms", () => {
  it("land in the bucket that holds the exact percentile of a known distribution", () => {
    // 1000 requests: 500 at 40 ms, 400 at 250 ms, 60 at 900 ms, 40 at 4000 ms
    const latencies = [...Array(500).fill(40), ...Array(400).fill(250), ...Array(60).fill(900), ...Array(40).fill(4000)];
    const histogram = histogramOf(latencies);
    // the 500th request is the last of the first bucket [0, 50)
    expect(percentileMs(histogram, 50)).toBe(50);
    // the 950th is the 50th of 60 in [750, 1000): 750 + 50/60 × 250
    expect(percentileMs(histogram, 95)).toBe(958);
    expect(percentileMs(histogram, 99)).toBeGreaterThanOrEqual(3000);
    expect(percentileMs(histogram, 99)).toBeLessThan(5000);
  });

  it("interpolate within the bucket", () => {
    const histogram = histogramOf(Array.from({ length: 100 }, (_, i) => 200 + i)); // all in [200, 300)
    expect(percentileMs(histogram, 50)).toBe(250);
    expect(percentileMs(histogram, 95)).toBe(295);
  });

  it("say only 'at least' in the open last bucket, and nothing for no requests", () => {
    expect(percentileMs(histogramOf([20_000, 30_000]), 95)).toBe(10_000);
    expect(percentileMs(new Array(HISTOGRAM_LENGTH).fill(0), 50)).toBeNull();
    expect(percentileMs([], 50)).toBeNull();
  });

  it("add histograms element by element", () => {
    expect(addHistograms([histogramOf([10, 60]), histogramOf([10, 20_000])])).toEqual(histogramOf([10, 10, 60, 20_000]));
  });
});
