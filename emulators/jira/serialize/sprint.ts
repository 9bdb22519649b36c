import type { JiraSprint } from "../model";
import { type SiteUrls, isoDateTime } from "./common";

/** The Agile sprint resource. Dates a sprint does not have are left out, as Jira does. */
export function serializeSprint(urls: SiteUrls, sprint: JiraSprint) {
  return {
    id: sprint.id,
    self: `${urls.base}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate !== null ? { startDate: isoDateTime(sprint.startDate) } : {}),
    ...(sprint.endDate !== null ? { endDate: isoDateTime(sprint.endDate) } : {}),
    ...(sprint.completeDate !== null ? { completeDate: isoDateTime(sprint.completeDate) } : {}),
    createdDate: isoDateTime(sprint.createdDate),
    originBoardId: sprint.originBoardId,
    goal: sprint.goal,
  };
}

/** The sprint object Jira stores in an issue's Sprint field (customfield_10020). */
export function sprintFieldValue(sprint: JiraSprint) {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.originBoardId,
    goal: sprint.goal,
    ...(sprint.startDate !== null ? { startDate: isoDateTime(sprint.startDate) } : {}),
    ...(sprint.endDate !== null ? { endDate: isoDateTime(sprint.endDate) } : {}),
    ...(sprint.completeDate !== null ? { completeDate: isoDateTime(sprint.completeDate) } : {}),
  };
}
