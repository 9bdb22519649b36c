import type { JiraIssue, JiraIssueLink, JiraSprint } from "../model";
import type { JiraSite } from "../store";
import { FIELD_IDS, LINK_TYPES, RESOLUTION_DONE, findIssueType, findPriority, findStatus } from "../reference";
import { type SiteUrls, jiraDateTime, serializeUser, avatarUrls } from "./common";
import { serializeSprint, sprintFieldValue } from "./sprint";
import { serializeIssueType, serializePriority, serializeStatus, serializeStatusCategory } from "./reference";
import { FIELD_CATALOG } from "./field-catalog";
import { serializeComment } from "./comment";

/** Issue beans with Jira's field formats, for the fields a caller selected. */
export type IssueContext = { site: JiraSite; urls: SiteUrls };

export const ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

export function rankString(rank: number): string {
  return `0|i${rank.toString(36).padStart(6, "0")}:`;
}

function issueRef(ctx: IssueContext, issue: JiraIssue) {
  return {
    id: String(issue.id),
    key: issue.key,
    self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: serializeStatus(ctx.urls, findStatus(issue.statusId)),
      priority: serializePriority(ctx.urls, findPriority(issue.priorityId)),
      issuetype: serializeIssueType(ctx.urls, findIssueType(issue.issueTypeId)),
    },
  };
}

function serializeLink(ctx: IssueContext, issue: JiraIssue, link: JiraIssueLink) {
  const type = LINK_TYPES.find((t) => t.id === link.typeId) ?? LINK_TYPES[0];
  const base = {
    id: link.id,
    self: `${ctx.urls.base}/rest/api/3/issueLink/${link.id}`,
    type: { ...type, self: `${ctx.urls.base}/rest/api/3/issueLinkType/${type.id}` },
  };
  // Seen from the issue on the inward side, the other issue is the outward one, and vice versa.
  if (link.inwardIssueId === issue.id) {
    const other = ctx.site.issueById(link.outwardIssueId);
    return other ? { ...base, outwardIssue: issueRef(ctx, other) } : null;
  }
  const other = ctx.site.issueById(link.inwardIssueId);
  return other ? { ...base, inwardIssue: issueRef(ctx, other) } : null;
}

function userOrNull(ctx: IssueContext, accountId: string | null) {
  const user = accountId ? ctx.site.findUser(accountId) : undefined;
  return user ? serializeUser(ctx.urls, user) : null;
}

function serializeProjectRef(ctx: IssueContext, projectId: string) {
  const project = ctx.site.projectById(projectId);
  return {
    self: `${ctx.urls.base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: "software",
    simplified: true,
    avatarUrls: avatarUrls(ctx.urls, "project", project.id),
  };
}

type FieldWriter = (ctx: IssueContext, issue: JiraIssue) => unknown;

const WRITERS: Record<string, FieldWriter> = {
  summary: (_c, i) => i.summary,
  description: (_c, i) => i.description,
  status: (c, i) => serializeStatus(c.urls, findStatus(i.statusId)),
  statusCategory: (c, i) => serializeStatusCategory(c.urls, findStatus(i.statusId)),
  issuetype: (c, i) => serializeIssueType(c.urls, findIssueType(i.issueTypeId)),
  project: (c, i) => serializeProjectRef(c, i.projectId),
  priority: (c, i) => serializePriority(c.urls, findPriority(i.priorityId)),
  assignee: (c, i) => userOrNull(c, i.assigneeId),
  reporter: (c, i) => userOrNull(c, i.reporterId),
  creator: (c, i) => userOrNull(c, i.reporterId),
  labels: (_c, i) => i.labels,
  components: (c, i) => {
    const components = c.site.projectById(i.projectId).components;
    return i.componentIds
      .map((id) => components.find((comp) => comp.id === id))
      .filter((comp) => comp !== undefined)
      .map((comp) => ({ self: `${c.urls.base}/rest/api/3/component/${comp.id}`, id: comp.id, name: comp.name }));
  },
  fixVersions: (c, i) =>
    i.fixVersionIds
      .map((id) => c.site.findVersion(id))
      .filter((v) => v !== undefined)
      .map((v) => ({
        self: `${c.urls.base}/rest/api/3/version/${v.id}`,
        id: v.id,
        description: v.description,
        name: v.name,
        archived: v.archived,
        released: v.released,
        ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
      })),
  parent: (c, i) => {
    const parent = i.parentId === null ? undefined : c.site.issueById(i.parentId);
    return parent ? issueRef(c, parent) : undefined;
  },
  subtasks: (c, i) =>
    (c.site.indexes().children.get(i.id) ?? [])
      .filter((child) => findIssueType(child.issueTypeId).subtask)
      .map((child) => issueRef(c, child)),
  issuelinks: (c, i) =>
    (c.site.indexes().linksByIssue.get(i.id) ?? []).map((link) => serializeLink(c, i, link)).filter(Boolean),
  resolution: (c, i) =>
    i.resolutionDate === null
      ? null
      : { self: `${c.urls.base}/rest/api/3/resolution/${RESOLUTION_DONE.id}`, ...RESOLUTION_DONE },
  resolutiondate: (_c, i) => (i.resolutionDate === null ? null : jiraDateTime(i.resolutionDate)),
  created: (_c, i) => jiraDateTime(i.created),
  updated: (_c, i) => jiraDateTime(i.updated),
  statuscategorychangedate: (_c, i) => jiraDateTime(i.statusCategoryChangeDate),
  comment: (c, i) => ({
    comments: i.comments.map((comment) => serializeComment(c, i, comment)),
    self: `${c.urls.base}/rest/api/3/issue/${i.id}/comment`,
    maxResults: i.comments.length,
    total: i.comments.length,
    startAt: 0,
  }),
  [FIELD_IDS.storyPoints]: (_c, i) => i.storyPoints,
  [FIELD_IDS.rank]: (_c, i) => rankString(i.rank),
  [FIELD_IDS.sprint]: (c, i) => {
    const sprints = i.sprintIds.map((id) => c.site.findSprint(id)).filter((s) => s !== undefined);
    return sprints.length > 0 ? sprints.map(sprintFieldValue) : null;
  },
};

export type SerializeOptions = { names?: boolean; agile?: boolean };

export function serializeIssue(
  ctx: IssueContext,
  issue: JiraIssue,
  fieldIds: string[],
  options: SerializeOptions = {},
) {
  const wanted = fieldIds.filter((id) => id !== "id" && id !== "key");
  if (wanted.length === 0 && !fieldIds.includes("key")) return { id: String(issue.id) };
  const fields: Record<string, unknown> = {};
  for (const id of wanted) {
    const writer = WRITERS[id];
    if (!writer) continue;
    const value = writer(ctx, issue);
    if (value !== undefined) fields[id] = value;
  }
  if (options.agile) {
    const open = ctx.site.openSprintOf(issue);
    fields.sprint = open ? serializeSprint(ctx.urls, open) : null;
    fields.closedSprints = issue.sprintIds
      .map((id) => ctx.site.findSprint(id))
      .filter((s): s is JiraSprint => s?.state === "closed")
      .map((s) => serializeSprint(ctx.urls, s));
    fields.flagged = false;
  }
  return {
    expand: ISSUE_EXPAND,
    id: String(issue.id),
    self: `${ctx.urls.base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...(options.names ? { names: namesFor(wanted) } : {}),
  };
}

export function namesFor(fieldIds: string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const id of fieldIds) {
    const field = FIELD_CATALOG.find((f) => f.id === id);
    if (field) names[id] = field.name;
  }
  return names;
}
