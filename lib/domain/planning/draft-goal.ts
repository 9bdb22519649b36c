import type { PlanIssue } from "./types";

/** A theme makes the goal when it holds at least this share of the planned points. */
const DOMINANT_SHARE = 0.2;
const MAX_THEMES = 2;

/**
 * A sprint goal from what the plan spends most points on: its top epics
 * ("Finish Berth scheduling and advance Customs e-filing"; "finish" when no
 * issue of the epic stays in the backlog), or its top components when no
 * planned issue has an epic. Empty when nothing is planned.
 */
export function draftGoal(planned: PlanIssue[], backlog: PlanIssue[]): string {
  const withEpic = planned.filter((issue) => issue.epic !== null);
  if (withEpic.length > 0) {
    const plannedKeys = new Set(planned.map((issue) => issue.key));
    const unfinishedEpics = new Set(
      backlog.filter((issue) => !plannedKeys.has(issue.key) && issue.epic).map((issue) => issue.epic?.key),
    );
    const epics = dominantThemes(withEpic, (issue) => issue.epic?.key ?? "");
    const names = new Map(withEpic.map((issue) => [issue.epic?.key, issue.epic?.name ?? ""]));
    const finish = epics.filter((key) => !unfinishedEpics.has(key)).map((key) => names.get(key) ?? key);
    const advance = epics.filter((key) => unfinishedEpics.has(key)).map((key) => names.get(key) ?? key);
    const clauses = [
      finish.length > 0 ? `finish ${finish.join(" and ")}` : "",
      advance.length > 0 ? `advance ${advance.join(" and ")}` : "",
    ].filter(Boolean);
    return capitalize(clauses.join(" and "));
  }
  const components = dominantThemes(
    planned.filter((issue) => issue.component !== null),
    (issue) => issue.component ?? "",
  );
  if (components.length > 0) return `Focus on ${components.join(" and ")} work`;
  return planned.length > 0 ? "Deliver the top of the backlog" : "";
}

/** Themes by planned points, largest first (ties by name), keeping the top one and any other dominant one. */
function dominantThemes(issues: PlanIssue[], themeOf: (issue: PlanIssue) => string): string[] {
  const pointsByTheme = new Map<string, number>();
  for (const issue of issues)
    pointsByTheme.set(themeOf(issue), (pointsByTheme.get(themeOf(issue)) ?? 0) + (issue.points ?? 0));
  const total = [...pointsByTheme.values()].reduce((sum, points) => sum + points, 0);
  const ranked = [...pointsByTheme].sort(
    ([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
  );
  return ranked
    .filter(([, points], index) => index === 0 || (index < MAX_THEMES && points >= total * DOMINANT_SHARE))
    .map(([theme]) => theme);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
