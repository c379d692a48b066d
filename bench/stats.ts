// The little arithmetic the bench reports with.

/** The median of a list, the mean of the middle two for an even count (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The p-th percentile, nearest rank (0 for none). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

/** a / b, or null when b is 0 or either is missing (a ratio that cannot be taken is not invented). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return a / b;
}

/** A figure over rounds: the median of each round's rate and latencies, so one noisy round does not decide. */
export function medianRates(rounds: { per_second: number; p50_ms: number; p99_ms: number }[]) {
  return {
    per_second: median(rounds.map((x) => x.per_second)),
    p50_ms: median(rounds.map((x) => x.p50_ms)),
    p99_ms: median(rounds.map((x) => x.p99_ms)),
  };
}

/** The total of one count over rounds. */
export function total<T>(rounds: T[], count: (round: T) => number): number {
  return rounds.reduce((sum, x) => sum + count(x), 0);
}
