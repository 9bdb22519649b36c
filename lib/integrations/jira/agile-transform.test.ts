import { describe, expect, it } from "vitest";
import { toBoard, toSprint, toWorkItem, workItemFields } from "./agile-transform";

const issue = {
  key: "ACME-42",
  fields: {
    summary: "Berth schedule export",
    issuetype: { name: "Story" },
    status: { name: "In Progress", statusCategory: { key: "indeterminate" } },
    assignee: { accountId: "712020:abc", displayName: "Jan Kowalski", emailAddress: "jan@acme.test" },
    components: [{ name: "Berths" }],
    labels: ["customer"],
    parent: { key: "ACME-1", fields: { summary: "Berth scheduling", issuetype: { name: "Epic" } } },
    issuelinks: [
      {
        type: { name: "Blocks" },
        inwardIssue: { key: "ACME-40", fields: { status: { name: "To Do", statusCategory: { key: "new" } } } },
      },
      {
        type: { name: "Blocks" },
        outwardIssue: { key: "ACME-50", fields: { status: { name: "Done", statusCategory: { key: "done" } } } },
      },
      { type: { name: "Relates" }, inwardIssue: { key: "ACME-7" } },
    ],
    resolutiondate: null,
    customfield_10020: [
      { id: 11, name: "Sprint 11" },
      { id: 12, name: "Sprint 12" },
    ],
    customfield_10016: 5,
  },
};

describe("toWorkItem", () => {
  it("maps what capacity and planning need, reading points from the board's field", () => {
    expect(toWorkItem(issue, "customfield_10016")).toEqual({
      key: "ACME-42",
      summary: "Berth schedule export",
      issueType: "Story",
      status: "In Progress",
      statusCategory: "indeterminate",
      points: 5,
      assigneeAccountId: "712020:abc",
      assigneeName: "Jan Kowalski",
      components: ["Berths"],
      labels: ["customer"],
      epic: { key: "ACME-1", name: "Berth scheduling" },
      blockedBy: [{ key: "ACME-40", statusCategory: "new" }],
      sprintIds: [11, 12],
      resolvedAt: null,
    });
  });

  it("treats a missing or non-numeric estimate as unestimated, and a non-epic parent as no epic", () => {
    const subtask = {
      key: "ACME-43",
      fields: {
        summary: "x",
        parent: { key: "ACME-42", fields: { summary: "y", issuetype: { name: "Story" } } },
        customfield_10016: "5",
      },
    };
    expect(toWorkItem(subtask, "customfield_10016")).toMatchObject({
      points: null,
      epic: null,
      statusCategory: "new",
      assigneeAccountId: null,
      assigneeName: null,
      blockedBy: [],
    });
    expect(toWorkItem(issue, null)?.points).toBeNull();
  });

  it("names the assignee as toJiraAccount does: display name, else email, else accountId", () => {
    const withAssignee = (assignee: object) =>
      toWorkItem({ ...issue, fields: { ...issue.fields, assignee } }, null)?.assigneeName;
    expect(withAssignee({ accountId: "712020:abc", displayName: "", emailAddress: "jan@acme.test" })).toBe(
      "jan@acme.test",
    );
    expect(withAssignee({ accountId: "712020:abc", emailAddress: null })).toBe("712020:abc");
  });

  it("drops answers that are not issues", () => {
    expect(toWorkItem({ nope: true }, null)).toBeNull();
    expect(toWorkItem("<html>", null)).toBeNull();
  });

  it("asks only for the fields it reads", () => {
    expect(workItemFields("customfield_10016")).toContain("customfield_10016");
    expect(workItemFields(null)).not.toContain(null);
  });
});

describe("boards and sprints", () => {
  it("maps a board and a sprint", () => {
    expect(toBoard({ id: 1, name: "ACME board", type: "scrum", location: { projectKey: "ACME" } })).toEqual({
      id: 1,
      name: "ACME board",
      type: "scrum",
      projectKey: "ACME",
    });
    expect(
      toSprint({
        id: 9,
        name: "Sprint 9",
        state: "active",
        startDate: "2026-11-17T09:00:00.000Z",
        endDate: "2026-12-01T09:00:00.000Z",
        goal: "",
      }),
    ).toEqual({
      id: 9,
      name: "Sprint 9",
      state: "active",
      startDate: "2026-11-17T09:00:00.000Z",
      endDate: "2026-12-01T09:00:00.000Z",
      completeDate: null,
      goal: null,
    });
    expect(toSprint({ id: 9, name: "x", state: "paused" })).toBeNull();
  });
});
