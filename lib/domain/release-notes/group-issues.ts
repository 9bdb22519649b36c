import { compareIssueKeys, compareText } from "./compare";
import type { IssueKind } from "./issue-kind";
import type { ReleaseNotesOptions } from "./options";
import type { ListedIssue } from "./select-issues";

/** `name` null is the "Other" group: issues without a component (or epic). */
export type IssueGroup = { name: string | null; items: ListedIssue[] };
export type IssueSection = { kind: IssueKind; groups: IssueGroup[] };

const SECTION_ORDER: readonly IssueKind[] = ["feature", "improvement", "fix"];

/**
 * Sections in reading order (features, improvements, fixes), only those with
 * items; within each, groups by name with "Other" last, items by key number.
 */
export function groupIssues(listed: ListedIssue[], groupBy: ReleaseNotesOptions["groupBy"]): IssueSection[] {
  return SECTION_ORDER.map((kind) => ({
    kind,
    groups: groupsOf(
      listed.filter((item) => item.kind === kind),
      groupBy,
    ),
  })).filter((section) => section.groups.length > 0);
}

function groupsOf(items: ListedIssue[], groupBy: ReleaseNotesOptions["groupBy"]): IssueGroup[] {
  const byName = new Map<string | null, ListedIssue[]>();
  for (const item of items) {
    const name = groupName(item, groupBy);
    const group = byName.get(name);
    if (group) group.push(item);
    else byName.set(name, [item]);
  }
  return [...byName]
    .map(([name, groupItems]) => ({
      name,
      items: groupItems.sort((a, b) => compareIssueKeys(a.issue.key, b.issue.key)),
    }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : compareText(a.name, b.name)));
}

/** The first component or the epic's summary; blank names count as none. */
function groupName({ issue }: ListedIssue, groupBy: ReleaseNotesOptions["groupBy"]): string | null {
  const name = groupBy === "component" ? issue.components[0] : issue.epic?.summary;
  return name?.trim() || null;
}
