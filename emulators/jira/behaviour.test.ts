import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JiraEmulator } from "./index";
import { STATUS_IDS } from "./reference";
import { basicAuth, clientsFor, raw, sdkError, startTestEmulator } from "./testing";

let emulator: JiraEmulator;
const acme = () => emulator.store().sites.get("acme")!;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await raw(emulator, "POST", "/__emulator/reset", { size: "demo", seed: 42 }, null);
});

const story = (summary: string, extra: Record<string, unknown> = {}) => ({
  fields: { project: { key: "ACME" }, issuetype: { name: "Story" }, summary, ...extra },
});

describe("sites and authentication", () => {
  it("serves one site per org and 404s unknown site prefixes", async () => {
    const globex = await raw(
      emulator,
      "GET",
      "/globex/rest/api/3/project/search",
      undefined,
      basicAuth("hedy@globex.test"),
    );
    expect((globex.body as { values: { key: string }[] }).values.map((p) => p.key)).toEqual(["CARGO", "GLX"]);
    const unknown = await raw(emulator, "GET", "/initech/rest/api/3/myself");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ errorMessages: ["Site 'initech' does not exist."], errors: {} });
  });

  it("accepts Basic email:token for the site's people and Bearer, and 401s everything else", async () => {
    const myself = await raw(emulator, "GET", "/acme/rest/api/3/myself", undefined, basicAuth("grace@acme.test"));
    expect((myself.body as { displayName: string }).displayName).toBe("Grace Hopper");
    expect((await raw(emulator, "GET", "/acme/rest/api/3/myself", undefined, "Bearer jira-demo-token")).status).toBe(
      200,
    );
    for (const authorization of [
      null,
      basicAuth("grace@acme.test", "nope"),
      basicAuth("hedy@globex.test"),
      "Bearer nope",
      "Basic !!!",
    ]) {
      const response = await raw(emulator, "GET", "/acme/rest/api/3/myself", undefined, authorization);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        errorMessages: ["Client must be authenticated to access this resource."],
        errors: {},
      });
    }
    const { v3 } = clientsFor(emulator, "acme", { email: "ada@acme.test", apiToken: "wrong" });
    expect((await sdkError(v3.myself.getCurrentUser())).status).toBe(401);
  });
});

describe("issues", () => {
  it("creates with story points, sprint, fixVersion, components, labels, priority, assignee and finds it by search", async () => {
    const version = acme().data.versions.find((v) => v.projectId === "10000")!;
    const grace = acme().findUserByEmail("grace@acme.test")!;
    const created = await raw(
      emulator,
      "POST",
      "/acme/rest/api/3/issue",
      story("Searchable story", {
        customfield_10016: 5,
        customfield_10020: 13,
        fixVersions: [{ name: version.name }],
        components: [{ name: "Billing" }],
        labels: ["customer", "tech-debt"],
        priority: { name: "High" },
        assignee: { accountId: grace.accountId },
      }),
    );
    expect(created.status).toBe(201);
    const { key } = created.body as { key: string };
    const found = await raw(emulator, "POST", "/acme/rest/api/3/search/jql", {
      jql: `project = ACME AND sprint = 13 AND assignee = "${grace.accountId}" AND labels = tech-debt AND component = Billing AND fixVersion = "${version.name}" AND priority = High`,
      fields: ["summary", "customfield_10016", "customfield_10020", "status"],
    });
    const issues = (found.body as { issues: { key: string; fields: Record<string, unknown> }[] }).issues;
    expect(issues.map((i) => i.key)).toEqual([key]);
    expect(issues[0]!.fields).toMatchObject({
      summary: "Searchable story",
      customfield_10016: 5,
      status: { name: "To Do", statusCategory: { key: "new" } },
    });
    expect((issues[0]!.fields.customfield_10020 as { id: number }[]).map((s) => s.id)).toEqual([13]);
  });

  it("validates hierarchy: subtasks need a story parent, stories may have an epic parent", async () => {
    const epic = acme().data.issues.find((i) => i.projectId === "10000" && i.issueTypeId === "10000")!;
    const missingParent = await raw(emulator, "POST", "/acme/rest/api/3/issue", {
      fields: { project: { key: "ACME" }, issuetype: { name: "Subtask" }, summary: "Orphan" },
    });
    expect(missingParent.status).toBe(400);
    expect((missingParent.body as { errors: object }).errors).toHaveProperty("parent");
    const epicChild = await raw(
      emulator,
      "POST",
      "/acme/rest/api/3/issue",
      story("Epic child", { parent: { key: epic.key } }),
    );
    expect(epicChild.status).toBe(201);
    const sub = await raw(emulator, "POST", "/acme/rest/api/3/issue", {
      fields: {
        project: { key: "ACME" },
        issuetype: { name: "Subtask" },
        summary: "Part",
        parent: { key: (epicChild.body as { key: string }).key },
      },
    });
    expect(sub.status).toBe(201);
    const badSub = await raw(emulator, "POST", "/acme/rest/api/3/issue", {
      fields: { project: { key: "ACME" }, issuetype: { name: "Subtask" }, summary: "Bad", parent: { key: epic.key } },
    });
    expect((badSub.body as { errors: Record<string, string> }).errors.parent).toBe(
      "Given parent work item does not belong to appropriate hierarchy.",
    );
    const unknownField = await raw(emulator, "POST", "/acme/rest/api/3/issue", story("x", { customfield_99999: 1 }));
    expect(unknownField.body).toEqual({
      errorMessages: [],
      errors: {
        customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    });
  });

  it("bulk-creates up to 50 with per-element errors, 400 when all fail or over the limit", async () => {
    const mixed = await raw(emulator, "POST", "/acme/rest/api/3/issue/bulk", {
      issueUpdates: [
        story("ok 1"),
        { fields: { project: { key: "ACME" }, issuetype: { name: "Story" } } },
        story("ok 2"),
      ],
    });
    expect(mixed.status).toBe(201);
    expect(mixed.body).toMatchObject({
      issues: [{ key: expect.stringMatching(/^ACME-/) }, { key: expect.stringMatching(/^ACME-/) }],
      errors: [
        {
          status: 400,
          failedElementNumber: 1,
          elementErrors: { errorMessages: [], errors: { summary: "You must specify a summary of the issue." } },
        },
      ],
    });
    const allFail = await raw(emulator, "POST", "/acme/rest/api/3/issue/bulk", { issueUpdates: [{ fields: {} }] });
    expect(allFail.status).toBe(400);
    expect((allFail.body as { issues: unknown[] }).issues).toEqual([]);
    const tooMany = await raw(emulator, "POST", "/acme/rest/api/3/issue/bulk", {
      issueUpdates: Array.from({ length: 51 }, (_, i) => story(`n${i}`)),
    });
    expect(tooMany.status).toBe(400);
    expect(acme().data.issues.filter((i) => i.summary.startsWith("n")).length).toBe(0);
    const fifty = await raw(emulator, "POST", "/acme/rest/api/3/issue/bulk", {
      issueUpdates: Array.from({ length: 50 }, (_, i) => story(`m${i}`)),
    });
    expect((fifty.body as { issues: unknown[] }).issues).toHaveLength(50);
  });

  it("edits with fields and update operations, and assigns", async () => {
    const { v3 } = clientsFor(emulator);
    await v3.issues.editIssue({
      issueIdOrKey: "ACME-3",
      fields: { summary: "Renamed" },
      update: { labels: [{ add: "chore" }] },
    });
    const issue = acme().findIssue("ACME-3")!;
    expect(issue.summary).toBe("Renamed");
    expect(issue.labels).toContain("chore");
    await v3.issues.assignIssue({ issueIdOrKey: "ACME-3", accountId: null as never });
    expect(acme().findIssue("ACME-3")!.assigneeId).toBeNull();
    const bad = await raw(emulator, "PUT", "/acme/rest/api/3/issue/ACME-3/assignee", { accountId: "nobody" });
    expect(bad.status).toBe(400);
  });
});

describe("workflow transitions", () => {
  it("walks To Do → In Progress → In Review → Done, setting status category and resolution", async () => {
    const created = await raw(emulator, "POST", "/acme/rest/api/3/issue", story("Flow"));
    const key = (created.body as { key: string }).key;
    const transitionIds = async () =>
      (
        (await raw(emulator, "GET", `/acme/rest/api/3/issue/${key}/transitions`)).body as {
          transitions: { id: string; to: { name: string } }[];
        }
      ).transitions;
    expect((await transitionIds()).map((t) => [t.id, t.to.name])).toEqual([["11", "In Progress"]]);
    const done = await raw(emulator, "POST", `/acme/rest/api/3/issue/${key}/transitions`, { transition: { id: "31" } });
    expect(done.status).toBe(400);
    expect(done.body).toEqual({ errorMessages: ["Transition id '31' is not valid for this issue."], errors: {} });
    for (const id of ["11", "21", "31"])
      expect(
        (await raw(emulator, "POST", `/acme/rest/api/3/issue/${key}/transitions`, { transition: { id } })).status,
      ).toBe(204);
    const issue = (await raw(emulator, "GET", `/acme/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate`))
      .body as {
      fields: {
        status: { name: string; statusCategory: { key: string } };
        resolution: { name: string };
        resolutiondate: string;
      };
    };
    expect(issue.fields.status).toMatchObject({ name: "Done", statusCategory: { key: "done" } });
    expect(issue.fields.resolution.name).toBe("Done");
    expect(issue.fields.resolutiondate).toMatch(/^2026-11-2\dT/);
    expect(
      (await raw(emulator, "POST", `/acme/rest/api/3/issue/${key}/transitions`, { transition: { id: "61" } })).status,
    ).toBe(204);
    expect(acme().findIssue(key)!.resolutionDate).toBeNull();
  });
});

describe("sprints", () => {
  it("follows the state machine: start needs dates, complete only from active, closed takes only name and goal", async () => {
    const { agile } = clientsFor(emulator);
    const sprint = await agile.sprint.createSprint({ name: "Next", originBoardId: 2 });
    expect(
      (await sdkError(agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id, state: "active" }))).data.errorMessages,
    ).toEqual(["A sprint can only be started when it has a start date and an end date."]);
    expect((await sdkError(agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id, state: "closed" }))).status).toBe(
      400,
    );
    await agile.sprint.partiallyUpdateSprint({
      sprintId: sprint.id,
      startDate: "2026-11-21T09:00:00.000Z",
      endDate: "2026-12-05T09:00:00.000Z",
    });
    const activePort = acme().data.sprints.find((s) => s.originBoardId === 2 && s.state === "active")!;
    expect(
      (await sdkError(agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id, state: "active" }))).data
        .errorMessages?.[0],
    ).toContain("already active");
    const closed = await agile.sprint.partiallyUpdateSprint({
      sprintId: activePort.id,
      state: "closed",
      completeDate: "2000-01-01T00:00:00.000Z",
    });
    expect(closed.state).toBe("closed");
    expect(closed.completeDate).toMatch(/^2026-11-2/);
    expect((await agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id, state: "active" })).state).toBe("active");
    const renamed = await agile.sprint.partiallyUpdateSprint({
      sprintId: activePort.id,
      name: "Renamed closed",
      startDate: "2020-01-01T00:00:00.000Z",
    });
    expect(renamed.name).toBe("Renamed closed");
    expect(renamed.startDate).toBe(new Date(activePort.startDate!).toISOString());
    expect(
      (await sdkError(agile.sprint.partiallyUpdateSprint({ sprintId: activePort.id, state: "active" }))).status,
    ).toBe(400);
    const moveIntoClosed = await raw(emulator, "POST", `/acme/rest/agile/1.0/sprint/${activePort.id}/issue`, {
      issues: ["PORT-1"],
    });
    expect(moveIntoClosed.status).toBe(400);
  });

  it("completing a sprint sends unfinished issues to the backlog and keeps them matching the closed sprint", async () => {
    const sprint = acme().data.sprints.find((s) => s.originBoardId === 1 && s.state === "active")!;
    const unfinished = acme().data.issues.filter(
      (i) => i.sprintIds.includes(sprint.id) && i.statusId !== STATUS_IDS.done && i.issueTypeId !== "10003",
    );
    expect(unfinished.length).toBeGreaterThan(0);
    await raw(emulator, "POST", `/acme/rest/agile/1.0/sprint/${sprint.id}`, { state: "closed" });
    const backlog = (await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/backlog?maxResults=100&fields=summary"))
      .body as { issues: { key: string }[] };
    for (const issue of unfinished) expect(backlog.issues.map((i) => i.key)).toContain(issue.key);
    const inClosed = (
      await raw(emulator, "POST", "/acme/rest/api/3/search/jql", {
        jql: `sprint = ${sprint.id}`,
        maxResults: 500,
        fields: ["key"],
      })
    ).body as { issues: { key: string }[] };
    expect(inClosed.issues.map((i) => i.key)).toEqual(expect.arrayContaining(unfinished.map((i) => i.key)));
  });

  it("lists board sprints closed → active → future in pages of at most 50 with isLast", async () => {
    const page = (await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/sprint?maxResults=200")).body as {
      maxResults: number;
      isLast: boolean;
      values: { state: string }[];
    };
    expect(page.maxResults).toBe(50);
    expect(page.isLast).toBe(true);
    const states = page.values.map((s) => s.state);
    expect(states).toEqual([...Array(12).fill("closed"), "active", "future"]);
    const second = (
      await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/sprint?state=closed&startAt=5&maxResults=2")
    ).body as { isLast: boolean; values: unknown[] };
    expect(second.values).toHaveLength(2);
    expect(second.isLast).toBe(false);
  });

  it("moves issues into a sprint (max 50, subtasks follow), to the backlog, and ranks them", async () => {
    const backlog = (await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/backlog?fields=summary")).body as {
      issues: { key: string }[];
    };
    const [first, second] = backlog.issues.map((i) => i.key);
    const future = acme().data.sprints.find((s) => s.originBoardId === 1 && s.state === "future")!;
    expect(
      (await raw(emulator, "POST", `/acme/rest/agile/1.0/sprint/${future.id}/issue`, { issues: [second, first] }))
        .status,
    ).toBe(204);
    const inSprint = (
      await raw(emulator, "GET", `/acme/rest/agile/1.0/sprint/${future.id}/issue?jql=key+in+(${first},${second})`)
    ).body as { issues: { key: string; fields: { sprint: { id: number } } }[] };
    expect(inSprint.issues.map((i) => i.fields.sprint.id)).toEqual([future.id, future.id]);
    const after = (await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/backlog")).body as {
      issues: { key: string }[];
    };
    expect(after.issues.map((i) => i.key)).not.toContain(first);
    await raw(emulator, "POST", "/acme/rest/agile/1.0/backlog/issue", { issues: [first] });
    expect(acme().openSprintOf(acme().findIssue(first!)!)).toBeUndefined();
    expect(
      (await raw(emulator, "PUT", "/acme/rest/agile/1.0/issue/rank", { issues: [second], rankBeforeIssue: first }))
        .status,
    ).toBe(204);
    expect(acme().findIssue(second!)!.rank).toBeLessThan(acme().findIssue(first!)!.rank);
    const tooMany = await raw(emulator, "POST", `/acme/rest/agile/1.0/sprint/${future.id}/issue`, {
      issues: Array.from({ length: 51 }, (_, i) => `ACME-${i + 1}`),
    });
    expect(tooMany.status).toBe(400);
  });

  it("keeps the backlog ranked and free of done issues and of issues in active or future sprints", async () => {
    const backlog = (await raw(emulator, "GET", "/acme/rest/agile/1.0/board/1/backlog?maxResults=100")).body as {
      total: number;
      issues: { key: string }[];
    };
    const records = backlog.issues.map((i) => acme().findIssue(i.key)!);
    expect(records.every((r) => r.statusId !== STATUS_IDS.done && !acme().openSprintOf(r))).toBe(true);
    expect(records.map((r) => r.rank)).toEqual([...records.map((r) => r.rank)].sort((a, b) => a - b));
    expect(backlog.total).toBe(backlog.issues.length);
  });
});

describe("seed", () => {
  it("has cross-sprint Blocks links: a backlog issue blocking an active-sprint issue", async () => {
    const site = acme();
    const cross = site.data.links.filter((l) => {
      const blocker = site.issueById(l.inwardIssueId)!;
      const blocked = site.issueById(l.outwardIssueId)!;
      return !site.openSprintOf(blocker) && site.openSprintOf(blocked)?.state === "active";
    });
    expect(cross.length).toBeGreaterThan(0);
    const blocked = site.issueById(cross[0]!.outwardIssueId)!;
    const view = (await raw(emulator, "GET", `/acme/rest/api/3/issue/${blocked.key}?fields=issuelinks`)).body as {
      fields: { issuelinks: { type: { inward: string }; inwardIssue?: { key: string } }[] };
    };
    expect(view.fields.issuelinks).toContainEqual(
      expect.objectContaining({
        type: expect.objectContaining({ name: "Blocks", inward: "is blocked by" }),
        inwardIssue: expect.objectContaining({ key: site.issueById(cross[0]!.inwardIssueId)!.key }),
      }),
    );
  });

  it("names versions like the world's releases, with done issues carrying them", () => {
    const site = acme();
    const names = site.data.versions.filter((v) => v.projectId === "10000").map((v) => v.name);
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `2.${i + 4}.0`));
    const newest = site.data.versions.find((v) => v.projectId === "10000" && v.name === "2.15.0")!;
    expect(newest.released).toBe(false);
    const withVersion = site.data.issues.filter((i) => i.fixVersionIds.length > 0);
    expect(withVersion.length).toBeGreaterThan(20);
    expect(withVersion.every((i) => i.statusId === STATUS_IDS.done)).toBe(true);
  });

  it("is deterministic per seed and reset restores it", async () => {
    const before = JSON.stringify(acme().data.issues.slice(0, 20));
    await raw(emulator, "POST", "/acme/rest/api/3/issue", story("Temporary"));
    await raw(emulator, "POST", "/__emulator/reset", { size: "demo", seed: 42 }, null);
    expect(JSON.stringify(acme().data.issues.slice(0, 20))).toBe(before);
    expect(acme().data.issues.some((i) => i.summary === "Temporary")).toBe(false);
    await raw(emulator, "POST", "/__emulator/reset", { size: "demo", seed: 7 }, null);
    expect(JSON.stringify(acme().data.issues.slice(0, 20))).not.toBe(before);
  });
});

describe("large seed", () => {
  it("builds 25,000 acme issues over 5 projects, 130 closed sprints and 50 people, and searches them", async () => {
    expect((await raw(emulator, "POST", "/__emulator/reset", { size: "large", seed: 42 }, null)).status).toBe(200);
    const site = acme();
    expect(site.data.issues).toHaveLength(25_000);
    expect(site.data.projects.map((p) => p.key)).toEqual(["ACME", "PORT", "HULL", "FLEET", "TIDE"]);
    expect(site.data.sprints.filter((s) => s.state === "closed")).toHaveLength(130);
    expect(site.data.users).toHaveLength(50);
    expect(emulator.store().sites.get("globex")!.data.issues).toHaveLength(180);
    const first = await raw(emulator, "POST", "/acme/rest/api/3/search/jql", {
      jql: "project = TIDE AND sprint in openSprints() ORDER BY Rank",
      maxResults: 100,
      fields: ["summary"],
    });
    const body = first.body as { issues: unknown[]; nextPageToken?: string };
    expect(body.issues).toHaveLength(100);
    const second = await raw(emulator, "POST", "/acme/rest/api/3/search/jql", {
      jql: "project = TIDE AND sprint in openSprints() ORDER BY Rank",
      maxResults: 100,
      fields: ["summary"],
      nextPageToken: body.nextPageToken,
    });
    expect(second.status).toBe(200);
  });
});

describe("rate limits and faults", () => {
  it("answers 429 with Retry-After and X-RateLimit headers once the site's budget is spent", async () => {
    expect(
      (await raw(emulator, "PUT", "/__emulator/sites/acme/rate-limit", { limit: 3, windowSeconds: 60 }, null)).status,
    ).toBe(200);
    for (let i = 0; i < 3; i++) expect((await raw(emulator, "GET", "/acme/rest/api/3/myself")).status).toBe(200);
    const limited = await raw(emulator, "GET", "/acme/rest/api/3/myself");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-limit")).toBe("3");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Date.parse(limited.headers.get("x-ratelimit-reset") ?? "")).toBeGreaterThan(Date.now());
    expect(
      (await raw(emulator, "GET", "/globex/rest/api/3/myself", undefined, basicAuth("hedy@globex.test"))).status,
    ).toBe(200);
    const { v3 } = clientsFor(emulator);
    expect((await sdkError(v3.myself.getCurrentUser())).status).toBe(429);
    await raw(emulator, "DELETE", "/__emulator/sites/acme/rate-limit", undefined, null);
    expect((await raw(emulator, "GET", "/acme/rest/api/3/myself")).status).toBe(200);
  });

  it("injects generic faults in Jira's error shape", async () => {
    await raw(emulator, "PUT", "/__emulator/faults", { errorRate: 1, errorStatus: 503 }, null);
    const failed = await raw(emulator, "GET", "/acme/rest/api/3/myself");
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errorMessages: ["Service unavailable"], errors: {} });
    await raw(emulator, "PUT", "/__emulator/faults", { errorRate: 0, rateLimitRate: 1, retryAfterSeconds: 7 }, null);
    const limited = await raw(emulator, "GET", "/acme/rest/api/3/myself");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    await raw(emulator, "PUT", "/__emulator/faults", { rateLimitRate: 0, latencyMs: 120 }, null);
    const started = performance.now();
    expect((await raw(emulator, "GET", "/acme/rest/api/3/myself")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("exposes the raw stored issue on the control API", async () => {
    const view = await raw(emulator, "GET", "/__emulator/sites/acme/issues/ACME-1", undefined, null);
    expect(view.body).toMatchObject({ issue: { key: "ACME-1", projectId: "10000" } });
    expect((await raw(emulator, "GET", "/__emulator/sites/acme/issues/ACME-99999", undefined, null)).status).toBe(404);
  });
});
