import type { JiraIssue, JiraSprint, JiraUser } from "./model";
import type { JiraSite } from "./store";
import { PRIORITY_IDS, STATUS_IDS, TRANSITIONS, findIssueType, findStatus } from "./reference";
import { type IssueChanges, resolveIssueType, validateIssueInput } from "./issue-input";

/** State changes on issues shared by the platform and Agile endpoints. */
export type CreateInput = { fields?: unknown; update?: unknown; transition?: unknown };
export type CreateResult =
  { issue: JiraIssue; errors?: undefined } | { issue?: undefined; errors: Record<string, string>; messages: string[] };

/** Moves issues (and their subtasks, which follow their parent) into `sprint`, or to the backlog with null; closed-sprint history stays. */
export function moveToSprint(site: JiraSite, issues: JiraIssue[], sprint: JiraSprint | null, now: number) {
  const children = site.indexes().children;
  const targets = issues.flatMap((issue) => [
    issue,
    ...(children.get(issue.id) ?? []).filter((c) => findIssueType(c.issueTypeId).subtask),
  ]);
  for (const target of targets) {
    target.sprintIds = target.sprintIds.filter((id) => site.findSprint(id)?.state === "closed");
    if (sprint && !target.sprintIds.includes(sprint.id)) target.sprintIds.push(sprint.id);
    target.updated = now;
  }
  site.touch();
}

function applyChanges(site: JiraSite, issue: JiraIssue, changes: IssueChanges, now: number) {
  const { sprintId, ...plain } = changes;
  Object.assign(issue, plain);
  issue.updated = now;
  if (sprintId !== undefined)
    moveToSprint(site, [issue], sprintId === null ? null : (site.findSprint(sprintId) ?? null), now);
  site.touch();
}

export function createIssue(site: JiraSite, input: CreateInput, reporter: JiraUser, now: number): CreateResult {
  const fields = (input.fields ?? {}) as Record<string, unknown>;
  const projectRef = fields.project as { id?: unknown; key?: unknown } | undefined;
  const project = projectRef ? site.findProject(String(projectRef.key ?? projectRef.id ?? "")) : undefined;
  const issueTypeId = resolveIssueType(fields.issuetype);
  const errors: Record<string, string> = {};
  if (!project) errors.project = "Specify a valid project ID or key";
  if (!issueTypeId) errors.issuetype = "Specify an issue type";
  if (!project || !issueTypeId) return { errors, messages: [] };

  const checked = validateIssueInput({ site, project, issueTypeId, existing: null }, fields, input.update);
  if (Object.keys(checked.errors).length > 0) return { errors: checked.errors, messages: [] };

  const number = project.nextNumber++;
  const parent = checked.changes.parentId ? site.issueById(checked.changes.parentId) : undefined;
  const issue: JiraIssue = {
    id: site.data.nextIds.issue++,
    key: `${project.key}-${number}`,
    number,
    projectId: project.id,
    issueTypeId,
    summary: "",
    description: null,
    statusId: STATUS_IDS.todo,
    priorityId: PRIORITY_IDS.medium,
    assigneeId: null,
    reporterId: reporter.accountId,
    labels: [],
    componentIds: [],
    fixVersionIds: [],
    storyPoints: null,
    // A new subtask sits in its parent's sprint, as on the board.
    sprintIds: parent && findIssueType(issueTypeId).subtask ? [...parent.sprintIds] : [],
    parentId: null,
    rank: 0,
    created: now,
    updated: now,
    resolutionDate: null,
    statusCategoryChangeDate: now,
    comments: [],
    remoteLinks: [],
  };
  site.addIssue(issue);
  applyChanges(site, issue, checked.changes, now);
  return { issue };
}

export function editIssue(
  site: JiraSite,
  issue: JiraIssue,
  input: CreateInput,
  now: number,
): Record<string, string> | null {
  const project = site.projectById(issue.projectId);
  const checked = validateIssueInput(
    { site, project, issueTypeId: issue.issueTypeId, existing: issue },
    input.fields,
    input.update,
  );
  if (Object.keys(checked.errors).length > 0) return checked.errors;
  applyChanges(site, issue, checked.changes, now);
  return null;
}

export function transitionsFrom(issue: JiraIssue) {
  return TRANSITIONS.filter((t) => t.from === issue.statusId);
}

/** Runs a workflow transition; returns false when it is not available from the issue's status. */
export function transitionIssue(site: JiraSite, issue: JiraIssue, transitionId: string, now: number): boolean {
  const transition = transitionsFrom(issue).find((t) => t.id === transitionId);
  if (!transition) return false;
  const before = findStatus(issue.statusId).category;
  const after = findStatus(transition.to).category;
  issue.statusId = transition.to;
  if (before !== after) issue.statusCategoryChangeDate = now;
  issue.resolutionDate = after === "done" ? now : null;
  issue.updated = now;
  site.touch();
  return true;
}
