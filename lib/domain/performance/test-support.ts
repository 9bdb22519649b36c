import type { ReleasePerformance } from "./types";

/** A release's performance for tests: healthy defaults, overridden per metric. */
export function releasePerformance(
  version: string,
  {
    lcp = [2300, 40_000],
    inp = [180, 9_000],
    api = [400, 20_000],
    failureRate = 0.01,
  }: {
    lcp?: [number | null, number];
    inp?: [number | null, number];
    api?: [number | null, number];
    failureRate?: number | null;
  } = {},
): ReleasePerformance {
  return {
    version,
    lcp: { p75: lcp[0], samples: lcp[1] },
    inp: { p75: inp[0], samples: inp[1] },
    api: { p95: api[0], failureRate, transactions: api[1] },
  };
}
