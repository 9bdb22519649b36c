import type { JiraChangeHistory, JiraChangeItem, JiraSiteData } from "../jira/model";
import { RESOLUTION_DONE, STATUS_IDS, STATUSES } from "../jira/reference";

/**
 * Changelog entries for the seeded issues, consistent with their dates: an
 * issue that left To Do did so at its status-category change date (with the
 * Done resolution when it is done), so a replay of the changelog sees the same
 * completions the issues show. Sprint moves before the seed are not recorded.
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

export function seedChangeHistories(site: JiraSiteData): JiraChangeHistory[] {
  const started = site.issues
    .filter((issue) => issue.statusId !== STATUS_IDS.todo)
    .sort((a, b) => a.statusCategoryChangeDate - b.statusCategoryChangeDate || a.id - b.id);
  return started.map((issue) => ({
    id: String(site.nextIds.changelog++),
    issueId: issue.id,
    authorId: issue.assigneeId ?? issue.reporterId,
    created: issue.statusCategoryChangeDate,
    items: statusItems(issue.statusId, issue.resolutionDate !== null),
  }));
}
