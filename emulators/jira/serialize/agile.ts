import type { JiraBoard, JiraIssue, JiraVersion } from "../model";
import type { JiraSite } from "../store";
import { FIELD_IDS, RANK_CUSTOM_FIELD_NUMBER, STATUS_IDS, isDoneStatus } from "../reference";
import type { SiteUrls } from "./common";
import { serializeProjectReference } from "./project";

/** Agile 1.0 shapes: boards, their configuration, sprints, epics and versions. */
export function serializeBoard(urls: SiteUrls, site: JiraSite, board: JiraBoard) {
  const project = site.projectById(board.projectId);
  return {
    id: board.id,
    self: `${urls.base}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: {
      projectId: Number(project.id),
      displayName: `${project.name} (${project.key})`,
      projectName: project.name,
      projectKey: project.key,
      projectTypeKey: "software",
      avatarURI: `${urls.base}/secure/projectavatar?size=small&pid=${project.id}`,
      name: `${project.name} (${project.key})`,
    },
  };
}

export function serializeBoardConfiguration(urls: SiteUrls, site: JiraSite, board: JiraBoard) {
  const project = site.projectById(board.projectId);
  const column = (name: string, ids: string[]) => ({
    name,
    statuses: ids.map((id) => ({ id, self: `${urls.base}/rest/api/3/status/${id}` })),
  });
  return {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${urls.base}/rest/agile/1.0/board/${board.id}/configuration`,
    location: { type: "project" as const, projectKeyOrId: project.key },
    filter: { id: board.filterId, self: `${urls.base}/rest/api/3/filter/${board.filterId}` },
    columnConfig: {
      columns: [
        column("To Do", [STATUS_IDS.todo]),
        column("In Progress", [STATUS_IDS.inProgress]),
        column("In Review", [STATUS_IDS.inReview]),
        column("Done", [STATUS_IDS.done]),
      ],
      constraintType: "none",
    },
    estimation: { type: "field", field: { fieldId: FIELD_IDS.storyPoints, displayName: "Story point estimate" } },
    ranking: { rankCustomFieldId: RANK_CUSTOM_FIELD_NUMBER },
  };
}

export function serializeEpic(urls: SiteUrls, epic: JiraIssue) {
  return {
    id: epic.id,
    key: epic.key,
    self: `${urls.base}/rest/agile/1.0/epic/${epic.id}`,
    name: epic.summary,
    summary: epic.summary,
    color: { key: `color_${(epic.id % 14) + 1}` },
    done: isDoneStatus(epic.statusId),
  };
}

export function serializeAgileVersion(urls: SiteUrls, version: JiraVersion) {
  return {
    self: `${urls.base}/rest/api/3/version/${version.id}`,
    id: Number(version.id),
    projectId: Number(version.projectId),
    name: version.name,
    description: version.description,
    archived: version.archived,
    released: version.released,
    ...(version.releaseDate ? { releaseDate: `${version.releaseDate}T00:00:00.000Z` } : {}),
  };
}

export function serializeBoardProject(urls: SiteUrls, site: JiraSite, board: JiraBoard) {
  return serializeProjectReference(urls, site.projectById(board.projectId));
}
