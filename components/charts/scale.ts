/**
 * Pure scale helpers every server-rendered chart shares: round value ticks, time ticks on calendar boundaries and
 * which category labels fit. No React, no clock: data in, positions out.
 */

/**
 * A position rounded to a tenth of a unit. The charts are drawn at 560 units wide, so a tenth is below a pixel;
 * unrounded, each coordinate is 17 digits, and a page's charts carry thousands of them in the HTML and again in
 * the page's React payload.
 */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The axis top: 1, 2, 2.5 or 5 times a power of ten at or above the highest value, so ticks read as round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Whether a tick step is one of `mantissas` times a power of ten. */
function isRoundStep(step: number, mantissas: number[]): boolean {
  const power = 10 ** Math.floor(Math.log10(step));
  return mantissas.some((s) => Math.abs(step / power - s) < 1e-9);
}

/**
 * Evenly spaced ticks from `min` to `max`, both included. Picks 4 or 5 intervals whose step is 1, 2 or 5 times a
 * power of ten (0–10 gets steps of 2, not 2.5), then allows 2.5 and 2 or 3 intervals, then up to 9 (0–0.7 in
 * steps of 0.1), so every label is round.
 */
export function valueTicks(min: number, max: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const count =
    [4, 5].find((n) => isRoundStep(span / n, [1, 2, 5, 10])) ??
    [4, 5, 2, 3].find((n) => isRoundStep(span / n, [1, 2, 2.5, 5, 10])) ??
    [6, 7, 8, 9].find((n) => isRoundStep(span / n, [1, 2, 5, 10])) ??
    4;
  return Array.from({ length: count + 1 }, (_, i) => roundOff(min + (span / count) * i));
}

/** Drops floating-point dust (0.1 + 0.2) so labels print as written. */
const roundOff = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * The lowest value of an axis that ends at `max` and must show `lowest`: `max` minus a round span, never below 0.
 * A crash-free rate between 97.3% and 100% gets an axis from 95%, not from 0% where the line would be flat.
 */
export function niceFloor(lowest: number, max: number, minimumSpan = 1): number {
  const span = niceCeiling(Math.max(minimumSpan, max - lowest));
  return Math.max(0, roundOff(max - span));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 1970-01-01 was a Thursday; weekly ticks fall on Mondays. */
const MONDAY_OFFSET = 4 * DAY;
const TIME_STEPS = [
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
  56 * DAY,
  91 * DAY,
];

/**
 * Time-axis ticks (epoch milliseconds, UTC) between `first` and `last`: the smallest calendar step (1 h … 13 weeks)
 * that gives at most `maxTicks`, placed on whole hours, midnights or Mondays so the labels read as round times.
 */
export function timeTicks(first: number, last: number, maxTicks = 6): number[] {
  if (!(last > first)) return [first];
  const span = last - first;
  const step = TIME_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? Math.ceil(span / (maxTicks - 1));
  const offset = step >= 7 * DAY ? MONDAY_OFFSET : 0;
  const ticks: number[] = [];
  for (let tick = Math.ceil((first - offset) / step) * step + offset; tick <= last; tick += step) ticks.push(tick);
  return ticks.length > 0 ? ticks : [first];
}

/** Which of `count` category labels to print so at most `maxLabels` show, evenly spaced from the first. */
export function categoryTicks(count: number, maxLabels = 8): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / maxLabels));
  return Array.from({ length: count }, (_, i) => i).filter((i) => i % every === 0);
}

/** An axis label cut to `max` characters with an ellipsis; the full text stays in the point's label and the table. */
export function truncateLabel(label: string, max = 14): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
