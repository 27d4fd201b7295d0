// What the benchmarks (bench-audit, bench-usage, bench-people) time the same way: p50 and p95 of one async call
// run RUNS times, after a few unmeasured runs that open connections and warm plans and caches.

/** How many measured runs each figure is taken from. */
export const RUNS = 20;

export interface Timing {
  p50: number;
  p95: number;
}

/** The nearest-rank percentile `p` of ascending `sorted`. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50 and p95 in ms of RUNS runs of `run`, after `warmUps` unmeasured ones. */
export async function time(run: () => Promise<unknown>, { warmUps }: { warmUps: number }): Promise<Timing> {
  for (let i = 0; i < warmUps; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
