import { type IssueType, type Priority, type Status, STATUS_CATEGORIES } from "../reference";
import type { SiteUrls } from "./common";

export function serializeStatusCategory(urls: SiteUrls, status: Status) {
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${urls.base}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key: category.key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function serializeStatus(urls: SiteUrls, status: Status) {
  return {
    self: `${urls.base}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${urls.base}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: serializeStatusCategory(urls, status),
  };
}

export function serializeIssueType(urls: SiteUrls, type: IssueType) {
  return {
    self: `${urls.base}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${urls.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function serializePriority(urls: SiteUrls, priority: Priority) {
  return {
    self: `${urls.base}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${urls.base}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}
