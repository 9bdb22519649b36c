/** The Core Web Vitals Bosun shows, in the order the page lists them. */
export const WEB_VITALS = ["lcp", "inp", "cls", "fcp", "ttfb"] as const;
export type WebVital = (typeof WEB_VITALS)[number];

export type VitalBand = "good" | "needs-improvement" | "poor";

/**
 * web.dev's thresholds (GoogleChrome/web-vitals `*Thresholds`): a value up to `good` is good, up to `poor` needs
 * improvement, above it is poor. Milliseconds, except CLS, which has no unit.
 */
export const VITAL_THRESHOLDS: Record<WebVital, { good: number; poor: number }> = {
  lcp: { good: 2500, poor: 4000 },
  inp: { good: 200, poor: 500 },
  cls: { good: 0.1, poor: 0.25 },
  fcp: { good: 1800, poor: 3000 },
  ttfb: { good: 800, poor: 1800 },
};

export const VITAL_LABELS: Record<WebVital, string> = {
  lcp: "Largest Contentful Paint",
  inp: "Interaction to Next Paint",
  cls: "Cumulative Layout Shift",
  fcp: "First Contentful Paint",
  ttfb: "Time to First Byte",
};

/** The band of one value; vitals are judged at their 75th percentile, so pass the p75. */
export function rateVital(vital: WebVital, value: number): VitalBand {
  const { good, poor } = VITAL_THRESHOLDS[vital];
  if (value <= good) return "good";
  if (value <= poor) return "needs-improvement";
  return "poor";
}

export type BandCounts = { good: number; needsImprovement: number; poor: number };
export type BandShares = { good: number; needsImprovement: number; poor: number };

/**
 * The share of samples in each band, in percent with one decimal, from the count at or under the good threshold,
 * the count above the poor threshold and the total that has the measurement. Null without samples.
 * The middle band is what is left, so the three always add up to 100 before rounding.
 */
export function bandShares({ total, good, poor }: { total: number; good: number; poor: number }): BandShares | null {
  if (!(total > 0)) return null;
  const clampedGood = clamp(good, 0, total);
  const clampedPoor = clamp(poor, 0, total - clampedGood);
  const middle = total - clampedGood - clampedPoor;
  return {
    good: percent(clampedGood, total),
    needsImprovement: percent(middle, total),
    poor: percent(clampedPoor, total),
  };
}

/** Formats a vital the way people read it: seconds above one second, milliseconds below, CLS with two decimals. */
export function formatVital(vital: WebVital, value: number): string {
  if (vital === "cls") return value.toFixed(2);
  return formatDuration(value);
}

export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

function percent(part: number, total: number): number {
  return Math.round((part / total) * 1000) / 10;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
