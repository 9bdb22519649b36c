import { formatDuration } from "./vitals";

/** A sample count as people say it: 812, 1.2k, 41k, 1.3M. */
export function formatCount(count: number): string {
  if (count < 1000) return String(Math.round(count));
  if (count < 10_000) return `${trimZero((count / 1000).toFixed(1))}k`;
  if (count < 1_000_000) return `${Math.round(count / 1000)}k`;
  return `${trimZero((count / 1_000_000).toFixed(1))}M`;
}

/** "+26%" or "−4%", whole percent. */
export function formatChangePercent(changePercent: number): string {
  const rounded = Math.round(changePercent);
  return rounded < 0 ? `−${Math.abs(rounded)}%` : `+${rounded}%`;
}

export { formatDuration };

function trimZero(text: string): string {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}
