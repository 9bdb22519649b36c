import type { RemainingWork } from "./types";

/** An open issue as the forecast needs it. */
export type OpenIssue = {
  key: string;
  issueType: string;
  points: number | null;
  statusCategory: "new" | "indeterminate" | "done";
  epic: { key: string; name: string } | null;
  fixVersions: string[];
};

export type WorkGroup = { key: string; name: string; remaining: RemainingWork };

/** Epics are containers: their own points would count their children twice. */
const isWork = (issue: OpenIssue) => issue.statusCategory !== "done" && issue.issueType !== "Epic";

export function remainingOf(issues: OpenIssue[]): RemainingWork {
  const open = issues.filter(isWork);
  return {
    points: open.reduce((sum, issue) => sum + (issue.points ?? 0), 0),
    issues: open.length,
    unestimatedIssues: open.filter((issue) => issue.points === null).length,
  };
}

/** The open work of each epic that has any, largest first (then by key). */
export function remainingByEpic(issues: OpenIssue[]): WorkGroup[] {
  const groups = new Map<string, { name: string; issues: OpenIssue[] }>();
  for (const issue of issues.filter(isWork)) {
    if (!issue.epic) continue;
    const group = groups.get(issue.epic.key) ?? { name: issue.epic.name, issues: [] };
    group.issues.push(issue);
    groups.set(issue.epic.key, group);
  }
  return sortGroups([...groups].map(([key, g]) => ({ key, name: g.name, remaining: remainingOf(g.issues) })));
}

/** The open work of each of the given (unreleased) fixVersions that has any. */
export function remainingByVersion(issues: OpenIssue[], versions: string[]): WorkGroup[] {
  return sortGroups(
    versions
      .map((name) => ({ key: name, name, remaining: remainingOf(issues.filter((i) => i.fixVersions.includes(name))) }))
      .filter((group) => group.remaining.issues > 0),
  );
}

const sortGroups = (groups: WorkGroup[]) =>
  groups.sort((a, b) => b.remaining.issues - a.remaining.issues || a.key.localeCompare(b.key));
