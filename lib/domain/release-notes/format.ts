/** Number formats for the health and known-issues lines, independent of the server's locale. */

/** Whole number with comma thousands separators: 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return "0";
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A percent with fixed decimals, or "no data". Anything short of 100 never
 * shows as 100 (99.996 → "99.99"): a release with crashes is not crash-free.
 */
export function formatPercent(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return "no data";
  const clamped = Math.min(100, Math.max(0, value));
  const text = clamped.toFixed(decimals);
  if (clamped < 100 && Number(text) === 100) return `${(100 - 10 ** -decimals).toFixed(decimals)}%`;
  return `${text}%`;
}

/** "1 user", "2 users", "1,500 events". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${Math.round(value) === 1 ? singular : plural}`;
}
