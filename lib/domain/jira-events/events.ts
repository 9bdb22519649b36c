/**
 * Jira's admin-webhook events, normalised (lib/integrations/jira/webhook-transform.ts
 * reads the raw bodies). Sprint snapshots, scope changes and the two-way sync with
 * Sentry act on these. Pure data; times are ISO strings taken from the webhook's
 * `timestamp`, which is when the change happened in Jira, not when it arrived.
 */

export type JiraStatusCategory = "new" | "indeterminate" | "done";

/** One item of an issue event's changelog, as Jira sends it (`from`/`to` are ids, `*String` display values). */
export type JiraChange = {
  field: string;
  fieldId: string | null;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

export type JiraIssueFacts = {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  status: { id: string; name: string; category: JiraStatusCategory } | null;
  assignee: { accountId: string; emailAddress: string | null; displayName: string } | null;
  /** Sprints the issue is in now (the sprint custom field), by id. */
  sprintIds: number[];
  /** Numeric custom fields as sent, so the board's estimation field can be read by whoever knows it. */
  numericFields: Record<string, number>;
  labels: string[];
};

export type JiraSprintFacts = {
  id: number;
  name: string;
  state: "future" | "active" | "closed";
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  originBoardId: number | null;
};

export type JiraEvent =
  | {
      type: "jira.sprint";
      action: "created" | "started" | "updated" | "closed" | "deleted";
      at: string;
      sprint: JiraSprintFacts;
    }
  | {
      type: "jira.issue";
      action: "created" | "updated" | "deleted";
      at: string;
      issue: JiraIssueFacts;
      /** The changelog's items (empty on create and delete). */
      changes: JiraChange[];
      /** Who made the change, when Jira says. */
      actorAccountId: string | null;
      /** Present when the update is a comment (issue_event_type_name issue_commented). */
      comment: { id: string; text: string; authorAccountId: string | null; authorName: string | null } | null;
    }
  | {
      type: "jira.issuelink";
      action: "created" | "deleted";
      at: string;
      link: { id: string; sourceIssueId: string; destinationIssueId: string; typeName: string | null };
    }
  | {
      type: "jira.version";
      action: "released" | "unreleased" | "created" | "updated" | "deleted";
      at: string;
      version: { id: string; name: string; projectId: string | null; releaseDate: string | null; released: boolean };
    };

export type JiraEventType = JiraEvent["type"];
