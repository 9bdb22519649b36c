/** Story points are halves at finest; float sums like 0.1 + 0.2 must still fit 0.3. */
const EPSILON = 1e-9;

export function fitsIn(freePoints: number, points: number): boolean {
  return points <= freePoints + EPSILON;
}

export function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}

/** `5 points`, `1 point`, `2.5 points`. */
export function points(value: number): string {
  const rounded = roundPoints(value);
  return `${rounded} ${rounded === 1 ? "point" : "points"}`;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
