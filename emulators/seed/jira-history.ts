import type { JiraChangeHistory, JiraChangeItem, JiraSiteData } from "../jira/model";
import { FIELD_IDS, RESOLUTION_DONE, STATUS_IDS, STATUSES } from "../jira/reference";
import type { SeededSprintAddition } from "./jira-issues";

/**
 * Changelog entries for the seeded issues, consistent with their dates: an
 * issue that left To Do did so at its status-category change date (with the
 * Done resolution when it is done), so a replay of the changelog sees the same
 * completions the issues show. Issues put into a sprint after it started have
 * a Sprint change at that moment (as Jira records one); the sprints issues were
 * planned into before a start are not recorded, nor are sub-tasks' moves.
 */
const statusName = (id: string) => STATUSES.find((s) => s.id === id)?.name ?? id;

function statusItems(statusId: string, resolved: boolean): JiraChangeItem[] {
  const status: JiraChangeItem = {
    field: "status",
    fieldtype: "jira",
    fieldId: "status",
    from: STATUS_IDS.todo,
    fromString: statusName(STATUS_IDS.todo),
    to: statusId,
    toString: statusName(statusId),
  };
  if (!resolved) return [status];
  const resolution: JiraChangeItem = {
    field: "resolution",
    fieldtype: "jira",
    fieldId: "resolution",
    from: null,
    fromString: null,
    to: RESOLUTION_DONE.id,
    toString: RESOLUTION_DONE.name,
  };
  return [resolution, status];
}

/** The Sprint item as Jira writes it: comma-joined sprint ids and names, null for none. */
function sprintItem(site: JiraSiteData, before: number[], after: number[]): JiraChangeItem {
  const ids = (list: number[]) => (list.length === 0 ? null : list.join(", "));
  const names = (list: number[]) =>
    list.length === 0 ? null : list.map((id) => site.sprints.find((s) => s.id === id)?.name ?? String(id)).join(", ");
  return {
    field: "Sprint",
    fieldtype: "custom",
    fieldId: FIELD_IDS.sprint,
    from: ids(before),
    fromString: names(before),
    to: ids(after),
    toString: names(after),
  };
}

type Entry = Omit<JiraChangeHistory, "id">;

export function seedChangeHistories(site: JiraSiteData, additions: SeededSprintAddition[] = []): JiraChangeHistory[] {
  const statusChanges: Entry[] = site.issues
    .filter((issue) => issue.statusId !== STATUS_IDS.todo)
    .map((issue) => ({
      issueId: issue.id,
      authorId: issue.assigneeId ?? issue.reporterId,
      created: issue.statusCategoryChangeDate,
      items: statusItems(issue.statusId, issue.resolutionDate !== null),
    }));
  const sprintChanges: Entry[] = additions.map(({ issue, sprintId, at, before }) => ({
    issueId: issue.id,
    // The person who runs the board's planning pulls the work in: the issue's reporter.
    authorId: issue.reporterId,
    created: at,
    items: [sprintItem(site, before, [...before, sprintId])],
  }));
  return [...statusChanges, ...sprintChanges]
    .sort((a, b) => a.created - b.created || a.issueId - b.issueId)
    .map((entry) => ({ id: String(site.nextIds.changelog++), ...entry }));
}
