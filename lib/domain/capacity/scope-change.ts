import type { HealthIssue } from "./health-types";
import { sumPoints } from "./points";
import { roundTo } from "./round";

export type SprintStartSnapshot = { keys: string[]; committedPoints: number };
export type ScopeChange = { addedKeys: string[]; removedKeys: string[]; addedPoints: number; removedPoints: number };

/**
 * What came into and left the sprint since it started. The snapshot keeps only
 * the total commitment, not each issue's estimate, so removed points are the
 * start commitment minus the issues still here (at today's estimates), and are
 * zero when nothing was removed, so a re-estimate alone is not a removal.
 */
export function compareWithStart(issues: HealthIssue[], snapshot: SprintStartSnapshot | null): ScopeChange {
  if (!snapshot) return { addedKeys: [], removedKeys: [], addedPoints: 0, removedPoints: 0 };
  const atStart = new Set(snapshot.keys);
  const current = new Set(issues.map((issue) => issue.key));
  const added = issues.filter((issue) => !atStart.has(issue.key));
  const kept = issues.filter((issue) => atStart.has(issue.key));
  const removedKeys = snapshot.keys.filter((key) => !current.has(key));
  const removedPoints = removedKeys.length === 0 ? 0 : Math.max(0, snapshot.committedPoints - sumPoints(kept));
  return {
    addedKeys: added.map((issue) => issue.key),
    removedKeys,
    addedPoints: sumPoints(added),
    removedPoints: roundTo(removedPoints, 1),
  };
}
