import type { JiraChange, JiraEvent, JiraStatusCategory } from "../jira-events/events";

/**
 * A running sprint's scope changes, read from one Jira issue event. Pure. Each
 * change names the sprint, the issue, what happened and the points involved,
 * and carries a source key built from the delivery's key and the changelog
 * item's index, so a redelivered event yields the same keys and is stored once.
 *
 * - a `Sprint` item (from/to are comma-joined sprint ids) adds the issue to the
 *   sprints it joins and removes it from those it leaves;
 * - a status change into the done category completes it, out of it reopens it;
 * - a change of the estimation field re-estimates it (with the points before);
 * - an issue created (or deleted) directly in a sprint is added (or removed).
 *
 * Only sprints in `openSprintIds` (started, not closed) count: scope before the
 * start is the commitment, and after the close it no longer matters.
 */
export type ScopeChangeKind = "added" | "removed" | "completed" | "reopened" | "estimated";

export type ScopeChangeRecord = {
  sprintId: number;
  issueKey: string;
  kind: ScopeChangeKind;
  /** The issue's points after the change (null when unestimated). */
  points: number | null;
  /** The points before an estimate change; null otherwise. */
  previousPoints: number | null;
  occurredAt: string;
  /** The UTC day of occurredAt (YYYY-MM-DD). */
  day: string;
  sourceKey: string;
};

/** Jira Cloud's story-points field, used when the board names no estimation field. */
export const DEFAULT_ESTIMATION_FIELD = "customfield_10016";
const SPRINT_FIELD_ID = "customfield_10020";

export type ScopeChangeInput = {
  event: JiraEvent;
  /** The delivery's key (X-Atlassian-Webhook-Identifier, or the body's hash). */
  sourceKey: string;
  openSprintIds: ReadonlySet<number>;
  /** The board's estimation field; DEFAULT_ESTIMATION_FIELD when unknown. */
  estimationField: string | null;
  /** Status id → category, for the status an issue left (the event only says where it is now). */
  statusCategories: Readonly<Record<string, JiraStatusCategory>>;
};

/** Sprint ids from a changelog's comma-joined value ("12, 13"); anything else is skipped. */
export function parseSprintIds(value: string | null): number[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number);
}

/** A number from a changelog value ("5", "2.5"); blank or anything else is null. */
function parsePoints(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const isSprintItem = (change: JiraChange) => change.fieldId === SPRINT_FIELD_ID || change.field === "Sprint";
const isStatusItem = (change: JiraChange) => change.fieldId === "status" || change.field === "status";

export function scopeChangesFromIssueEvent({
  event,
  sourceKey,
  openSprintIds,
  estimationField,
  statusCategories,
}: ScopeChangeInput): ScopeChangeRecord[] {
  if (event.type !== "jira.issue") return [];
  const { issue, at } = event;
  const field = estimationField ?? DEFAULT_ESTIMATION_FIELD;
  const currentPoints = issue.numericFields[field] ?? null;
  const open = (ids: number[]) => ids.filter((id) => openSprintIds.has(id));
  const record = (
    sprintId: number,
    kind: ScopeChangeKind,
    key: string,
    points: number | null = currentPoints,
    previousPoints: number | null = null,
  ): ScopeChangeRecord => ({
    sprintId,
    issueKey: issue.key,
    kind,
    points,
    previousPoints,
    occurredAt: at,
    day: at.slice(0, 10),
    sourceKey: `${sourceKey}:${key}:${sprintId}`,
  });

  if (event.action === "created") return open(issue.sprintIds).map((id) => record(id, "added", "created"));
  if (event.action === "deleted") return open(issue.sprintIds).map((id) => record(id, "removed", "deleted"));

  const changes: ScopeChangeRecord[] = [];
  event.changes.forEach((change, index) => {
    if (isSprintItem(change)) {
      const before = parseSprintIds(change.from);
      const after = parseSprintIds(change.to);
      for (const id of open(after.filter((id) => !before.includes(id)))) changes.push(record(id, "added", `${index}`));
      for (const id of open(before.filter((id) => !after.includes(id))))
        changes.push(record(id, "removed", `${index}`));
      return;
    }
    if (isStatusItem(change)) {
      const from = change.from === null ? undefined : statusCategories[change.from];
      const to =
        (change.to === null ? undefined : statusCategories[change.to]) ??
        (issue.status && change.to === issue.status.id ? issue.status.category : undefined);
      // Done → another done status is no change of scope; an unknown "from" is taken as not done.
      const kind =
        to === "done" && from !== "done" ? "completed" : from === "done" && to && to !== "done" ? "reopened" : null;
      if (kind) for (const id of open(issue.sprintIds)) changes.push(record(id, kind, `${index}`));
      return;
    }
    if ((change.fieldId ?? change.field) === field) {
      const after = parsePoints(change.toString) ?? parsePoints(change.to);
      const before = parsePoints(change.fromString) ?? parsePoints(change.from);
      if (after === before) return;
      for (const id of open(issue.sprintIds)) changes.push(record(id, "estimated", `${index}`, after, before));
    }
  });
  return changes;
}

export type ScopeItem = { key: string; points: number | null };

/**
 * What a sprint held at its start, from what it holds now and the scope
 * changes recorded since the start, undone newest first: an issue added later
 * leaves, one removed later comes back with its points, a re-estimate goes
 * back to the points before it. With no changes recorded, that is the sprint as it is.
 */
export function replayToStart(
  current: ScopeItem[],
  changesSinceStart: Pick<ScopeChangeRecord, "issueKey" | "kind" | "points" | "previousPoints" | "occurredAt">[],
): ScopeItem[] {
  const held = new Map(current.map((item) => [item.key, item.points]));
  const newestFirst = [...changesSinceStart].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  for (const change of newestFirst) {
    if (change.kind === "added") held.delete(change.issueKey);
    else if (change.kind === "removed") held.set(change.issueKey, change.points);
    else if (change.kind === "estimated" && held.has(change.issueKey)) held.set(change.issueKey, change.previousPoints);
  }
  return [...held].map(([key, points]) => ({ key, points }));
}
