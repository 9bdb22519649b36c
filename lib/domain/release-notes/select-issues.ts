import { type IssueKind, issueKind } from "./issue-kind";
import type { ReleaseNotesOptions } from "./options";
import type { ReleaseIssue } from "./types";

export type ListedIssue = { issue: ReleaseIssue; kind: IssueKind; done: boolean };
export type Selection = { listed: ListedIssue[]; excluded: number; notDone: number };

/**
 * The issues a variant lists. Internal lists every listable issue; customer
 * lists done issues without an excluded label. The counts partition what the
 * customer leaves out: an issue that is both unfinished and labelled counts
 * as not done, so `notDone` is the same number in both variants.
 */
export function selectIssues(
  issues: ReleaseIssue[],
  options: Pick<ReleaseNotesOptions, "variant" | "excludedLabels">,
): Selection {
  const excludedLabels = new Set(options.excludedLabels.map((label) => label.trim().toLowerCase()));
  const listed: ListedIssue[] = [];
  let excluded = 0;
  let notDone = 0;
  for (const issue of issues) {
    const kind = issueKind(issue.type);
    if (kind === null) continue;
    const done = issue.statusCategory === "done";
    if (!done) notDone++;
    if (options.variant === "customer") {
      if (!done) continue;
      if (issue.labels.some((label) => excludedLabels.has(label.trim().toLowerCase()))) {
        excluded++;
        continue;
      }
    }
    listed.push({ issue, kind, done });
  }
  return { listed, excluded, notDone };
}
