import type { JiraComponent, JiraProject, JiraVersion } from "../model";
import type { JiraSite } from "../store";
import { ISSUE_TYPES } from "../reference";
import { type SiteUrls, avatarUrls, serializeUser } from "./common";
import { serializeIssueType } from "./reference";

export function serializeVersion(urls: SiteUrls, version: JiraVersion, today: string) {
  return {
    self: `${urls.base}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.startDate ? { startDate: version.startDate } : {}),
    ...(version.releaseDate ? { releaseDate: version.releaseDate } : {}),
    overdue: !version.released && version.releaseDate !== null && version.releaseDate < today,
    projectId: Number(version.projectId),
  };
}

export function serializeComponent(urls: SiteUrls, site: JiraSite, project: JiraProject, component: JiraComponent) {
  const lead = component.leadAccountId ? site.findUser(component.leadAccountId) : undefined;
  return {
    self: `${urls.base}/rest/api/3/component/${component.id}`,
    id: component.id,
    name: component.name,
    description: `${component.name} work in ${project.name}`,
    ...(lead ? { lead: serializeUser(urls, lead), leadAccountId: lead.accountId } : {}),
    assigneeType: "PROJECT_DEFAULT",
    realAssigneeType: "PROJECT_DEFAULT",
    isAssigneeTypeValid: false,
    project: project.key,
    projectId: Number(project.id),
  };
}

/** The smallest project shape, as the Agile API's board projects list it. */
export function serializeProjectReference(urls: SiteUrls, project: JiraProject) {
  return {
    self: `${urls.base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: avatarUrls(urls, "project", project.id),
    projectTypeKey: "software",
    simplified: true,
  };
}

/** The short project shape of /project/search. */
export function serializeProjectSummary(urls: SiteUrls, project: JiraProject) {
  return {
    expand: "description,lead,issueTypes,url,projectKeys,permissions,insight",
    ...serializeProjectReference(urls, project),
    style: "next-gen",
    isPrivate: false,
    properties: {},
  };
}

export function serializeProject(urls: SiteUrls, site: JiraSite, project: JiraProject, today: string) {
  const lead = site.findUser(project.leadAccountId);
  return {
    ...serializeProjectSummary(urls, project),
    description: `${project.name} at ${site.data.name}`,
    ...(lead ? { lead: serializeUser(urls, lead) } : {}),
    components: project.components.map((c) => serializeComponent(urls, site, project, c)),
    issueTypes: ISSUE_TYPES.map((t) => serializeIssueType(urls, t)),
    assigneeType: "UNASSIGNED",
    versions: site.data.versions.filter((v) => v.projectId === project.id).map((v) => serializeVersion(urls, v, today)),
    roles: {},
  };
}
