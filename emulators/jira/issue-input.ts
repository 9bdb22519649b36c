import type { AdfDoc, JiraIssue, JiraProject } from "./model";
import type { JiraSite } from "./store";
import { FIELD_IDS, ISSUE_TYPES, ISSUE_TYPE_IDS, PRIORITIES, findIssueType } from "./reference";

/**
 * Validates the `fields` and `update` of an issue create or edit the way
 * Jira does: every problem is reported per field in `errors`, and nothing is
 * applied unless the whole input is valid.
 */
export type IssueChanges = Partial<
  Pick<
    JiraIssue,
    | "summary"
    | "description"
    | "assigneeId"
    | "reporterId"
    | "priorityId"
    | "labels"
    | "componentIds"
    | "fixVersionIds"
    | "parentId"
    | "storyPoints"
  >
> & {
  /** A sprint to move into (null: out of any open sprint). */
  sprintId?: number | null;
};

type Ref = { id?: unknown; key?: unknown; name?: unknown; accountId?: unknown };

const CANNOT_SET = (field: string) =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
const HIERARCHY = "Given parent work item does not belong to appropriate hierarchy.";
const ARRAY_FIELDS = new Set(["labels", "components", "fixVersions"]);

export function resolveIssueType(ref: unknown): string | null {
  if (!ref || typeof ref !== "object") return null;
  const { id, name } = ref as Ref;
  const type = ISSUE_TYPES.find(
    (t) =>
      (id !== undefined && t.id === String(id)) ||
      (typeof name === "string" && t.name.toLowerCase() === name.toLowerCase()),
  );
  return type?.id ?? null;
}

function isAdf(value: unknown): value is AdfDoc {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "doc" &&
    Array.isArray((value as { content?: unknown }).content)
  );
}

function refIds(
  project: JiraProject,
  site: JiraSite,
  kind: "components" | "fixVersions",
  refs: unknown,
  errors: Record<string, string>,
): string[] | null {
  if (!Array.isArray(refs)) {
    errors[kind] = `The '${kind}' field must be a list.`;
    return null;
  }
  const ids: string[] = [];
  for (const ref of refs as Ref[]) {
    const id = ref?.id !== undefined ? String(ref.id) : undefined;
    const name = typeof ref?.name === "string" ? ref.name : undefined;
    if (kind === "components") {
      const found = project.components.find(
        (c) => c.id === id || (name !== undefined && c.name.toLowerCase() === name.toLowerCase()),
      );
      if (!found) {
        errors.components = id
          ? `Component with id '${id}' does not exist.`
          : `Component name '${name ?? ""}' is not valid`;
        return null;
      }
      ids.push(found.id);
    } else {
      const found = site.data.versions.find(
        (v) => v.projectId === project.id && (v.id === id || (name !== undefined && v.name === name)),
      );
      if (!found) {
        errors.fixVersions = id ? `Version id '${id}' is not valid` : `Version name '${name ?? ""}' is not valid`;
        return null;
      }
      ids.push(found.id);
    }
  }
  return [...new Set(ids)];
}

/** Applies `update: {labels:[{add},{remove},{set}], ...}` onto the current values, producing plain `fields` values. */
function mergeUpdate(
  fields: Record<string, unknown>,
  update: Record<string, unknown>,
  existing: JiraIssue | null,
  site: JiraSite,
  project: JiraProject,
  errors: Record<string, string>,
) {
  for (const [field, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[field] = `Operations for '${field}' must be a list.`;
      continue;
    }
    if (!ARRAY_FIELDS.has(field)) {
      for (const op of operations as Record<string, unknown>[]) {
        if (op && "set" in op) fields[field] = op.set;
        else errors[field] = `Only the 'set' operation is supported for the field '${field}'.`;
      }
      continue;
    }
    const kind = field as "labels" | "components" | "fixVersions";
    let current: string[] =
      kind === "labels"
        ? [...(existing?.labels ?? [])]
        : kind === "components"
          ? [...(existing?.componentIds ?? [])]
          : [...(existing?.fixVersionIds ?? [])];
    const toIds = (value: unknown): string[] | null =>
      kind === "labels"
        ? Array.isArray(value)
          ? value.map(String)
          : [String(value)]
        : refIds(project, site, kind, Array.isArray(value) ? value : [value], errors);
    for (const op of operations as Record<string, unknown>[]) {
      const [name, value] = Object.entries(op ?? {})[0] ?? [];
      const ids = toIds(value);
      if (!ids) return;
      if (name === "set") current = ids;
      else if (name === "add") current = [...new Set([...current, ...ids])];
      else if (name === "remove") current = current.filter((c) => !ids.includes(c));
      else errors[field] = `Unsupported operation '${String(name)}' for the field '${field}'.`;
    }
    fields[field] = kind === "labels" ? current : current.map((id) => ({ id }));
  }
}

export type InputContext = { site: JiraSite; project: JiraProject; issueTypeId: string; existing: JiraIssue | null };

export function validateIssueInput(
  ctx: InputContext,
  rawFields: unknown,
  rawUpdate: unknown,
): { changes: IssueChanges; errors: Record<string, string> } {
  const { site, project, issueTypeId, existing } = ctx;
  const errors: Record<string, string> = {};
  const changes: IssueChanges = {};
  const fields: Record<string, unknown> = { ...((rawFields ?? {}) as Record<string, unknown>) };
  if (rawUpdate && typeof rawUpdate === "object")
    mergeUpdate(fields, rawUpdate as Record<string, unknown>, existing, site, project, errors);
  const isCreate = existing === null;

  for (const [field, value] of Object.entries(fields)) {
    switch (field) {
      case "project":
      case "issuetype":
        if (!isCreate) errors[field] = CANNOT_SET(field);
        break;
      case "summary":
        if (typeof value !== "string" || value.trim() === "")
          errors.summary = "You must specify a summary of the issue.";
        else if (value.length > 255) errors.summary = "Summary must be less than 255 characters.";
        else changes.summary = value;
        break;
      case "description":
        if (value === null) changes.description = null;
        else if (isAdf(value)) changes.description = value;
        else errors.description = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
        break;
      case "assignee":
      case "reporter": {
        const accountId = value === null ? null : ((value as Ref)?.accountId ?? (value as Ref)?.id);
        if (accountId === null && field === "assignee") changes.assigneeId = null;
        else if (typeof accountId === "string" && site.findUser(accountId)) {
          if (field === "assignee") changes.assigneeId = accountId;
          else changes.reporterId = accountId;
        } else
          errors[field] =
            field === "assignee"
              ? `User '${String(accountId)}' cannot be assigned issues.`
              : "Specify a valid value for reporter";
        break;
      }
      case "priority": {
        const { id, name } = (value ?? {}) as Ref;
        const priority = PRIORITIES.find(
          (p) =>
            (id !== undefined && p.id === String(id)) ||
            (typeof name === "string" && p.name.toLowerCase() === name.toLowerCase()),
        );
        if (priority) changes.priorityId = priority.id;
        else errors.priority = "Specify the Priority (id or name) in the string format";
        break;
      }
      case "labels":
        if (!Array.isArray(value) || value.some((l) => typeof l !== "string"))
          errors.labels = "The 'labels' field must be a list of strings.";
        else if (value.some((l: string) => /\s/.test(l) || l === ""))
          errors.labels = `The label '${(value as string[]).find((l) => /\s/.test(l) || l === "")}' contains spaces which is invalid.`;
        else changes.labels = [...new Set(value as string[])];
        break;
      case "components": {
        const ids = refIds(project, site, "components", value, errors);
        if (ids) changes.componentIds = ids;
        break;
      }
      case "fixVersions": {
        const ids = refIds(project, site, "fixVersions", value, errors);
        if (ids) changes.fixVersionIds = ids;
        break;
      }
      case "parent": {
        if (value === null) {
          changes.parentId = null;
          break;
        }
        const { id, key } = (value ?? {}) as Ref;
        const parent = site.findIssue(String(key ?? id ?? ""));
        if (!parent) errors.parent = `Could not find issue by id or key.`;
        else changes.parentId = parent.id;
        break;
      }
      case FIELD_IDS.storyPoints:
        if (value === null || (typeof value === "number" && Number.isFinite(value) && value >= 0))
          changes.storyPoints = value as number | null;
        else errors[field] = "Number value expected as the Story point estimate.";
        break;
      case FIELD_IDS.sprint: {
        const sprintId =
          value === null
            ? null
            : typeof value === "number"
              ? value
              : typeof value === "object" && value !== null && "id" in value
                ? Number((value as Ref).id)
                : Number(value);
        if (sprintId === null) changes.sprintId = null;
        else {
          const sprint = Number.isInteger(sprintId) ? site.findSprint(sprintId) : undefined;
          if (!sprint) errors[field] = `Sprint with id '${String(value)}' does not exist.`;
          else if (sprint.state === "closed") errors[field] = "Issue can be assigned only active or future sprints.";
          else changes.sprintId = sprint.id;
        }
        break;
      }
      default:
        errors[field] = CANNOT_SET(field);
    }
  }

  if (isCreate && changes.summary === undefined && !errors.summary)
    errors.summary = "You must specify a summary of the issue.";
  checkHierarchy(
    site,
    project,
    issueTypeId,
    isCreate ? changes.parentId : "parentId" in changes ? changes.parentId : undefined,
    isCreate,
    errors,
  );
  return { changes, errors };
}

function checkHierarchy(
  site: JiraSite,
  project: JiraProject,
  issueTypeId: string,
  parentId: number | null | undefined,
  isCreate: boolean,
  errors: Record<string, string>,
) {
  if (errors.parent) return;
  const type = findIssueType(issueTypeId);
  if (type.subtask && isCreate && (parentId === undefined || parentId === null)) {
    errors.parent = "Subtasks must have a parent. Specify the parent issue key or id.";
    return;
  }
  if (parentId === undefined || parentId === null) return;
  const parent = site.issueById(parentId) as JiraIssue;
  const parentType = findIssueType(parent.issueTypeId);
  const fits = type.subtask
    ? !parentType.subtask && parent.issueTypeId !== ISSUE_TYPE_IDS.epic && parent.projectId === project.id
    : type.hierarchyLevel === 0 && parent.issueTypeId === ISSUE_TYPE_IDS.epic;
  if (!fits) errors.parent = HIERARCHY;
}
