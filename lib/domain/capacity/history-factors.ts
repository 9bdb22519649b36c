/**
 * Planning factors learnt from closed sprints. Both are ratios of sums rather
 * than averages of per-sprint ratios, so a short sprint with one lucky ticket
 * does not weigh as much as a full one.
 */
export type FocusHistory = { completedPoints: number; availablePersonDays: number };
export type InterruptHistory = { committedPoints: number; addedPoints: number };

/** Used when no sprint has a commitment to compare against; a common rule of thumb for unplanned work. */
export const DEFAULT_INTERRUPT_RATE = 0.1;
const MAX_BUFFER_PERCENT = 50;

/**
 * Story points completed per available person-day across the history. Sprints
 * without available days (or with non-finite numbers) are skipped; when none
 * remain, `fallback` is returned.
 */
export function deriveFocusFactor(history: FocusHistory[], fallback: number): number {
  const usable = history.filter(
    (s) => s.availablePersonDays > 0 && Number.isFinite(s.availablePersonDays) && Number.isFinite(s.completedPoints),
  );
  if (usable.length === 0) return fallback;
  return sum(usable.map((s) => s.completedPoints)) / sum(usable.map((s) => s.availablePersonDays));
}

/**
 * Share of a sprint's points added after it started (0–1): added ÷ committed
 * over the history, clamped. With no committed points to compare against it is
 * DEFAULT_INTERRUPT_RATE.
 */
export function deriveInterruptRate(history: InterruptHistory[]): number {
  const usable = history.filter(
    (s) => s.committedPoints > 0 && Number.isFinite(s.committedPoints) && Number.isFinite(s.addedPoints),
  );
  if (usable.length === 0) return DEFAULT_INTERRUPT_RATE;
  const rate = sum(usable.map((s) => Math.max(0, s.addedPoints))) / sum(usable.map((s) => s.committedPoints));
  return Math.min(1, rate);
}

/**
 * Capacity to hold back for interruptions, in whole percent, 0–50. Above half
 * a sprint the plan is mostly fiction; that is a process problem, not a buffer.
 */
export function suggestedBufferPercent(interruptRate: number): number {
  if (!Number.isFinite(interruptRate)) return 0;
  return Math.min(MAX_BUFFER_PERCENT, Math.max(0, Math.round(interruptRate * 100)));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
