import { z } from "zod";
import type { JiraEvent } from "@/lib/domain/jira-events/events";

/**
 * The normalised Jira event intake stores with a delivery's job, as it comes
 * back from JSON. Intake built it from a body it had validated, so a mismatch
 * means the stored copy is damaged, not that Jira erred. Objects keep keys this
 * schema does not list, so a field added to JiraEvent survives the round trip.
 */
const category = z.enum(["new", "indeterminate", "done"]);
const nullableText = z.string().nullable();

const issueFacts = z.looseObject({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  status: z.looseObject({ id: z.string(), name: z.string(), category }).nullable(),
  assignee: z.looseObject({ accountId: z.string(), emailAddress: nullableText, displayName: z.string() }).nullable(),
  sprintIds: z.array(z.number()),
  numericFields: z.record(z.string(), z.number()),
  labels: z.array(z.string()),
});

const change = z.looseObject({
  field: z.string(),
  fieldId: nullableText,
  from: nullableText,
  fromString: nullableText,
  to: nullableText,
  toString: nullableText,
});

export const jiraEventSchema: z.ZodType<JiraEvent> = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("jira.sprint"),
    action: z.enum(["created", "started", "updated", "closed", "deleted"]),
    at: z.string(),
    sprint: z.looseObject({
      id: z.number(),
      name: z.string(),
      state: z.enum(["future", "active", "closed"]),
      startDate: nullableText,
      endDate: nullableText,
      completeDate: nullableText,
      originBoardId: z.number().nullable(),
    }),
  }),
  z.looseObject({
    type: z.literal("jira.issue"),
    action: z.enum(["created", "updated", "deleted"]),
    at: z.string(),
    issue: issueFacts,
    changes: z.array(change),
    actorAccountId: nullableText,
    comment: z
      .object({ id: z.string(), text: z.string(), authorAccountId: nullableText, authorName: nullableText })
      .nullable(),
  }),
  z.looseObject({
    type: z.literal("jira.issuelink"),
    action: z.enum(["created", "deleted"]),
    at: z.string(),
    link: z.looseObject({
      id: z.string(),
      sourceIssueId: z.string(),
      destinationIssueId: z.string(),
      typeName: nullableText,
    }),
  }),
  z.looseObject({
    type: z.literal("jira.version"),
    action: z.enum(["released", "unreleased", "created", "updated", "deleted"]),
    at: z.string(),
    version: z.looseObject({
      id: z.string(),
      name: z.string(),
      projectId: nullableText,
      releaseDate: nullableText,
      released: z.boolean(),
    }),
  }),
]);
