import type { AdfDoc, JiraChangeItem, JiraIssue } from "../model";
import { FIELD_IDS, RESOLUTION_DONE, findPriority, findStatus } from "../reference";
import type { JiraSite } from "../store";

/**
 * Turns "issue before" and "issue after" into Jira changelog items, with the
 * value formats Jira Cloud uses: status/priority/resolution carry ids in
 * from/to, user fields account ids, Sprint comma-joined sprint ids, text and
 * number fields only the strings, and versions/components one item per value.
 */
export type IssueSnapshot = Pick<
  JiraIssue,
  | "summary"
  | "description"
  | "statusId"
  | "priorityId"
  | "assigneeId"
  | "reporterId"
  | "labels"
  | "componentIds"
  | "fixVersionIds"
  | "storyPoints"
  | "sprintIds"
  | "parentId"
  | "resolutionDate"
>;

export function snapshotIssue(issue: JiraIssue): IssueSnapshot {
  return {
    summary: issue.summary,
    description: issue.description,
    statusId: issue.statusId,
    priorityId: issue.priorityId,
    assigneeId: issue.assigneeId,
    reporterId: issue.reporterId,
    labels: [...issue.labels],
    componentIds: [...issue.componentIds],
    fixVersionIds: [...issue.fixVersionIds],
    storyPoints: issue.storyPoints,
    sprintIds: [...issue.sprintIds],
    parentId: issue.parentId,
    resolutionDate: issue.resolutionDate,
  };
}

type Value = { id: string | null; text: string | null };
const NONE: Value = { id: null, text: null };

function item(
  field: string,
  fieldId: string,
  before: Value,
  after: Value,
  fieldtype: JiraChangeItem["fieldtype"] = "jira",
): JiraChangeItem {
  return { field, fieldtype, fieldId, from: before.id, fromString: before.text, to: after.id, toString: after.text };
}

function adfText(doc: AdfDoc | null): string | null {
  if (!doc) return null;
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const { text, content } = node as { text?: unknown; content?: unknown };
    if (typeof text === "string") parts.push(text);
    if (Array.isArray(content)) content.forEach(walk);
  };
  walk(doc);
  return parts.join(" ");
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export function diffIssue(site: JiraSite, before: IssueSnapshot, after: JiraIssue): JiraChangeItem[] {
  const items: JiraChangeItem[] = [];
  const user = (id: string | null): Value => ({ id, text: id ? (site.findUser(id)?.displayName ?? id) : null });
  const text = (value: string | null): Value => ({ id: null, text: value });

  if (before.summary !== after.summary)
    items.push(item("summary", "summary", text(before.summary), text(after.summary)));
  if (JSON.stringify(before.description) !== JSON.stringify(after.description))
    items.push(item("description", "description", text(adfText(before.description)), text(adfText(after.description))));
  if (before.priorityId !== after.priorityId) {
    const priority = (id: string): Value => ({ id, text: findPriority(id).name });
    items.push(item("priority", "priority", priority(before.priorityId), priority(after.priorityId)));
  }
  if (before.assigneeId !== after.assigneeId)
    items.push(item("assignee", "assignee", user(before.assigneeId), user(after.assigneeId)));
  if (before.reporterId !== after.reporterId)
    items.push(item("reporter", "reporter", user(before.reporterId), user(after.reporterId)));
  if (!sameList(before.labels, after.labels))
    items.push(item("labels", "labels", text(before.labels.join(" ") || null), text(after.labels.join(" ") || null)));
  if (before.parentId !== after.parentId) {
    const parent = (id: number | null): Value =>
      id === null ? NONE : { id: String(id), text: site.issueById(id)?.key ?? String(id) };
    items.push(item("IssueParentAssociation", "parent", parent(before.parentId), parent(after.parentId)));
  }
  const components = site.projectById(after.projectId).components;
  items.push(
    ...perValue("Component", "components", before.componentIds, after.componentIds, (id) => ({
      id,
      text: components.find((c) => c.id === id)?.name ?? id,
    })),
    ...perValue("Fix Version", "fixVersions", before.fixVersionIds, after.fixVersionIds, (id) => ({
      id,
      text: site.findVersion(id)?.name ?? id,
    })),
  );
  if (before.storyPoints !== after.storyPoints) {
    const points = (value: number | null): Value => text(value === null ? null : String(value));
    items.push(
      item(
        "Story point estimate",
        FIELD_IDS.storyPoints,
        points(before.storyPoints),
        points(after.storyPoints),
        "custom",
      ),
    );
  }
  if (!sameList(before.sprintIds, after.sprintIds)) {
    const sprints = (ids: number[]): Value =>
      ids.length === 0
        ? NONE
        : { id: ids.join(", "), text: ids.map((id) => site.findSprint(id)?.name ?? String(id)).join(", ") };
    items.push(item("Sprint", FIELD_IDS.sprint, sprints(before.sprintIds), sprints(after.sprintIds), "custom"));
  }
  if ((before.resolutionDate === null) !== (after.resolutionDate === null)) {
    const resolution = (resolved: boolean): Value =>
      resolved ? { id: RESOLUTION_DONE.id, text: RESOLUTION_DONE.name } : NONE;
    items.push(
      item(
        "resolution",
        "resolution",
        resolution(before.resolutionDate !== null),
        resolution(after.resolutionDate !== null),
      ),
    );
  }
  if (before.statusId !== after.statusId) {
    const status = (id: string): Value => ({ id, text: findStatus(id).name });
    items.push(item("status", "status", status(before.statusId), status(after.statusId)));
  }
  return items;
}

/** Multi-value fields get one item per added or removed value, as Jira records them. */
function perValue(
  field: string,
  fieldId: string,
  before: string[],
  after: string[],
  describe: (id: string) => Value,
): JiraChangeItem[] {
  const removed = before.filter((id) => !after.includes(id)).map((id) => item(field, fieldId, describe(id), NONE));
  const added = after.filter((id) => !before.includes(id)).map((id) => item(field, fieldId, NONE, describe(id)));
  return [...removed, ...added];
}
