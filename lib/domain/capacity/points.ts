import { roundTo } from "./round";

/** Unestimated issues count as zero. */
export function sumPoints(issues: { points: number | null }[]): number {
  return roundTo(
    issues.reduce((total, issue) => total + (issue.points ?? 0), 0),
    1,
  );
}
