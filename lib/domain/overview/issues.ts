import { compareSeverity, type Severity } from "@/lib/domain/severity";

/**
 * The Overview's "what is breaking?": the Critical issues and the regressed ones (an issue that came back after it
 * was resolved), Critical first, then by how many people and events they hit. Pure.
 */
export type BreakingCandidate = {
  severity: Severity;
  /** Sentry's substatus: "regressed", "escalating", "ongoing", "new"… */
  substatus: string | null;
  userCount: number;
  eventCount: number;
};

export const isRegressed = (issue: Pick<BreakingCandidate, "substatus">) => issue.substatus === "regressed";

export const isBreaking = (issue: BreakingCandidate) => issue.severity === "critical" || isRegressed(issue);

function compareBreaking(a: BreakingCandidate, b: BreakingCandidate): number {
  return compareSeverity(a.severity, b.severity) || b.userCount - a.userCount || b.eventCount - a.eventCount;
}

/** The first `limit` breaking issues and how many there are in all, so the panel can say what it left out. */
export function pickBreakingIssues<T extends BreakingCandidate>(
  issues: readonly T[],
  limit: number,
): { shown: T[]; total: number } {
  const breaking = issues.filter(isBreaking).sort(compareBreaking);
  return { shown: breaking.slice(0, limit), total: breaking.length };
}
