/**
 * Share of sessions (or users) without a crash, in percent with two decimals;
 * null when there is nothing to measure. A release with any crash never shows
 * 100%, which plain rounding would report from 99.995% up.
 */
export function crashFreeRate(total: number, crashed: number): number | null {
  if (total <= 0) return null;
  const crashes = Math.min(total, Math.max(0, crashed));
  const rate = Math.round(((total - crashes) / total) * 10_000) / 100;
  return crashes > 0 && rate === 100 ? 99.99 : rate;
}
