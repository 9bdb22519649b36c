import { createHmac } from "node:crypto";

/**
 * Jira admin-webhook bodies in the shapes Jira Cloud sends (jira.js
 * src/webhooks/payloads.ts; Atlassian's webhook docs): `{timestamp, webhookEvent,
 * matchedWebhookIds}` plus `issue`, `user`, `changelog` for issue events and
 * `sprint` for sprint events. For tests of the transform and the intake.
 */
export const SITE = "https://acme.atlassian.net";

export function issueBean({
  id = "10042",
  key = "ACME-42",
  statusId = "3",
  statusName = "In Progress",
  category = "indeterminate",
  sprintIds = [7],
  points = 5 as number | null,
}: {
  id?: string;
  key?: string;
  statusId?: string;
  statusName?: string;
  category?: string;
  sprintIds?: number[];
  points?: number | null;
} = {}) {
  return {
    id,
    self: `${SITE}/rest/api/2/issue/${id}`,
    key,
    fields: {
      summary: "Berth lookup times out",
      issuetype: { id: "10001", name: "Story", subtask: false },
      project: { id: "10000", key: key.split("-")[0], name: "Acme Ops" },
      status: {
        self: `${SITE}/rest/api/2/status/${statusId}`,
        id: statusId,
        name: statusName,
        statusCategory: { id: 4, key: category, colorName: "yellow", name: statusName },
      },
      assignee: {
        accountId: "5b10a2844c20165700ede21g",
        emailAddress: "ada@acme.test",
        displayName: "Ada Lovelace",
        active: true,
        timeZone: "Europe/London",
      },
      labels: ["backend"],
      customfield_10016: points,
      customfield_10020:
        sprintIds.length === 0
          ? null
          : sprintIds.map((sprintId) => ({ id: sprintId, name: `Sprint ${sprintId}`, state: "active", boardId: 1 })),
      created: "2026-11-20T09:00:00.000+0000",
      updated: "2026-11-24T14:05:00.000+0000",
    },
  };
}

export function issueUpdated({
  timestamp = Date.parse("2026-11-24T14:05:00Z"),
  items = [] as Record<string, unknown>[],
  issue = issueBean(),
  eventTypeName = "issue_generic",
  comment,
}: {
  timestamp?: number;
  items?: Record<string, unknown>[];
  issue?: ReturnType<typeof issueBean>;
  eventTypeName?: string;
  comment?: Record<string, unknown>;
} = {}) {
  return {
    timestamp,
    webhookEvent: "jira:issue_updated",
    issue_event_type_name: eventTypeName,
    matchedWebhookIds: [1],
    user: { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Grace Hopper", active: true },
    issue,
    changelog: { id: "10400", items },
    ...(comment ? { comment } : {}),
  };
}

export const sprintItem = (from: string, to: string) => ({
  field: "Sprint",
  fieldtype: "custom",
  fieldId: "customfield_10020",
  from,
  fromString: from ? `Sprint ${from}` : "",
  to,
  toString: to ? `Sprint ${to}` : "",
});

export const statusItem = (from: string, to: string) => ({
  field: "status",
  fieldtype: "jira",
  fieldId: "status",
  from,
  fromString: "In Progress",
  to,
  toString: "Done",
});

export function sprintEvent(
  webhookEvent: "sprint_started" | "sprint_closed" | "sprint_created" | "sprint_updated",
  {
    id = 7,
    timestamp = Date.parse("2026-11-24T09:00:00Z"),
    state = webhookEvent === "sprint_closed" ? "closed" : webhookEvent === "sprint_started" ? "active" : "future",
    originBoardId = 1 as number | null,
  }: { id?: number; timestamp?: number; state?: string; originBoardId?: number | null } = {},
) {
  return {
    timestamp,
    webhookEvent,
    matchedWebhookIds: [1],
    sprint: {
      id,
      self: `${SITE}/rest/agile/1.0/sprint/${id}`,
      state,
      name: `ACME Sprint ${id}`,
      startDate: "2026-11-24T09:00:00.000Z",
      endDate: "2026-12-08T09:00:00.000Z",
      ...(state.toLowerCase() === "closed" ? { completeDate: "2026-12-08T08:30:00.000Z" } : {}),
      originBoardId,
      goal: "Faster berth lookups",
    },
  };
}

/** `X-Hub-Signature: sha256=<hex HMAC-SHA256(body)>`, as Jira signs a webhook registered with a secret. */
export const signJiraBody = (body: string, secret: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
