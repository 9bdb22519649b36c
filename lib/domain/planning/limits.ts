/** Points are often halves; float sums like 0.1 + 0.2 must still fit a limit of 0.3. */
const EPSILON = 1e-9;
const MAX_BUFFER_PERCENT = 50;

/** What a person may be planned up to: capacity less the buffer, to one decimal. */
export function limitPoints(capacityPoints: number, bufferPercent: number): number {
  const buffer = clampBufferPercent(bufferPercent) / 100;
  return roundPoints(Math.max(0, capacityPoints) * (1 - buffer));
}

export function fitsIn(freePoints: number, points: number): boolean {
  return points <= freePoints + EPSILON;
}

export function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}

export function clampBufferPercent(bufferPercent: number): number {
  return Math.min(MAX_BUFFER_PERCENT, Math.max(0, bufferPercent));
}
