import type {
  JiraChangeHistory,
  JiraChangeItem,
  JiraComment,
  JiraIssue,
  JiraIssueLink,
  JiraSprint,
  JiraVersion,
} from "../model";
import { LINK_TYPES, findIssueType } from "../reference";
import { serializeChangeItem } from "../serialize/changelog";
import { serializeComment } from "../serialize/comment";
import { serializeUser } from "../serialize/common";
import { FIELD_IDS_ALL } from "../serialize/field-catalog";
import { serializeIssue } from "../serialize/issue";
import { serializeVersion } from "../serialize/project";
import { serializeSprint } from "../serialize/sprint";
import type { SiteRequest } from "../site-router";
import { type IssueSnapshot, diffIssue, snapshotIssue } from "./changes";

/**
 * What the API routes call after a state change: records the issue's
 * changelog and emits the matching Jira webhook events, in the payload
 * shapes Jira Cloud sends (issue bean as GET issue returns it, the Agile
 * sprint, the platform version, the issue link).
 */

function issueBean(ctx: SiteRequest, issue: JiraIssue) {
  return serializeIssue(ctx, issue, [...FIELD_IDS_ALL, "key"]);
}

function issueEvent(
  ctx: SiteRequest,
  webhookEvent: string,
  issue: JiraIssue,
  eventTypeName: string,
  extra: Record<string, unknown> = {},
) {
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent,
    issue,
    payload: () => ({
      issue_event_type_name: eventTypeName,
      user: serializeUser(ctx.urls, ctx.user),
      issue: issueBean(ctx, issue),
      ...extra,
    }),
  });
}

export function issueCreated(ctx: SiteRequest, issue: JiraIssue) {
  issueEvent(ctx, "jira:issue_created", issue, "issue_created");
}

/** Call before the issue is removed, so the payload (and the JQL filter) still see it. */
export function issueDeleted(ctx: SiteRequest, issue: JiraIssue) {
  issueEvent(ctx, "jira:issue_deleted", issue, "issue_deleted");
}

function defaultEventType(items: JiraChangeItem[]): string {
  if (items.some((i) => i.fieldId === "status")) return "issue_generic";
  if (items.every((i) => i.fieldId === "assignee")) return "issue_assigned";
  return "issue_updated";
}

function recordHistory(ctx: SiteRequest, issue: JiraIssue, items: JiraChangeItem[]): JiraChangeHistory {
  const history: JiraChangeHistory = {
    id: String(ctx.site.data.nextIds.changelog++),
    issueId: issue.id,
    authorId: ctx.user.accountId,
    created: ctx.now,
    items,
  };
  ctx.site.data.changeHistories.push(history);
  return history;
}

/**
 * Remembers the issues (and their subtasks, which follow them between
 * sprints) before a change; `commit` records a changelog entry for each issue
 * that changed and sends `jira:issue_updated` for it.
 */
export function trackIssues(ctx: SiteRequest, issues: JiraIssue[]) {
  const tracked = new Map<JiraIssue, IssueSnapshot>(issues.map((issue) => [issue, snapshotIssue(issue)]));
  // A scan rather than the indexes, which a write before this one may have made stale (rebuilding them costs more).
  const parents = new Set(issues.map((issue) => issue.id));
  if (parents.size > 0)
    for (const child of ctx.site.data.issues)
      if (child.parentId !== null && parents.has(child.parentId) && findIssueType(child.issueTypeId).subtask)
        tracked.set(child, snapshotIssue(child));
  return {
    commit(eventTypeName?: string) {
      for (const [issue, before] of tracked) {
        if (!ctx.site.issueById(issue.id)) continue;
        const items = diffIssue(ctx.site, before, issue);
        if (items.length === 0) continue;
        const history = recordHistory(ctx, issue, items);
        issueEvent(ctx, "jira:issue_updated", issue, eventTypeName ?? defaultEventType(items), {
          changelog: { id: history.id, items: items.map(serializeChangeItem) },
        });
      }
    },
  };
}

export function commentAdded(ctx: SiteRequest, issue: JiraIssue, comment: JiraComment) {
  const serialized = serializeComment(ctx, issue, comment);
  issueEvent(ctx, "jira:issue_updated", issue, "issue_commented", { comment: serialized });
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent: "comment_created",
    issue,
    payload: () => ({ comment: serialized, issue: issueBean(ctx, issue) }),
  });
}

/** An update that changed nothing sends nothing. */
const unchanged = <T>(before: T | null, after: T) =>
  before !== null && JSON.stringify(before) === JSON.stringify(after);

function sprintEventName(before: JiraSprint | null, after: JiraSprint): string {
  if (!before) return "sprint_created";
  if (before.state === "future" && after.state === "active") return "sprint_started";
  if (before.state === "active" && after.state === "closed") return "sprint_closed";
  return "sprint_updated";
}

/** `before` is a copy of the sprint from before the change, or null for a new sprint. */
export function sprintChanged(ctx: SiteRequest, before: JiraSprint | null, sprint: JiraSprint) {
  if (unchanged(before, sprint)) return;
  const webhookEvent = sprintEventName(before, sprint);
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent,
    payload: () => ({
      sprint: serializeSprint(ctx.urls, sprint),
      ...(webhookEvent === "sprint_updated" && before ? { oldValue: serializeSprint(ctx.urls, before) } : {}),
    }),
  });
}

export function sprintDeleted(ctx: SiteRequest, sprint: JiraSprint) {
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent: "sprint_deleted",
    payload: () => ({ sprint: serializeSprint(ctx.urls, sprint) }),
  });
}

function versionEventName(before: JiraVersion | null, after: JiraVersion): string {
  if (!before) return "jira:version_created";
  if (!before.released && after.released) return "jira:version_released";
  if (before.released && !after.released) return "jira:version_unreleased";
  return "jira:version_updated";
}

/** `before` is a copy of the version from before the change, or null for a new version. */
export function versionChanged(ctx: SiteRequest, before: JiraVersion | null, version: JiraVersion) {
  if (unchanged(before, version)) return;
  const today = new Date(ctx.now).toISOString().slice(0, 10);
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent: versionEventName(before, version),
    payload: () => ({ version: serializeVersion(ctx.urls, version, today) }),
  });
}

/** For Blocks, the blocking issue (the link's inward side here) is Jira's source, the blocked one its destination. */
export function linkChanged(
  ctx: SiteRequest,
  webhookEvent: "issuelink_created" | "issuelink_deleted",
  link: JiraIssueLink,
) {
  const type = LINK_TYPES.find((t) => t.id === link.typeId) ?? LINK_TYPES[0];
  ctx.hooks.emit(ctx.site, ctx.now, {
    webhookEvent,
    payload: () => ({
      issueLink: {
        id: Number(link.id),
        sourceIssueId: link.inwardIssueId,
        destinationIssueId: link.outwardIssueId,
        issueLinkType: {
          id: Number(type.id),
          name: type.name,
          outwardName: type.outward,
          inwardName: type.inward,
          isSubTaskLinkType: false,
          isSystemLinkType: false,
        },
        sequence: 0,
        systemLink: false,
      },
    }),
  });
}
