import { describe, expect, it } from "vitest";
import { issueBean, issueUpdated, sprintEvent, sprintItem, statusItem } from "@/test/jira-webhook-payloads";
import { commentText, readJiraWebhook } from "./webhook-transform";

describe("readJiraWebhook", () => {
  it("reads an issue update with its changelog, dated by the webhook's timestamp", () => {
    const body = issueUpdated({ items: [sprintItem("6", "6, 7"), statusItem("3", "10001")] });
    expect(readJiraWebhook(body)).toEqual({
      kind: "event",
      event: {
        type: "jira.issue",
        action: "updated",
        at: "2026-11-24T14:05:00.000Z",
        issue: {
          id: "10042",
          key: "ACME-42",
          projectKey: "ACME",
          summary: "Berth lookup times out",
          status: { id: "3", name: "In Progress", category: "indeterminate" },
          assignee: {
            accountId: "5b10a2844c20165700ede21g",
            emailAddress: "ada@acme.test",
            displayName: "Ada Lovelace",
          },
          sprintIds: [7],
          numericFields: { customfield_10016: 5 },
          labels: ["backend"],
        },
        changes: [
          {
            field: "Sprint",
            fieldId: "customfield_10020",
            from: "6",
            fromString: "Sprint 6",
            to: "6, 7",
            toString: "Sprint 6, 7",
          },
          { field: "status", fieldId: "status", from: "3", fromString: "In Progress", to: "10001", toString: "Done" },
        ],
        actorAccountId: "5b10ac8d82e05b22cc7d4ef5",
        comment: null,
      },
    });
  });

  it("reads created and deleted issues without a changelog, and an issue in no sprint", () => {
    const created = readJiraWebhook({
      ...issueUpdated({ issue: issueBean({ sprintIds: [], points: null }) }),
      webhookEvent: "jira:issue_created",
      changelog: undefined,
    });
    expect(created).toMatchObject({
      kind: "event",
      event: { type: "jira.issue", action: "created", changes: [], issue: { sprintIds: [], numericFields: {} } },
    });
    const deleted = readJiraWebhook({
      ...issueUpdated({ items: [statusItem("1", "3")] }),
      webhookEvent: "jira:issue_deleted",
    });
    expect(deleted).toMatchObject({ kind: "event", event: { action: "deleted", changes: [] } });
  });

  it("keeps a comment made with the update (issue_commented), as plain text from wiki markup or a document", () => {
    const wiki = readJiraWebhook(
      issueUpdated({
        eventTypeName: "issue_commented",
        comment: { id: "100", body: "Fixed in *main*", author: { accountId: "acc-9", displayName: "Lin" } },
      }),
    );
    expect(wiki).toMatchObject({
      event: { comment: { id: "100", text: "Fixed in *main*", authorAccountId: "acc-9", authorName: "Lin" } },
    });
    expect(
      commentText({
        type: "doc",
        version: 1,
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Deployed " },
              { type: "text", text: "v2" },
            ],
          },
        ],
      }),
    ).toBe("Deployed v2");
  });

  it("reads sprint events whatever the state's case, with the board they started on", () => {
    expect(readJiraWebhook(sprintEvent("sprint_started"))).toEqual({
      kind: "event",
      event: {
        type: "jira.sprint",
        action: "started",
        at: "2026-11-24T09:00:00.000Z",
        sprint: {
          id: 7,
          name: "ACME Sprint 7",
          state: "active",
          startDate: "2026-11-24T09:00:00.000Z",
          endDate: "2026-12-08T09:00:00.000Z",
          completeDate: null,
          originBoardId: 1,
        },
      },
    });
    expect(readJiraWebhook(sprintEvent("sprint_closed", { state: "CLOSED" }))).toMatchObject({
      event: { action: "closed", sprint: { state: "closed", completeDate: "2026-12-08T08:30:00.000Z" } },
    });
  });

  it("reads link and version events", () => {
    const link = readJiraWebhook({
      timestamp: 1_764_000_000_000,
      webhookEvent: "issuelink_created",
      issueLink: {
        id: 10001,
        sourceIssueId: 10042,
        destinationIssueId: 10043,
        issueLinkType: { id: 1, name: "Blocks" },
      },
    });
    expect(link).toMatchObject({
      event: { type: "jira.issuelink", link: { id: "10001", sourceIssueId: "10042", typeName: "Blocks" } },
    });
    const version = readJiraWebhook({
      timestamp: 1_764_000_000_000,
      webhookEvent: "jira:version_released",
      version: { id: "10100", name: "2.4.0", projectId: 10000, releaseDate: "2026-11-24", released: true },
    });
    expect(version).toMatchObject({
      event: { type: "jira.version", action: "released", version: { id: "10100", projectId: "10000", released: true } },
    });
  });

  it("ignores events Bosun does not act on, saying which", () => {
    expect(readJiraWebhook({ timestamp: 1, webhookEvent: "board_updated", board: {} })).toEqual({
      kind: "ignored",
      reason: "board_updated is not an event Bosun acts on",
    });
    expect(readJiraWebhook({ timestamp: 1, webhookEvent: "comment_created", comment: {} })).toMatchObject({
      kind: "ignored",
    });
    // An own property of Object.prototype is not an event either.
    expect(readJiraWebhook({ timestamp: 1, webhookEvent: "constructor" })).toMatchObject({ kind: "ignored" });
  });

  it("names the fields of a body that is not what Jira sends", () => {
    expect(readJiraWebhook({ webhookEvent: "jira:issue_updated" })).toMatchObject({
      kind: "invalid",
      fields: { timestamp: expect.any(String) },
    });
    expect(readJiraWebhook({ timestamp: 1 })).toMatchObject({
      kind: "invalid",
      fields: { webhookEvent: expect.any(String) },
    });
    const noKey = issueUpdated();
    expect(readJiraWebhook({ ...noKey, issue: { ...noKey.issue, key: undefined } })).toMatchObject({
      kind: "invalid",
      fields: { "issue.key": expect.any(String) },
    });
    expect(readJiraWebhook({ ...sprintEvent("sprint_started"), sprint: { id: "x", name: "S" } })).toMatchObject({
      kind: "invalid",
      fields: { "sprint.id": expect.any(String), "sprint.state": expect.any(String) },
    });
    expect(readJiraWebhook({ ...issueUpdated(), changelog: { items: [{ fieldId: "status" }] } })).toMatchObject({
      kind: "invalid",
      fields: { "changelog.items.0.field": expect.any(String) },
    });
  });
});
