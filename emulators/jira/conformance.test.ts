import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSpecValidator } from "../conformance/validator";
import type { OpenApiSpec } from "../conformance/trim-spec";
import type { JiraEmulator } from "./index";
import { basicAuth, clientsFor, raw, sdkError, startTestEmulator } from "./testing";

const load = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "spec", name), "utf8")) as OpenApiSpec;
const platform = createSpecValidator(load("jira-platform-v3.trimmed.json"));
const agileSpec = createSpecValidator(load("jira-agile.trimmed.json"));

let emulator: JiraEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/**
 * Jira sends null for a change item's missing from/to values, which its description types as plain strings;
 * the schema check sees change items without their null values.
 */
function withoutNullChangeValues(body: unknown): unknown {
  if (body === undefined) return body;
  return JSON.parse(JSON.stringify(body), function (this: unknown, key, value) {
    return value === null && Array.isArray(this) === false && "fieldtype" in (this as object) ? undefined : value;
  });
}

/** Fetches raw and validates the body against the official schema for that operation and status. */
async function conforms(method: string, specPath: string, url: string, body?: unknown, expectedStatus = 200) {
  const response = await raw(emulator, method, `/acme${url}`, body);
  expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(expectedStatus);
  const validator = specPath.startsWith("/rest/agile") ? agileSpec : platform;
  expect(validator.hasOperation(method, specPath)).toBe(true);
  const checked = withoutNullChangeValues(response.body);
  expect(validator.validateResponse({ method, path: specPath, status: response.status, body: checked })).toEqual([]);
  return response.body as Record<string, unknown>;
}

describe("platform REST v3 responses match the official schemas", () => {
  it("search, count, issues, comments, transitions, links", async () => {
    const search = await conforms(
      "GET",
      "/rest/api/3/search/jql",
      "/rest/api/3/search/jql?jql=project+%3D+ACME+ORDER+BY+Rank&fields=*all&maxResults=5",
    );
    expect((search.issues as unknown[]).length).toBe(5);
    await conforms("POST", "/rest/api/3/search/jql", "/rest/api/3/search/jql", {
      jql: "project = PORT",
      fields: ["summary", "status", "customfield_10020"],
      maxResults: 2,
    });
    await conforms("POST", "/rest/api/3/search/approximate-count", "/rest/api/3/search/approximate-count", {
      jql: "project = ACME",
    });
    const created = await conforms(
      "POST",
      "/rest/api/3/issue",
      "/rest/api/3/issue",
      {
        fields: {
          project: { key: "ACME" },
          issuetype: { name: "Story" },
          summary: "Conformance story",
          customfield_10016: 3,
        },
      },
      201,
    );
    const key = created.key as string;
    await conforms(
      "POST",
      "/rest/api/3/issue/bulk",
      "/rest/api/3/issue/bulk",
      {
        issueUpdates: [
          { fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Bulk one" } },
          { fields: { project: { key: "ACME" } } },
        ],
      },
      201,
    );
    await conforms("GET", "/rest/api/3/issue/{issueIdOrKey}", `/rest/api/3/issue/${key}`);
    await conforms(
      "PUT",
      "/rest/api/3/issue/{issueIdOrKey}",
      `/rest/api/3/issue/${key}`,
      { fields: { labels: ["customer"] } },
      204,
    );
    await conforms(
      "PUT",
      "/rest/api/3/issue/{issueIdOrKey}/assignee",
      `/rest/api/3/issue/${key}/assignee`,
      { accountId: null },
      204,
    );
    await conforms("GET", "/rest/api/3/issue/{issueIdOrKey}/transitions", `/rest/api/3/issue/${key}/transitions`);
    await conforms(
      "POST",
      "/rest/api/3/issue/{issueIdOrKey}/transitions",
      `/rest/api/3/issue/${key}/transitions`,
      { transition: { id: "11" } },
      204,
    );
    await conforms(
      "POST",
      "/rest/api/3/issue/{issueIdOrKey}/comment",
      `/rest/api/3/issue/${key}/comment`,
      { body: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "hi" }] }] } },
      201,
    );
    await conforms("GET", "/rest/api/3/issue/{issueIdOrKey}/comment", `/rest/api/3/issue/${key}/comment`);
    await conforms(
      "POST",
      "/rest/api/3/issue/{issueIdOrKey}/remotelink",
      `/rest/api/3/issue/${key}/remotelink`,
      {
        globalId: "sentry-issue-1",
        object: { url: "https://sentry.example/issues/1/", title: "TypeError in checkout" },
      },
      201,
    );
    await conforms(
      "GET",
      "/rest/api/3/issue/{issueIdOrKey}/remotelink",
      `/rest/api/3/issue/${key}/remotelink?globalId=sentry-issue-1`,
    );
    await conforms(
      "POST",
      "/rest/api/3/issueLink",
      "/rest/api/3/issueLink",
      { type: { name: "Blocks" }, inwardIssue: { key: "ACME-1" }, outwardIssue: { key } },
      201,
    );
    await conforms("GET", "/rest/api/3/issueLinkType", "/rest/api/3/issueLinkType");
  });

  it("finds created issues by their marker labels, one or many in a search", async () => {
    const marked = await conforms(
      "POST",
      "/rest/api/3/issue",
      "/rest/api/3/issue",
      {
        fields: {
          project: { key: "ACME" },
          issuetype: { name: "Bug" },
          summary: "Marked single",
          labels: ["sentry", "bosun-w-0123456789abcdef0123"],
        },
      },
      201,
    );
    const bulk = await conforms(
      "POST",
      "/rest/api/3/issue/bulk",
      "/rest/api/3/issue/bulk",
      {
        issueUpdates: ["a", "b"].map((n) => ({
          fields: {
            project: { key: "ACME" },
            issuetype: { name: "Story" },
            summary: `Marked ${n}`,
            labels: [`bosun-w-${n.repeat(20)}`],
          },
        })),
      },
      201,
    );
    const one = await conforms(
      "GET",
      "/rest/api/3/search/jql",
      `/rest/api/3/search/jql?jql=${encodeURIComponent('labels = "bosun-w-0123456789abcdef0123"')}&fields=labels&maxResults=100`,
    );
    expect(
      (one.issues as { key: string; fields: { labels: string[] } }[]).map((i) => [i.key, i.fields.labels]),
    ).toEqual([[marked.key, ["sentry", "bosun-w-0123456789abcdef0123"]]]);
    const many = await conforms(
      "GET",
      "/rest/api/3/search/jql",
      `/rest/api/3/search/jql?jql=${encodeURIComponent('labels in ("bosun-w-aaaaaaaaaaaaaaaaaaaa", "bosun-w-bbbbbbbbbbbbbbbbbbbb", "bosun-w-cccccccccccccccccccc")')}&fields=labels&maxResults=100`,
    );
    expect((many.issues as { key: string }[]).map((i) => i.key).sort()).toEqual(
      (bulk.issues as { key: string }[]).map((i) => i.key).sort(),
    );
  });

  it("finds the open issues of several assignees in one search, each with its assignee", async () => {
    const assigned = await conforms(
      "GET",
      "/rest/api/3/search/jql",
      `/rest/api/3/search/jql?jql=${encodeURIComponent("assignee is not EMPTY AND statusCategory != Done")}&fields=assignee&maxResults=100`,
    );
    const accountIds = [
      ...new Set(
        (assigned.issues as { fields: { assignee: { accountId: string } } }[]).map((i) => i.fields.assignee.accountId),
      ),
    ].slice(0, 3);
    expect(accountIds.length).toBe(3);
    const jql = `assignee in (${accountIds.map((id) => `"${id}"`).join(", ")}) AND statusCategory != Done ORDER BY updated DESC`;
    const batched = await conforms(
      "GET",
      "/rest/api/3/search/jql",
      `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=summary,status,issuetype,assignee&maxResults=100`,
    );
    const batchedKeys = (batched.issues as { key: string; fields: { assignee: { accountId: string } } }[]).map((i) => {
      expect(accountIds).toContain(i.fields.assignee.accountId);
      return i.key;
    });
    const oneByOne: string[] = [];
    for (const id of accountIds) {
      const single = await conforms(
        "GET",
        "/rest/api/3/search/jql",
        `/rest/api/3/search/jql?jql=${encodeURIComponent(`assignee = "${id}" AND statusCategory != Done`)}&fields=summary&maxResults=100`,
      );
      oneByOne.push(...(single.issues as { key: string }[]).map((i) => i.key));
    }
    expect(batchedKeys.sort()).toEqual(oneByOne.sort());
  });

  it("projects, versions, metadata and users", async () => {
    await conforms("GET", "/rest/api/3/project/search", "/rest/api/3/project/search?maxResults=2");
    await conforms("GET", "/rest/api/3/project/{projectIdOrKey}", "/rest/api/3/project/ACME");
    await conforms("GET", "/rest/api/3/project/{projectIdOrKey}/components", "/rest/api/3/project/ACME/components");
    await conforms("GET", "/rest/api/3/project/{projectIdOrKey}/versions", "/rest/api/3/project/ACME/versions");
    await conforms(
      "GET",
      "/rest/api/3/project/{projectIdOrKey}/version",
      "/rest/api/3/project/ACME/version?status=released&orderBy=-releaseDate",
    );
    const version = await conforms(
      "POST",
      "/rest/api/3/version",
      "/rest/api/3/version",
      { name: "9.9.9", projectId: 10000, releaseDate: "2026-12-01" },
      201,
    );
    await conforms("GET", "/rest/api/3/version/{id}", `/rest/api/3/version/${version.id}`);
    await conforms("PUT", "/rest/api/3/version/{id}", `/rest/api/3/version/${version.id}`, {
      released: true,
      releaseDate: "2026-11-20",
    });
    await conforms(
      "GET",
      "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes",
      "/rest/api/3/issue/createmeta/ACME/issuetypes",
    );
    await conforms("GET", "/rest/api/3/field", "/rest/api/3/field");
    await conforms("GET", "/rest/api/3/field/search", "/rest/api/3/field/search?type=custom");
    await conforms("GET", "/rest/api/3/issuetype", "/rest/api/3/issuetype");
    await conforms("GET", "/rest/api/3/priority", "/rest/api/3/priority");
    await conforms("GET", "/rest/api/3/status", "/rest/api/3/status");
    await conforms("GET", "/rest/api/3/serverInfo", "/rest/api/3/serverInfo");
    await conforms("GET", "/rest/api/3/myself", "/rest/api/3/myself");
    await conforms("GET", "/rest/api/3/user/search", "/rest/api/3/user/search?query=gra");
    await conforms("GET", "/rest/api/3/user/assignable/search", "/rest/api/3/user/assignable/search?project=ACME");
  });

  it("error bodies use the ErrorCollection shape", async () => {
    const invalid = await conforms(
      "POST",
      "/rest/api/3/issue",
      "/rest/api/3/issue",
      { fields: { project: { key: "ACME" }, issuetype: { name: "Story" } } },
      400,
    );
    expect(invalid).toEqual({ errorMessages: [], errors: { summary: "You must specify a summary of the issue." } });
    const unauthorized = await raw(emulator, "POST", "/acme/rest/api/3/issue", {}, basicAuth("ada@acme.test", "wrong"));
    expect(unauthorized.status).toBe(401);
    expect(
      platform.validateResponse({ method: "POST", path: "/rest/api/3/issue", status: 401, body: unauthorized.body }),
    ).toEqual([]);
    const missing = await raw(emulator, "GET", "/acme/rest/api/3/issue/ACME-99999");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errorMessages: ["Issue does not exist or you do not have permission to see it."],
      errors: {},
    });
  });
});

describe("change history, permissions and deletes match the official schemas", () => {
  it("mypermissions answers ADMINISTER for the site administrator only", async () => {
    const admin = await conforms(
      "GET",
      "/rest/api/3/mypermissions",
      "/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS",
    );
    expect(admin.permissions).toMatchObject({
      ADMINISTER: { key: "ADMINISTER", havePermission: true, type: "GLOBAL" },
      BROWSE_PROJECTS: { havePermission: true },
    });
    const grace = await raw(
      emulator,
      "GET",
      "/acme/rest/api/3/mypermissions?permissions=ADMINISTER",
      undefined,
      basicAuth("grace@acme.test"),
    );
    expect(
      platform.validateResponse({ method: "GET", path: "/rest/api/3/mypermissions", status: 200, body: grace.body }),
    ).toEqual([]);
    expect((grace.body as { permissions: { ADMINISTER: { havePermission: boolean } } }).permissions.ADMINISTER).toEqual(
      expect.objectContaining({ havePermission: false }),
    );
    expect((await raw(emulator, "GET", "/acme/rest/api/3/mypermissions")).status).toBe(400);
    expect((await raw(emulator, "GET", "/acme/rest/api/3/mypermissions?permissions=NOPE")).status).toBe(400);
  });

  it("records changes as a changelog, paged oldest first and bulk-fetched by field", async () => {
    const created = await conforms(
      "POST",
      "/rest/api/3/issue",
      "/rest/api/3/issue",
      { fields: { project: { key: "ACME" }, issuetype: { name: "Story" }, summary: "History" } },
      201,
    );
    const key = created.key as string;
    await raw(emulator, "POST", `/acme/rest/api/3/issue/${key}/transitions`, { transition: { id: "11" } });
    await raw(emulator, "PUT", `/acme/rest/api/3/issue/${key}`, {
      fields: { customfield_10016: 5, summary: "Renamed" },
    });
    await raw(emulator, "POST", `/acme/rest/api/3/issue/${key}/transitions`, { transition: { id: "21" } });

    const first = await conforms(
      "GET",
      "/rest/api/3/issue/{issueIdOrKey}/changelog",
      `/rest/api/3/issue/${key}/changelog?maxResults=2`,
    );
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false, nextPage: expect.any(String) });
    const values = first.values as { id: string; created: string; items: Record<string, string>[] }[];
    expect(values[0]!.items).toEqual([
      {
        field: "status",
        fieldtype: "jira",
        fieldId: "status",
        from: "10000",
        fromString: "To Do",
        to: "3",
        toString: "In Progress",
      },
    ]);
    expect(values[1]!.items.map((i) => i.fieldId)).toEqual(["summary", "customfield_10016"]);
    const second = await conforms(
      "GET",
      "/rest/api/3/issue/{issueIdOrKey}/changelog",
      `/rest/api/3/issue/${key}/changelog?startAt=2`,
    );
    expect(second).toMatchObject({ startAt: 2, total: 3, isLast: true });
    const expanded = await conforms(
      "GET",
      "/rest/api/3/issue/{issueIdOrKey}",
      `/rest/api/3/issue/${key}?expand=changelog&fields=status`,
    );
    const recent = expanded.changelog as { total: number; histories: { id: string }[] };
    expect(recent.total).toBe(3);
    expect(recent.histories.map((h) => h.id)).toEqual(
      [...values, ...(second.values as { id: string }[])].map((h) => h.id).reverse(),
    );

    // Seeded issues that left To Do carry that change, dated when their status category changed.
    const done = emulator
      .store()
      .sites.get("acme")!
      .data.issues.find((i) => i.statusId === "10002")!;
    const query = { issueIdsOrKeys: [key, done.key], fieldIds: ["status"] };
    const bulk = await conforms("POST", "/rest/api/3/changelog/bulkfetch", "/rest/api/3/changelog/bulkfetch", {
      ...query,
      maxResults: 1,
    });
    type BulkLogs = {
      issueId: string;
      changeHistories: { id: string; created: string; items: Record<string, string>[] }[];
    }[];
    const seeded = bulk.issueChangeLogs as BulkLogs;
    expect(seeded).toEqual([{ issueId: String(done.id), changeHistories: [expect.any(Object)] }]);
    expect(Date.parse(seeded[0]!.changeHistories[0]!.created)).toBe(done.statusCategoryChangeDate);
    expect(seeded[0]!.changeHistories[0]!.items).toEqual([
      expect.objectContaining({ fieldId: "status", from: "10000", to: "10002", toString: "Done" }),
    ]);
    const rest = await conforms("POST", "/rest/api/3/changelog/bulkfetch", "/rest/api/3/changelog/bulkfetch", {
      ...query,
      nextPageToken: bulk.nextPageToken,
    });
    expect(rest.nextPageToken).toBeUndefined();
    const restLogs = rest.issueChangeLogs as BulkLogs;
    expect(restLogs.map((log) => log.issueId)).toEqual([created.id]);
    expect(restLogs[0]!.changeHistories.map((h) => [h.id, h.items.map((i) => i.toString)])).toEqual([
      [values[0]!.id, ["In Progress"]],
      [expect.any(String), ["In Review"]],
    ]);
    const bad = await raw(emulator, "POST", "/acme/rest/api/3/changelog/bulkfetch", { issueIdsOrKeys: [] });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Record<string, string> }).errors.issueIdsOrKeys).toBeDefined();
  });

  it("deletes issue links and issues", async () => {
    const { v3 } = clientsFor(emulator);
    const issue = await v3.issues.createIssue({
      fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Short-lived" },
    });
    await v3.issueLinks.linkIssues({
      type: { name: "Blocks" },
      inwardIssue: { key: "ACME-1" },
      outwardIssue: { key: issue.key },
    });
    const linked = await v3.issues.getIssue({ issueIdOrKey: issue.key, fields: ["issuelinks"] });
    const linkId = (linked.fields.issuelinks as { id: string }[])[0]!.id;
    await conforms("DELETE", "/rest/api/3/issueLink/{linkId}", `/rest/api/3/issueLink/${linkId}`, undefined, 204);
    expect((await raw(emulator, "DELETE", `/acme/rest/api/3/issueLink/${linkId}`)).status).toBe(404);
    await conforms("DELETE", "/rest/api/3/issue/{issueIdOrKey}", `/rest/api/3/issue/${issue.key}`, undefined, 204);
    expect((await sdkError(v3.issues.getIssue({ issueIdOrKey: issue.key }))).status).toBe(404);
  });
});

describe("Agile 1.0 responses match the official schemas and examples", () => {
  it("boards, configuration, sprints and issue lists", async () => {
    const boards = await conforms("GET", "/rest/agile/1.0/board", "/rest/agile/1.0/board");
    expect(boards.values).toHaveLength(3);
    await conforms("GET", "/rest/agile/1.0/board/{boardId}", "/rest/agile/1.0/board/1");
    const config = await conforms(
      "GET",
      "/rest/agile/1.0/board/{boardId}/configuration",
      "/rest/agile/1.0/board/1/configuration",
    );
    expect(config.estimation).toEqual({
      type: "field",
      field: { fieldId: "customfield_10016", displayName: "Story point estimate" },
    });
    const sprints = await conforms("GET", "/rest/agile/1.0/board/{boardId}/sprint", "/rest/agile/1.0/board/1/sprint");
    const sprintKeys = Object.keys((sprints.values as object[])[0] as object);
    expect(sprintKeys).toEqual(
      expect.arrayContaining([
        "id",
        "self",
        "state",
        "name",
        "startDate",
        "endDate",
        "completeDate",
        "originBoardId",
        "goal",
      ]),
    );
    await conforms(
      "GET",
      "/rest/agile/1.0/board/{boardId}/sprint/{sprintId}/issue",
      "/rest/agile/1.0/board/1/sprint/9/issue",
    );
    await conforms("GET", "/rest/agile/1.0/board/{boardId}/backlog", "/rest/agile/1.0/board/1/backlog");
    await conforms("GET", "/rest/agile/1.0/board/{boardId}/issue", "/rest/agile/1.0/board/1/issue?maxResults=10");
    const epics = await conforms("GET", "/rest/agile/1.0/board/{boardId}/epic", "/rest/agile/1.0/board/1/epic");
    expect(Object.keys((epics.values as object[])[0] as object)).toEqual(
      expect.arrayContaining(["id", "self", "name", "summary", "color", "done"]),
    );
    await conforms("GET", "/rest/agile/1.0/board/{boardId}/version", "/rest/agile/1.0/board/1/version?released=true");
    await conforms("GET", "/rest/agile/1.0/board/{boardId}/project", "/rest/agile/1.0/board/1/project");
  });

  it("sprint lifecycle, moves, rank and estimation", async () => {
    const sprint = await conforms(
      "POST",
      "/rest/agile/1.0/sprint",
      "/rest/agile/1.0/sprint",
      { name: "Conformance sprint", originBoardId: 2 },
      201,
    );
    await conforms("GET", "/rest/agile/1.0/sprint/{sprintId}", `/rest/agile/1.0/sprint/${sprint.id}`);
    await conforms("POST", "/rest/agile/1.0/sprint/{sprintId}", `/rest/agile/1.0/sprint/${sprint.id}`, {
      goal: "Ship it",
    });
    await conforms("PUT", "/rest/agile/1.0/sprint/{sprintId}", `/rest/agile/1.0/sprint/${sprint.id}`, {
      name: "Conformance sprint",
      goal: "Ship it",
      state: "future",
      startDate: "2026-12-01T09:00:00.000Z",
      endDate: "2026-12-15T09:00:00.000Z",
    });
    await conforms(
      "POST",
      "/rest/agile/1.0/sprint/{sprintId}/issue",
      `/rest/agile/1.0/sprint/${sprint.id}/issue`,
      { issues: ["PORT-2"] },
      204,
    );
    await conforms("GET", "/rest/agile/1.0/sprint/{sprintId}/issue", `/rest/agile/1.0/sprint/${sprint.id}/issue`);
    await conforms(
      "POST",
      "/rest/agile/1.0/backlog/issue",
      "/rest/agile/1.0/backlog/issue",
      { issues: ["PORT-2"] },
      204,
    );
    await conforms(
      "PUT",
      "/rest/agile/1.0/issue/rank",
      "/rest/agile/1.0/issue/rank",
      { issues: ["PORT-2"], rankBeforeIssue: "PORT-3" },
      204,
    );
    await conforms(
      "GET",
      "/rest/agile/1.0/issue/{issueIdOrKey}/estimation",
      "/rest/agile/1.0/issue/PORT-2/estimation?boardId=2",
    );
    await conforms(
      "PUT",
      "/rest/agile/1.0/issue/{issueIdOrKey}/estimation",
      "/rest/agile/1.0/issue/PORT-2/estimation?boardId=2",
      { value: 5 },
    );
    await conforms(
      "DELETE",
      "/rest/agile/1.0/sprint/{sprintId}",
      `/rest/agile/1.0/sprint/${sprint.id}`,
      undefined,
      204,
    );
  });
});

describe("jira.js sends requests the emulator accepts, exactly as serialized", () => {
  it("Version3Client", async () => {
    const { v3 } = clientsFor(emulator);
    expect((await v3.myself.getCurrentUser()).emailAddress).toBe("ada@acme.test");
    const page = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: 'project = ACME AND status in ("To Do", "In Progress") ORDER BY created DESC',
      fields: ["summary", "status"],
      maxResults: 3,
    });
    expect(page.issues).toHaveLength(3);
    const next = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = ACME AND status in ("To Do", "In Progress") ORDER BY created DESC',
      fields: ["summary"],
      maxResults: 3,
      nextPageToken: page.nextPageToken,
    });
    expect(next.issues?.[0]?.key).not.toBe(page.issues?.[0]?.key);
    expect((await v3.issueSearch.countIssues({ jql: "project = ACME" })).count).toBeGreaterThan(0);
    const created = await v3.issues.createIssue({
      fields: {
        project: { key: "HULL" },
        issuetype: { name: "Bug" },
        summary: "Created through jira.js",
        description: "Plain text becomes ADF",
      } as never,
    });
    const issue = await v3.issues.getIssue({ issueIdOrKey: created.key, fields: ["summary", "description"] });
    expect(issue.fields.description).toEqual({
      type: "doc",
      version: 1,
      content: [{ type: "paragraph", content: [{ type: "text", text: "Plain text becomes ADF" }] }],
    });
    await v3.issues.editIssue({ issueIdOrKey: created.key, fields: { labels: ["internal"] } });
    await v3.issues.assignIssue({ issueIdOrKey: created.key, accountId: (await v3.myself.getCurrentUser()).accountId });
    const transitions = await v3.issues.getTransitions({ issueIdOrKey: created.key });
    await v3.issues.doTransition({ issueIdOrKey: created.key, transition: { id: transitions.transitions?.[0]?.id } });
    await v3.issueComments.addComment({ issueIdOrKey: created.key, comment: "Looks good" });
    expect((await v3.issueComments.getComments({ issueIdOrKey: created.key })).total).toBe(1);
    const bulk = await v3.issues.createIssues({
      issueUpdates: [{ fields: { project: { key: "HULL" }, issuetype: { name: "Task" }, summary: "Bulk via SDK" } }],
    });
    expect(bulk.issues).toHaveLength(1);
    expect((await v3.projects.searchProjects({ keys: ["ACME", "PORT"] })).values).toHaveLength(2);
    expect((await v3.projects.getProject({ projectIdOrKey: "ACME" })).key).toBe("ACME");
    expect((await v3.projectComponents.getProjectComponents({ projectIdOrKey: "ACME" })).map((c) => c.name)).toEqual([
      "Platform",
      "Billing",
      "Infrastructure",
    ]);
    expect((await v3.projectVersions.getProjectVersions({ projectIdOrKey: "ACME" })).length).toBeGreaterThan(0);
    // Called with a bare key, jira.js sends startAt=false&maxResults=false&...; that must still page normally.
    expect((await v3.projectVersions.getProjectVersionsPaginated("ACME" as never)).values?.length).toBeGreaterThan(0);
    const version = await v3.projectVersions.createVersion({ name: "SDK release", projectId: 10000 });
    expect(
      (await v3.projectVersions.updateVersion({ id: version.id as string, released: true, releaseDate: "2026-11-21" }))
        .released,
    ).toBe(true);
    expect((await v3.issueFields.getFields()).find((f) => f.id === "customfield_10016")?.schema?.custom).toBe(
      "com.pyxis.greenhopper.jira:jsw-story-points",
    );
    expect(
      (await v3.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: "ACME" })).issueTypes?.map((t) => t.name),
    ).toContain("Subtask");
    expect(
      (await v3.userSearch.findAssignableUsers({ project: "ACME", query: "ada" })).map((u) => u.displayName),
    ).toEqual(["Ada Lovelace"]);
    expect((await v3.userSearch.findUsers({ query: "grace" }))[0]?.emailAddress).toBe("grace@acme.test");
    await v3.issueLinks.linkIssues({
      type: { name: "Blocks" },
      inwardIssue: { key: "ACME-2" },
      outwardIssue: { key: created.key },
    });
    expect((await v3.issueLinkTypes.getIssueLinkTypes()).issueLinkTypes?.[0]).toMatchObject({
      name: "Blocks",
      inward: "is blocked by",
      outward: "blocks",
    });
    await v3.issueRemoteLinks.createOrUpdateRemoteIssueLink({
      issueIdOrKey: created.key,
      object: { url: "https://sentry.example/1", title: "Sentry 1" },
    });
    expect(await v3.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: created.key })).toHaveLength(1);
    expect((await v3.workflowStatuses.getStatuses()).map((s) => s.name)).toEqual([
      "To Do",
      "In Progress",
      "In Review",
      "Done",
    ]);
    expect((await v3.issuePriorities.getPriorities()).map((p) => p.name)).toContain("Highest");
    expect((await v3.issueTypes.getIssueAllTypes()).length).toBe(5);
    expect((await v3.serverInfo.getServerInfo()).deploymentType).toBe("Cloud");
  });

  it("AgileClient", async () => {
    const { agile } = clientsFor(emulator, "globex", { email: "hedy@globex.test", apiToken: "jira-demo-token" });
    const boards = await agile.board.getAllBoards({ projectKeyOrId: "GLX" });
    expect(boards.values?.map((b) => b.name)).toEqual(["GLX board"]);
    const boardId = boards.values?.[0]?.id as number;
    expect((await agile.board.getBoard({ boardId })).id).toBe(boardId);
    expect((await agile.board.getConfiguration({ boardId })).ranking?.rankCustomFieldId).toBe(10019);
    const active = await agile.board.getAllSprints({ boardId, state: "active" });
    const activeSprint = active.values[0];
    expect(activeSprint?.state).toBe("active");
    const sprintIssues = await agile.sprint.getIssuesForSprint({
      sprintId: activeSprint?.id as number,
      fields: ["summary", "customfield_10016"],
      jql: "issuetype != Subtask",
    });
    expect(sprintIssues.issues?.length).toBeGreaterThan(0);
    const boardSprintIssues = (await agile.board.getBoardIssuesForSprint({
      boardId,
      sprintId: activeSprint?.id as number,
      maxResults: 2,
    })) as { issues: unknown[] };
    expect(boardSprintIssues.issues).toHaveLength(2);
    const backlog = await agile.board.getIssuesForBacklog({ boardId, fields: ["summary"] });
    expect(backlog.issues?.length).toBeGreaterThan(0);
    expect((await agile.board.getIssuesForBoard({ boardId, maxResults: 5 })).issues).toHaveLength(5);
    expect((await agile.board.getEpics({ boardId })).values.length).toBeGreaterThan(0);
    expect((await agile.board.getAllVersions({ boardId, released: "true" })).values.every((v) => v.released)).toBe(
      true,
    );
    expect((await agile.board.getProjects({ boardId })).values?.[0]?.key).toBe("GLX");
    const sprint = await agile.sprint.createSprint({
      name: "SDK sprint",
      originBoardId: boardId,
      startDate: "2026-12-01T09:00:00.000Z",
      endDate: "2026-12-15T09:00:00.000Z",
    });
    expect(sprint.state).toBe("future");
    expect((await agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id, goal: "Goal" })).goal).toBe("Goal");
    expect(
      (
        await agile.sprint.updateSprint({
          sprintId: sprint.id,
          name: "SDK sprint 2",
          state: "future",
          startDate: "2026-12-01T09:00:00.000Z",
          endDate: "2026-12-15T09:00:00.000Z",
        })
      ).name,
    ).toBe("SDK sprint 2");
    const backlogKey = backlog.issues?.[0]?.key as string;
    await agile.sprint.moveIssuesToSprintAndRank({ sprintId: sprint.id, issues: [backlogKey] });
    expect((await agile.sprint.getSprint({ sprintId: sprint.id })).name).toBe("SDK sprint 2");
    await agile.backlog.moveIssuesToBacklog({ issues: [backlogKey] });
    await agile.issue.rankIssues({ issues: [backlogKey], rankAfterIssue: backlog.issues?.[1]?.key });
    await agile.issue.estimateIssueForBoard({ issueIdOrKey: backlogKey, boardId, value: "8" });
    expect(await agile.issue.getIssueEstimationForBoard({ issueIdOrKey: backlogKey, boardId })).toEqual({
      fieldId: "customfield_10016",
      value: "8.0",
    });
    await agile.sprint.deleteSprint({ sprintId: sprint.id });
    expect((await sdkError(agile.sprint.getSprint({ sprintId: sprint.id }))).status).toBe(404);
  });
});
