export const HOUR_MS = 3_600_000;

export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/**
 * Hourly counts stored as running totals, so the sum over any hour range is
 * O(1) and adding one event is O(hours after it). Hours are epoch hours
 * (milliseconds / 3,600,000). The series grows in both directions on demand.
 */
export class HourSeries {
  startHour: number;
  private cum: Float64Array;
  private length: number;

  constructor(startHour: number, hourly: ArrayLike<number> = []) {
    this.startHour = startHour;
    this.length = hourly.length;
    this.cum = new Float64Array(Math.max(hourly.length, 8) + 1);
    for (let i = 0; i < hourly.length; i++) this.cum[i + 1] = (this.cum[i] as number) + (hourly[i] as number);
  }

  get endHour(): number {
    return this.startHour + this.length;
  }

  total(): number {
    return this.cum[this.length] as number;
  }

  private at(index: number): number {
    if (index <= 0) return 0;
    return this.cum[Math.min(index, this.length)] as number;
  }

  /** Sum of the hours in [fromHour, toHour). */
  sum(fromHour: number, toHour: number): number {
    if (toHour <= fromHour) return 0;
    return this.at(toHour - this.startHour) - this.at(fromHour - this.startHour);
  }

  value(hour: number): number {
    return this.sum(hour, hour + 1);
  }

  add(hour: number, amount: number) {
    if (hour < this.startHour) this.rebase(hour);
    const index = hour - this.startHour;
    if (index >= this.length) this.extend(index + 1);
    for (let i = index + 1; i <= this.length; i++) this.cum[i] = (this.cum[i] as number) + amount;
  }

  private extend(length: number) {
    if (length + 1 > this.cum.length) {
      const grown = new Float64Array(Math.max(length + 1, this.cum.length * 2));
      grown.set(this.cum.subarray(0, this.length + 1));
      this.cum = grown;
    }
    const last = this.cum[this.length] as number;
    this.cum.fill(last, this.length + 1, length + 1);
    this.length = length;
  }

  private rebase(hour: number) {
    const shift = this.startHour - hour;
    const grown = new Float64Array(this.length + shift + 9);
    grown.set(this.cum.subarray(0, this.length + 1), shift);
    this.cum = grown;
    this.length += shift;
    this.startHour = hour;
  }
}

/**
 * Splits `total` over hours in proportion to `weights` with cumulative rounding,
 * so the parts are integers that add up to exactly `total`.
 */
export function distribute(total: number, weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let weightSum = 0;
  for (let i = 0; i < weights.length; i++) weightSum += weights[i] as number;
  if (weightSum <= 0 || total <= 0) return out;
  let running = 0;
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] as number;
    const target = Math.round((total * running) / weightSum);
    out[i] = target - assigned;
    assigned = target;
  }
  return out;
}
