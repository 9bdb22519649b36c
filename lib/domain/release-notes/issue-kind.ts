/**
 * Which section a Jira issue type lands in. Type names are compared
 * case-insensitively since sites rename and re-case them. Epics only name
 * groups and subtasks roll up into their parent, so neither is listed (Jira
 * Cloud says "Subtask", company-managed projects and Server "Sub-task").
 */
export type IssueKind = "feature" | "improvement" | "fix";

const FEATURE_TYPES = new Set(["story", "new feature", "feature"]);
const BUG_TYPES = new Set(["bug"]);
const UNLISTED_TYPES = new Set(["epic", "subtask", "sub-task"]);

export function issueKind(type: string): IssueKind | null {
  const name = type.trim().toLowerCase();
  if (UNLISTED_TYPES.has(name)) return null;
  if (FEATURE_TYPES.has(name)) return "feature";
  if (BUG_TYPES.has(name)) return "fix";
  return "improvement";
}
