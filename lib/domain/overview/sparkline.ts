/**
 * The geometry of a sparkline: a small line chart with no axes, drawn as an SVG polyline. Pure, so the component
 * only renders what this computes.
 */
export type SparklineBox = { width: number; height: number; padding?: number };

export type SparklineShape = {
  /** The polyline's `points` attribute; empty for no values. */
  points: string;
  /** The highest value the box is scaled to (at least 1, so a flat zero line sits on the bottom). */
  max: number;
};

const fixed = (value: number) => Math.round(value * 10) / 10;

/**
 * Points of a line through `values`, left to right across the box, 0 at the bottom and `max` (the largest value,
 * or the one given so several lines share a scale) at the top. One value draws a flat line across the box.
 */
export function sparklineShape(
  values: number[],
  { width, height, padding = 2 }: SparklineBox,
  max?: number,
): SparklineShape {
  const top = Math.max(1, max ?? Math.max(0, ...values));
  if (values.length === 0) return { points: "", max: top };
  const series = values.length === 1 ? [values[0]!, values[0]!] : values;
  const span = series.length - 1;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const points = series.map((value, index) => {
    const x = padding + (index / span) * innerWidth;
    const y = padding + (1 - Math.min(Math.max(value, 0), top) / top) * innerHeight;
    return `${fixed(x)},${fixed(y)}`;
  });
  return { points: points.join(" "), max: top };
}

export type TrendSummary = {
  first: number;
  last: number;
  peak: number;
  direction: "rising" | "falling" | "flat";
};

/** What a series did, for the sentence that stands in for the chart; null for no values. */
export function summarizeTrend(values: number[]): TrendSummary | null {
  if (values.length === 0) return null;
  const first = values[0]!;
  const last = values.at(-1)!;
  const direction = last > first ? "rising" : last < first ? "falling" : "flat";
  return { first, last, peak: Math.max(...values), direction };
}
