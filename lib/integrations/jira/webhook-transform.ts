import { z } from "zod";
import type {
  JiraChange,
  JiraEvent,
  JiraIssueFacts,
  JiraSprintFacts,
  JiraStatusCategory,
} from "@/lib/domain/jira-events/events";

/**
 * Jira admin ("system") webhook bodies → JiraEvent. Pure. Every body is
 * `{timestamp (ms), webhookEvent, …}`; issue events add `issue`, `changelog`,
 * `user` and `issue_event_type_name`, sprint events `sprint`, link events
 * `issueLink`, version events `version`. Events Bosun does not act on are
 * "ignored" with the reason; a body that is not what Jira sends is "invalid",
 * naming the field. Times become ISO strings from `timestamp`: when the change
 * happened in Jira, not when the delivery arrived (retries come up to ~30 min late).
 */
export type JiraWebhookReading =
  | { kind: "event"; event: JiraEvent }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; fields: Record<string, string> };

/** The sprint custom field Jira Cloud uses; its value is an array of sprints (or null). */
const SPRINT_FIELD = "customfield_10020";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const numericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(Number);
const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

const envelope = z.object({
  timestamp: z.number().int().nonnegative(),
  webhookEvent: z.string().min(1),
});

const account = z.object({
  accountId: z.string().min(1),
  emailAddress: nullableString,
  displayName: z.string().nullish(),
});

const issueSchema = z.object({
  id,
  key: z.string().min(1),
  fields: z.looseObject({
    summary: z.string().nullish(),
    project: z.object({ key: z.string().min(1) }).nullish(),
    status: z.object({ id, name: z.string(), statusCategory: z.object({ key: z.string() }).nullish() }).nullish(),
    assignee: account.nullish(),
    labels: z.array(z.string()).nullish(),
    [SPRINT_FIELD]: z.array(z.object({ id: numericId })).nullish(),
  }),
});

const changelogSchema = z.object({
  id: id.optional(),
  items: z.array(
    z.object({
      field: z.string(),
      fieldId: nullableString,
      from: z
        .union([z.string(), z.number()])
        .nullish()
        .transform((value) => (value == null ? null : String(value))),
      fromString: nullableString,
      to: z
        .union([z.string(), z.number()])
        .nullish()
        .transform((value) => (value == null ? null : String(value))),
      toString: nullableString,
    }),
  ),
});

const commentSchema = z.object({
  id,
  body: z.unknown(),
  author: account.partial({ accountId: true }).nullish(),
});

const issueEvent = z.object({
  issue: issueSchema,
  issue_event_type_name: z.string().nullish(),
  user: z.object({ accountId: z.string().nullish() }).nullish(),
  changelog: changelogSchema.nullish(),
  comment: commentSchema.nullish(),
});

const sprintEvent = z.object({
  sprint: z.object({
    id: numericId,
    name: z.string(),
    state: z
      .string()
      .transform((state) => state.toLowerCase())
      .pipe(z.enum(["future", "active", "closed"])),
    startDate: nullableString,
    endDate: nullableString,
    completeDate: nullableString,
    originBoardId: numericId.nullish().transform((value) => value ?? null),
  }),
});

const linkEvent = z.object({
  issueLink: z.object({
    id,
    sourceIssueId: id,
    destinationIssueId: id,
    issueLinkType: z.object({ name: z.string().nullish() }).nullish(),
  }),
});

const versionEvent = z.object({
  version: z.object({
    id,
    name: z.string(),
    projectId: id.nullish().transform((value) => value ?? null),
    releaseDate: nullableString,
    released: z.boolean().default(false),
  }),
});

const ISSUE_ACTIONS = {
  "jira:issue_created": "created",
  "jira:issue_updated": "updated",
  "jira:issue_deleted": "deleted",
} as const;
const SPRINT_ACTIONS = {
  sprint_created: "created",
  sprint_started: "started",
  sprint_updated: "updated",
  sprint_closed: "closed",
  sprint_deleted: "deleted",
} as const;
const LINK_ACTIONS = { issuelink_created: "created", issuelink_deleted: "deleted" } as const;
const VERSION_ACTIONS = {
  "jira:version_created": "created",
  "jira:version_updated": "updated",
  "jira:version_deleted": "deleted",
  "jira:version_released": "released",
  "jira:version_unreleased": "unreleased",
} as const;

function invalid(error: z.ZodError): JiraWebhookReading {
  return {
    kind: "invalid",
    fields: Object.fromEntries(
      error.issues.map((issue) => [issue.path.map(String).join(".") || "body", issue.message]),
    ),
  };
}

const lookup = <T extends Record<string, string>>(table: T, name: string): T[keyof T] | undefined =>
  Object.hasOwn(table, name) ? table[name as keyof T] : undefined;

export function readJiraWebhook(body: unknown): JiraWebhookReading {
  const base = envelope.safeParse(body);
  if (!base.success) return invalid(base.error);
  const { webhookEvent: name, timestamp } = base.data;
  const at = new Date(timestamp).toISOString();

  const issueAction = lookup(ISSUE_ACTIONS, name);
  if (issueAction) {
    const parsed = issueEvent.safeParse(body);
    return parsed.success
      ? { kind: "event", event: toIssueEvent(issueAction, at, parsed.data) }
      : invalid(parsed.error);
  }
  const sprintAction = lookup(SPRINT_ACTIONS, name);
  if (sprintAction) {
    const parsed = sprintEvent.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const sprint: JiraSprintFacts = parsed.data.sprint;
    return { kind: "event", event: { type: "jira.sprint", action: sprintAction, at, sprint } };
  }
  const linkAction = lookup(LINK_ACTIONS, name);
  if (linkAction) {
    const parsed = linkEvent.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const { id: linkId, sourceIssueId, destinationIssueId, issueLinkType } = parsed.data.issueLink;
    return {
      kind: "event",
      event: {
        type: "jira.issuelink",
        action: linkAction,
        at,
        link: { id: linkId, sourceIssueId, destinationIssueId, typeName: issueLinkType?.name ?? null },
      },
    };
  }
  const versionAction = lookup(VERSION_ACTIONS, name);
  if (versionAction) {
    const parsed = versionEvent.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    return { kind: "event", event: { type: "jira.version", action: versionAction, at, version: parsed.data.version } };
  }
  if (name.startsWith("comment_"))
    return { kind: "ignored", reason: `${name}: comments are read from jira:issue_updated (issue_commented)` };
  return { kind: "ignored", reason: `${name} is not an event Bosun acts on` };
}

const STATUS_CATEGORIES: Record<string, JiraStatusCategory> = {
  new: "new",
  indeterminate: "indeterminate",
  done: "done",
};

function toIssueEvent(
  action: "created" | "updated" | "deleted",
  at: string,
  { issue, issue_event_type_name: typeName, user, changelog, comment }: z.output<typeof issueEvent>,
): JiraEvent {
  const { fields } = issue;
  const status = fields.status
    ? {
        id: fields.status.id,
        name: fields.status.name,
        // Jira's "undefined" category (a status with none) counts as not started.
        category: STATUS_CATEGORIES[fields.status.statusCategory?.key ?? ""] ?? "new",
      }
    : null;
  const facts: JiraIssueFacts = {
    id: issue.id,
    key: issue.key,
    projectKey: fields.project?.key ?? issue.key.split("-")[0] ?? "",
    summary: fields.summary ?? "",
    status,
    assignee: fields.assignee
      ? {
          accountId: fields.assignee.accountId,
          emailAddress: fields.assignee.emailAddress,
          displayName: fields.assignee.displayName ?? fields.assignee.accountId,
        }
      : null,
    sprintIds: (fields[SPRINT_FIELD] ?? []).map((sprint) => sprint.id),
    numericFields: Object.fromEntries(
      Object.entries(fields).filter(
        (entry): entry is [string, number] =>
          entry[0].startsWith("customfield_") && typeof entry[1] === "number" && Number.isFinite(entry[1]),
      ),
    ),
    labels: fields.labels ?? [],
  };
  const changes: JiraChange[] = action === "updated" ? (changelog?.items ?? []) : [];
  return {
    type: "jira.issue",
    action,
    at,
    issue: facts,
    changes,
    actorAccountId: user?.accountId ?? null,
    comment:
      typeName === "issue_commented" && comment
        ? {
            id: comment.id,
            text: commentText(comment.body),
            authorAccountId: comment.author?.accountId ?? null,
            authorName: comment.author?.displayName ?? null,
          }
        : null,
  };
}

/** A comment body as plain text: wiki markup as sent, or the text nodes of an Atlassian Document. */
export function commentText(body: unknown): string {
  if (typeof body === "string") return body;
  const parts: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 50 || typeof node !== "object" || node === null) return;
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof text === "string") parts.push(text);
    if (Array.isArray(content)) for (const child of content) walk(child, depth + 1);
    if (type === "paragraph" || type === "heading") parts.push("\n");
  };
  walk(body, 0);
  return parts.join("").trim();
}
