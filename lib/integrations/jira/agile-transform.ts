import "server-only";
import { z } from "zod";
import type { JiraBoard, JiraSprint, JiraWorkItem, StatusCategory } from "./types";

/** Pure mapping from Jira Agile and search answers to Bosun's types; malformed items are dropped, not guessed. */

const boardSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  location: z.object({ projectKey: z.string().optional() }).optional(),
});

export function toBoard(answer: unknown): JiraBoard | null {
  const parsed = boardSchema.safeParse(answer);
  if (!parsed.success) return null;
  const { id, name, type, location } = parsed.data;
  return { id, name, type, projectKey: location?.projectKey ?? null };
}

const sprintSchema = z.object({
  id: z.number(),
  name: z.string(),
  state: z.enum(["future", "active", "closed"]),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  completeDate: z.string().nullish(),
  goal: z.string().nullish(),
});

export function toSprint(answer: unknown): JiraSprint | null {
  const parsed = sprintSchema.safeParse(answer);
  if (!parsed.success) return null;
  const s = parsed.data;
  return {
    id: s.id,
    name: s.name,
    state: s.state,
    startDate: s.startDate ?? null,
    endDate: s.endDate ?? null,
    completeDate: s.completeDate ?? null,
    goal: s.goal || null,
  };
}

const statusSchema = z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).optional() });

function toStatusCategory(key: string | undefined): StatusCategory {
  return key === "done" ? "done" : key === "indeterminate" ? "indeterminate" : "new";
}

const linkedIssueSchema = z.object({
  key: z.string(),
  fields: z.object({ status: statusSchema.optional() }).optional(),
});
const linkSchema = z.object({
  type: z.object({ name: z.string() }),
  inwardIssue: linkedIssueSchema.optional(),
  outwardIssue: linkedIssueSchema.optional(),
});

const issueSchema = z.object({
  key: z.string(),
  fields: z
    .object({
      summary: z.string().default(""),
      issuetype: z.object({ name: z.string() }).nullish(),
      status: statusSchema.nullish(),
      assignee: z
        .object({ accountId: z.string(), displayName: z.string().nullish(), emailAddress: z.string().nullish() })
        .nullish(),
      components: z.array(z.object({ name: z.string() })).nullish(),
      labels: z.array(z.string()).nullish(),
      parent: z
        .object({
          key: z.string(),
          fields: z
            .object({ summary: z.string(), issuetype: z.object({ name: z.string() }).optional() })
            .partial()
            .optional(),
        })
        .nullish(),
      issuelinks: z.array(linkSchema).nullish(),
      resolutiondate: z.string().nullish(),
      customfield_10020: z.array(z.object({ id: z.number() })).nullish(),
    })
    .passthrough(),
});

/**
 * One issue from a search or board listing. `pointsField` is the board's
 * estimation field (from its configuration), so no story-points id is assumed.
 * For "Blocks" links Jira lists the blocker as `inwardIssue` on the blocked issue.
 */
export function toWorkItem(
  answer: unknown,
  pointsField: string | null,
  sprintField = "customfield_10020",
): JiraWorkItem | null {
  const parsed = issueSchema.safeParse(answer);
  if (!parsed.success) return null;
  const { key, fields } = parsed.data;
  const extra = fields as Record<string, unknown>;
  const rawPoints = pointsField ? extra[pointsField] : null;
  const sprints = z
    .array(z.object({ id: z.number() }))
    .nullish()
    .safeParse(extra[sprintField]);
  const parent = fields.parent;
  return {
    key,
    summary: fields.summary,
    issueType: fields.issuetype?.name ?? "Issue",
    status: fields.status?.name ?? "Unknown",
    statusCategory: toStatusCategory(fields.status?.statusCategory?.key),
    points: typeof rawPoints === "number" && Number.isFinite(rawPoints) ? rawPoints : null,
    assigneeAccountId: fields.assignee?.accountId ?? null,
    // Same fallback as toJiraAccount: privacy settings can hide the name or email.
    assigneeName: fields.assignee
      ? fields.assignee.displayName || fields.assignee.emailAddress || fields.assignee.accountId
      : null,
    components: (fields.components ?? []).map((c) => c.name),
    labels: fields.labels ?? [],
    epic:
      parent && parent.fields?.issuetype?.name === "Epic"
        ? { key: parent.key, name: parent.fields.summary ?? parent.key }
        : null,
    blockedBy: (fields.issuelinks ?? [])
      .filter((link) => link.type.name === "Blocks" && link.inwardIssue)
      .map((link) => ({
        key: link.inwardIssue!.key,
        statusCategory: toStatusCategory(link.inwardIssue!.fields?.status?.statusCategory?.key),
      })),
    sprintIds: sprints.success ? (sprints.data ?? []).map((s) => s.id) : [],
    resolvedAt: fields.resolutiondate ?? null,
  };
}

/** The fields a work-item search must ask for (and nothing more). */
export function workItemFields(pointsField: string | null): string[] {
  return [
    "summary",
    "issuetype",
    "status",
    "assignee",
    "components",
    "labels",
    "parent",
    "issuelinks",
    "resolutiondate",
    "customfield_10020",
    ...(pointsField ? [pointsField] : []),
  ];
}
