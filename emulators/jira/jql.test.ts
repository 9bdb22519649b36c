import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "./index";
import type { JiraIssue } from "./model";
import { STATUS_IDS } from "./reference";
import { raw, startTestEmulator } from "./testing";

let emulator: JiraEmulator;
const acme = () => emulator.store().sites.get("acme")!;
const ADA_ID = () => acme().findUserByEmail("ada@acme.test")!.accountId;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});

type SearchBody = {
  issues: { id: string; key?: string; fields?: Record<string, unknown> }[];
  nextPageToken?: string;
  isLast: boolean;
};

async function search(jql: string, extra: Record<string, unknown> = {}) {
  const response = await raw(emulator, "POST", "/acme/rest/api/3/search/jql", { jql, maxResults: 5000, ...extra });
  return response as { status: number; body: SearchBody & { errorMessages?: string[]; errors?: object } };
}

async function keys(jql: string): Promise<string[]> {
  const response = await search(jql, { fields: ["key"] });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.issues.map((i) => i.key as string);
}

const expected = (filter: (issue: JiraIssue) => boolean) =>
  acme()
    .data.issues.filter(filter)
    .map((i) => i.key)
    .sort();

describe("JQL semantics", () => {
  it("filters by project, status, statusCategory, issuetype, labels and component", async () => {
    const project = acme().findProject("ACME")!;
    expect((await keys("project = ACME")).sort()).toEqual(expected((i) => i.projectId === project.id));
    expect((await keys('project = ACME AND status = "In Progress"')).sort()).toEqual(
      expected((i) => i.projectId === project.id && i.statusId === STATUS_IDS.inProgress),
    );
    expect((await keys("project in (ACME, PORT) AND statusCategory != Done")).sort()).toEqual(
      expected((i) => ["10000", "10001"].includes(i.projectId) && i.statusId !== STATUS_IDS.done),
    );
    expect((await keys("project = ACME AND issuetype = Epic")).sort()).toEqual(
      expected((i) => i.projectId === project.id && i.issueTypeId === "10000"),
    );
    expect((await keys("labels = customer")).sort()).toEqual(expected((i) => i.labels.includes("customer")));
    expect((await keys("project = ACME AND labels not in (customer, internal)")).sort()).toEqual(
      expected(
        (i) =>
          i.projectId === project.id &&
          i.labels.length > 0 &&
          !i.labels.includes("customer") &&
          !i.labels.includes("internal"),
      ),
    );
    expect((await keys("component = Billing")).sort()).toEqual(
      expected((i) => i.componentIds.includes(project.components.find((c) => c.name === "Billing")!.id)),
    );
  });

  it("handles sprint functions, ids and EMPTY", async () => {
    const open = new Set(
      acme()
        .data.sprints.filter((s) => s.state !== "closed")
        .map((s) => s.id),
    );
    const closed = new Set(
      acme()
        .data.sprints.filter((s) => s.state === "closed")
        .map((s) => s.id),
    );
    expect((await keys("sprint in openSprints()")).sort()).toEqual(
      expected((i) => i.sprintIds.some((id) => open.has(id))),
    );
    expect((await keys("project = ACME AND sprint in closedSprints()")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && i.sprintIds.some((id) => closed.has(id))),
    );
    expect((await keys("sprint = 9")).sort()).toEqual(expected((i) => i.sprintIds.includes(9)));
    expect((await keys('sprint = "ACME Sprint 9"')).sort()).toEqual(expected((i) => i.sprintIds.includes(9)));
    expect((await keys("project = ACME AND sprint is EMPTY")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && i.sprintIds.length === 0),
    );
    expect((await keys("sprint in futureSprints()")).length).toBeGreaterThan(0);
  });

  it("resolves assignee, currentUser() and EMPTY, and never matches empty values with !=", async () => {
    const ada = ADA_ID();
    expect((await keys("assignee = currentUser()")).sort()).toEqual(expected((i) => i.assigneeId === ada));
    expect((await keys(`assignee = "${ada}"`)).sort()).toEqual(expected((i) => i.assigneeId === ada));
    expect((await keys("assignee = ada@acme.test")).sort()).toEqual(expected((i) => i.assigneeId === ada));
    expect((await keys("project = ACME AND assignee is EMPTY")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && i.assigneeId === null),
    );
    expect((await keys("project = ACME AND assignee in (EMPTY, currentUser())")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && (i.assigneeId === null || i.assigneeId === ada)),
    );
    expect((await keys("project = ACME AND assignee != currentUser()")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && i.assigneeId !== null && i.assigneeId !== ada),
    );
  });

  it("supports fixVersion, key/issue in, parent, Epic Link, AND/OR/NOT and parentheses", async () => {
    const version = acme().data.versions.find((v) => v.projectId === "10000" && v.released)!;
    const withVersion = await keys(`project = ACME AND fixVersion = "${version.name}"`);
    expect(withVersion.sort()).toEqual(expected((i) => i.fixVersionIds.includes(version.id)));
    expect((await keys("key in (ACME-1, ACME-2, PORT-3)")).sort()).toEqual(["ACME-1", "ACME-2", "PORT-3"]);
    expect(await keys("issue = ACME-5")).toEqual(["ACME-5"]);
    const epic = acme().data.issues.find((i) => i.issueTypeId === "10000" && acme().indexes().children.has(i.id))!;
    expect((await keys(`parent = ${epic.key}`)).sort()).toEqual(expected((i) => i.parentId === epic.id));
    expect((await keys(`"Epic Link" = ${epic.key}`)).sort()).toEqual(expected((i) => i.parentId === epic.id));
    expect(
      (await keys("project = HULL AND (status = Done OR priority = Highest) AND NOT labels = customer")).sort(),
    ).toEqual(
      expected(
        (i) =>
          i.projectId === "10002" &&
          (i.statusId === STATUS_IDS.done || i.priorityId === "1") &&
          !i.labels.includes("customer"),
      ),
    );
    expect((await keys("project = ACME AND created >= -14d")).sort()).toEqual(
      expected((i) => i.projectId === "10000" && i.created >= Date.parse("2026-11-06T12:00:00Z")),
    );
  });

  it("orders by Rank, created, key and priority", async () => {
    const byRank = await keys("project = ACME ORDER BY Rank ASC");
    const ranks = byRank.map((k) => acme().findIssue(k)!.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const byCreated = await keys("project = ACME ORDER BY created DESC");
    const created = byCreated.map((k) => acme().findIssue(k)!.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((await keys("project = PORT ORDER BY key ASC")).slice(0, 3)).toEqual(["PORT-1", "PORT-2", "PORT-3"]);
    const byPriority = await keys("project = ACME ORDER BY priority DESC, key ASC");
    expect(acme().findIssue(byPriority[0]!)!.priorityId).toBe("1");
  });

  it("answers unsupported or invalid JQL with Jira's 400, never a partial result", async () => {
    const cases: [string, string][] = [
      ["", "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."],
      [
        "order by key desc",
        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.",
      ],
      ["foo = bar", "Field 'foo' does not exist or you do not have permission to view it."],
      ["project = NOPE", "The value 'NOPE' does not exist for the field 'project'."],
      ["status = Blocked", "The value 'Blocked' does not exist for the field 'status'."],
      ["key = ACME-99999", "An issue with key 'ACME-99999' does not exist for field 'key'."],
      ["sprint in lastSprints()", "Unable to find JQL function 'lastSprints()'."],
      ["summary ~ crash", "The operator '~' is not supported: text searches are not available on this site."],
      ["description = crash", "Searching by the field 'description' is not supported on this site."],
      ["project = ACME ORDER BY labels", "Ordering by the field 'labels' is not supported on this site."],
    ];
    for (const [jql, message] of cases) {
      const response = await search(jql);
      expect(response.status, jql).toBe(400);
      expect(response.body, jql).toEqual({ errorMessages: [message], errors: {} });
    }
    const syntax = await search("project = ACME AND");
    expect(syntax.status).toBe(400);
    expect(syntax.body.errorMessages?.[0]).toMatch(/^Error in the JQL Query: /);
    const operator = await search("project ~ ACME");
    expect(operator.body.errorMessages?.[0]).toContain("'~' is not supported");
    const isValue = await search("assignee is ada@acme.test");
    expect(isValue.body.errorMessages?.[0]).toBe(
      "The operator 'is' only supports the values EMPTY and NULL for the field 'assignee'.",
    );
  });
});

describe("enhanced search paging and fields", () => {
  it("pages with an opaque nextPageToken, no total, and isLast on the last page", async () => {
    const all = await keys("project = ACME ORDER BY key ASC");
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ jql: "project = ACME ORDER BY key ASC", maxResults: "40", fields: "key" });
      if (token) query.set("nextPageToken", token);
      const page = await raw(emulator, "GET", `/acme/rest/api/3/search/jql?${query}`);
      const body = page.body as SearchBody & { total?: number };
      expect(body).not.toHaveProperty("total");
      seen.push(...body.issues.map((i) => i.key as string));
      token = body.nextPageToken;
      expect(body.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 40));
  });

  it("rejects a token from another query", async () => {
    const first = await search("project = ACME", { maxResults: 2 });
    const other = await search("project = PORT", { maxResults: 2, nextPageToken: first.body.nextPageToken });
    expect(other.status).toBe(400);
    expect(other.body.errorMessages).toEqual(["The provided next page token is invalid or expired."]);
  });

  it("returns only ids by default and honours *all, *navigable, -field and the maxResults cap", async () => {
    const idOnly = await search("project = ACME", { maxResults: 2 });
    expect(idOnly.body.issues[0]).toEqual({ id: expect.any(String) });
    const all = await search("project = ACME", { maxResults: 1, fields: ["*all"] });
    expect(Object.keys(all.body.issues[0]!.fields!)).toEqual(
      expect.arrayContaining(["summary", "comment", "customfield_10016", "customfield_10020", "customfield_10019"]),
    );
    const navigable = await search("project = ACME", { maxResults: 1, fields: ["*navigable", "-description"] });
    expect(navigable.body.issues[0]!.fields).not.toHaveProperty("description");
    expect(navigable.body.issues[0]!.fields).not.toHaveProperty("comment");
    const capped = await search("project in (ACME, PORT, HULL)", { maxResults: 1000, fields: ["summary"] });
    expect(capped.body.issues).toHaveLength(100);
    expect(capped.body.isLast).toBe(false);
  });

  it("puts active-sprint issues' sprint objects in customfield_10020", async () => {
    const page = await search("sprint = 13 AND issuetype = Story", { fields: ["customfield_10020"], maxResults: 1 });
    const sprints = page.body.issues[0]!.fields!.customfield_10020 as { id: number; state: string; boardId: number }[];
    expect(sprints.at(-1)).toMatchObject({ id: 13, state: "active", boardId: 1, name: "ACME Sprint 13" });
  });

  it("counts matches approximately", async () => {
    const response = await raw(emulator, "POST", "/acme/rest/api/3/search/approximate-count", {
      jql: "project = ACME AND statusCategory = Done",
    });
    expect(response.body).toEqual({
      count: expected((i) => i.projectId === "10000" && i.statusId === STATUS_IDS.done).length,
    });
  });
});
