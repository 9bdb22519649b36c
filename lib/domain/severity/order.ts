import type { Severity } from "./types";

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];

/** Sort comparator that puts critical first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b);
}
