import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_JIRA_WEBHOOK_SECRETS } from "../../lib/platform/config/demo";
import { type JiraEmulator, startJiraEmulator } from "./index";
import { STATUS_IDS } from "./reference";
import { TEST_NOW, clientsFor, raw } from "./testing";
import {
  type ParsedWebhook,
  type ReceivedWebhook,
  type WebhookReceiver,
  parseReceived,
  startWebhookReceiver,
} from "./webhook-receiver";
import { webhookPayloadErrors } from "./webhook-schemas";

let emulator: JiraEmulator;
let receiver: WebhookReceiver;
const acme = () => emulator.store().sites.get("acme")!;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startJiraEmulator({
    port: 0,
    now: TEST_NOW,
    size: "demo",
    seed: 42,
    bosunUrl: receiver.url,
    webhookRetryDelaysMs: [10, 10, 10],
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
beforeEach(async () => {
  await raw(emulator, "POST", "/__emulator/reset", { size: "demo", seed: 42 }, null);
  receiver.clear();
});
// Every payload any test caused must match the documented envelope of its event family.
afterEach(async () => {
  for (const { payload } of await delivered())
    if (Object.keys(payload).length > 0) expect(webhookPayloadErrors(payload), payload.webhookEvent).toEqual([]);
});

function signatureValid(hook: ReceivedWebhook, secret: string): boolean {
  const header = String(hook.headers["x-hub-signature"] ?? "");
  if (!header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(hook.body, "utf8").digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function delivered(): Promise<ParsedWebhook[]> {
  await emulator.deliveries.idle();
  return parseReceived(receiver);
}

const byEvent = (hooks: ParsedWebhook[], event: string) => hooks.filter((h) => h.payload.webhookEvent === event);

describe("signed admin webhooks", () => {
  it("sends sprint_closed and sprint_started, signed with the site's secret, when sprints change state", async () => {
    const { agile } = clientsFor(emulator);
    const sprints = acme().data.sprints.filter((s) => s.originBoardId === acme().data.boards[0]!.id);
    const active = sprints.find((s) => s.state === "active")!;
    const future = sprints.find((s) => s.state === "future")!;
    await agile.sprint.partiallyUpdateSprint({ sprintId: active.id, state: "closed" });
    await agile.sprint.partiallyUpdateSprint({ sprintId: future.id, state: "active" });

    const hooks = await delivered();
    expect(hooks.map((h) => h.payload.webhookEvent)).toEqual(["sprint_closed", "sprint_started"]);
    const [closed, started] = hooks;
    expect(started!.hook.path).toBe("/api/webhooks/jira/acme");
    expect(started!.hook.headers["content-type"]).toBe("application/json");
    expect(started!.hook.headers["x-atlassian-webhook-identifier"]).toMatch(/\S+/);
    expect(started!.hook.headers["x-atlassian-webhook-flow"]).toBe("Primary");
    expect(started!.hook.headers["x-atlassian-webhook-retry"]).toBeUndefined();
    expect(closed!.hook.headers["x-atlassian-webhook-identifier"]).not.toBe(
      started!.hook.headers["x-atlassian-webhook-identifier"],
    );
    expect(signatureValid(started!.hook, DEMO_JIRA_WEBHOOK_SECRETS.acme)).toBe(true);
    expect(signatureValid(started!.hook, DEMO_JIRA_WEBHOOK_SECRETS.globex)).toBe(false);
    expect(started!.payload).toMatchObject({
      webhookEvent: "sprint_started",
      matchedWebhookIds: [1],
      sprint: { id: future.id, state: "active", originBoardId: future.originBoardId, name: future.name },
    });
    expect(Math.abs(started!.payload.timestamp - TEST_NOW.getTime())).toBeLessThan(3_600_000);
    expect(closed!.payload.sprint).toMatchObject({ id: active.id, state: "closed", completeDate: expect.any(String) });
  });

  it("sends jira:issue_updated with a status changelog item for a transition", async () => {
    const { v3 } = clientsFor(emulator);
    const issue = acme().data.issues.find((i) => i.statusId === STATUS_IDS.todo && i.issueTypeId !== "10000")!;
    await v3.issues.doTransition({ issueIdOrKey: issue.key, transition: { id: "11" } });

    const [update] = byEvent(await delivered(), "jira:issue_updated");
    expect(update!.payload).toMatchObject({
      issue_event_type_name: "issue_generic",
      user: { accountId: acme().data.users[0]!.accountId, emailAddress: "ada@acme.test" },
      issue: {
        key: issue.key,
        fields: { status: { id: STATUS_IDS.inProgress, statusCategory: { key: "indeterminate" } } },
      },
      changelog: {
        id: expect.any(String),
        items: [
          {
            field: "status",
            fieldtype: "jira",
            fieldId: "status",
            from: STATUS_IDS.todo,
            fromString: "To Do",
            to: STATUS_IDS.inProgress,
            toString: "In Progress",
          },
        ],
      },
    });
  });

  it("retries a failing receiver with the same identifier and a retry count", async () => {
    receiver.failNext([500, 503]);
    const { v3 } = clientsFor(emulator);
    await v3.issues.createIssue({
      fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Retried webhook" },
    });
    const hooks = await delivered();
    expect(hooks).toHaveLength(3);
    const ids = new Set(hooks.map((h) => h.hook.headers["x-atlassian-webhook-identifier"]));
    expect(ids.size).toBe(1);
    expect(hooks.map((h) => h.hook.headers["x-atlassian-webhook-retry"])).toEqual([undefined, "1", "2"]);
    expect(hooks.every((h) => h.hook.body === hooks[0]!.hook.body)).toBe(true);
    expect(emulator.webhooks.list().map((w) => w.status)).toEqual([500, 503, 200]);
  });

  it("sends one receiver's deliveries in the order of the changes, each after the previous one was answered", async () => {
    receiver.holdNext(150);
    const { v3 } = clientsFor(emulator);
    const fields = { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "First" };
    const first = await v3.issues.createIssue({ fields });
    const second = await v3.issues.createIssue({ fields: { ...fields, summary: "Second" } });
    const hooks = await delivered();
    expect(hooks.map((h) => h.payload.issue.key)).toEqual([first.key, second.key]);
    expect(hooks[1]!.hook.receivedAt - hooks[0]!.hook.receivedAt).toBeGreaterThanOrEqual(140);
  });

  it("gives up after the configured retries and does not retry a 4xx answer", async () => {
    receiver.failNext([500, 500, 500, 500, 400]);
    const { v3 } = clientsFor(emulator);
    const fields = { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Never accepted" };
    await v3.issues.createIssue({ fields });
    expect(await delivered()).toHaveLength(4);
    await v3.issues.createIssue({ fields });
    expect(await delivered()).toHaveLength(5);
  });

  it("drops deliveries under a fault: logged as dropped, never sent, never retried", async () => {
    const put = await raw(emulator, "PUT", "/__emulator/webhooks/faults", { dropCount: 1 }, null);
    expect(put.body).toEqual({ dropCount: 1, drop: false });
    const { v3 } = clientsFor(emulator);
    const fields = { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Missed webhook" };
    const missed = await v3.issues.createIssue({ fields });
    const seen = await v3.issues.createIssue({ fields: { ...fields, summary: "Seen webhook" } });
    const hooks = await delivered();
    expect(hooks.map((h) => h.payload.issue.key)).toEqual([seen.key]);
    const log = (await raw(emulator, "GET", "/__emulator/webhooks", undefined, null)).body as {
      webhooks: { dropped?: boolean; body: string; status: number | null }[];
    };
    expect(log.webhooks.map((w) => [JSON.parse(w.body).issue.key, w.dropped ?? false])).toEqual([
      [missed.key, true],
      [seen.key, false],
    ]);
    await raw(emulator, "PUT", "/__emulator/webhooks/faults", { drop: true }, null);
    await v3.issues.createIssue({ fields });
    expect(await delivered()).toHaveLength(1);
    expect((await raw(emulator, "PUT", "/__emulator/webhooks/faults", { dropCount: -1 }, null)).status).toBe(400);
  });
});

const ADMIN = "Bearer jira-demo-token";

/** Registers another admin webhook on acme that delivers to the receiver under `path`. */
async function register(path: string, events: string[], extra: Record<string, unknown> = {}) {
  const response = await raw(
    emulator,
    "POST",
    "/acme/rest/webhooks/1.0/webhook",
    { name: path, url: `${receiver.url}${path}`, events, ...extra },
    ADMIN,
  );
  expect(response.status).toBe(201);
  return response.body as { self: string };
}

const changelogItems = (hook: ParsedWebhook | undefined) =>
  (hook?.payload.changelog.items ?? []) as Record<string, string | undefined>[];

describe("events and payloads", () => {
  it("moves between sprints and to the backlog send Sprint items with comma-joined sprint ids", async () => {
    const site = acme();
    const board = site.data.boards[0]!;
    const sprints = site.data.sprints.filter((s) => s.originBoardId === board.id);
    const active = sprints.find((s) => s.state === "active")!;
    const future = sprints.find((s) => s.state === "future")!;
    const issue = site.data.issues.find(
      (i) => i.projectId === board.projectId && i.sprintIds.at(-1) === active.id && i.issueTypeId !== "10003",
    )!;
    const before = issue.sprintIds.join(", ");
    const { agile } = clientsFor(emulator);
    await agile.sprint.moveIssuesToSprintAndRank({ sprintId: future.id, issues: [issue.key] });
    await agile.backlog.moveIssuesToBacklog({ issues: [issue.key] });

    const updates = byEvent(await delivered(), "jira:issue_updated").filter((h) => h.payload.issue.key === issue.key);
    const [toFuture, toBacklog] = updates.map((h) => changelogItems(h).find((i) => i.field === "Sprint"));
    const closedHistory = issue.sprintIds.join(", ");
    expect(toFuture).toMatchObject({
      fieldtype: "custom",
      fieldId: "customfield_10020",
      from: before,
      to: [closedHistory, String(future.id)].filter(Boolean).join(", "),
      toString: expect.stringContaining(future.name),
    });
    expect(toBacklog).toMatchObject({ from: toFuture!.to, fromString: toFuture!.toString });
    expect(toBacklog!.to ?? "").toBe(closedHistory);
    expect(updates[1]!.payload.issue.fields.customfield_10020 ?? []).not.toContainEqual(
      expect.objectContaining({ id: future.id }),
    );
  });

  it("a subtask that follows its parent into a sprint gets its own Sprint change", async () => {
    const { agile, v3 } = clientsFor(emulator);
    const parent = await v3.issues.createIssue({
      fields: { project: { key: "ACME" }, issuetype: { name: "Story" }, summary: "Parent" },
    });
    const child = await v3.issues.createIssue({
      fields: {
        project: { key: "ACME" },
        issuetype: { name: "Subtask" },
        summary: "Child",
        parent: { key: parent.key },
      },
    });
    const future = acme().data.sprints.find(
      (s) => s.state === "future" && s.originBoardId === acme().data.boards[0]!.id,
    )!;
    await agile.sprint.moveIssuesToSprintAndRank({ sprintId: future.id, issues: [parent.key] });
    const updates = byEvent(await delivered(), "jira:issue_updated");
    expect(updates.map((h) => h.payload.issue.key).sort()).toEqual([parent.key, child.key].sort());
    for (const update of updates)
      expect(changelogItems(update)).toEqual([
        expect.objectContaining({ field: "Sprint", from: null, to: String(future.id) }),
      ]);
    const history = await raw(emulator, "GET", `/acme/rest/api/3/issue/${child.key}/changelog`);
    expect((history.body as { values: { id: string }[] }).values.map((h) => h.id)).toEqual([
      updates.find((h) => h.payload.issue.key === child.key)!.payload.changelog.id,
    ]);
  });

  it("estimation and assignment send their changelog items and the current issue", async () => {
    const site = acme();
    const issue = site.data.issues.find((i) => i.projectId === site.data.boards[0]!.projectId && !i.assigneeId)!;
    const grace = site.findUserByEmail("grace@acme.test")!;
    const { agile, v3 } = clientsFor(emulator);
    await agile.issue.estimateIssueForBoard({ issueIdOrKey: issue.key, boardId: site.data.boards[0]!.id, value: "8" });
    await v3.issues.assignIssue({ issueIdOrKey: issue.key, accountId: grace.accountId });

    const [estimated, assigned] = byEvent(await delivered(), "jira:issue_updated");
    expect(changelogItems(estimated)).toEqual([
      expect.objectContaining({
        field: "Story point estimate",
        fieldtype: "custom",
        fieldId: "customfield_10016",
        toString: "8",
      }),
    ]);
    expect(estimated!.payload.issue.fields.customfield_10016).toBe(8);
    expect(assigned!.payload).toMatchObject({
      issue_event_type_name: "issue_assigned",
      issue: { fields: { assignee: { accountId: grace.accountId, emailAddress: "grace@acme.test" } } },
    });
    expect(changelogItems(assigned)).toEqual([
      {
        field: "assignee",
        fieldtype: "jira",
        fieldId: "assignee",
        from: null,
        fromString: null,
        to: grace.accountId,
        toString: "Grace Hopper",
      },
    ]);
  });

  it("comments send issue_commented to the demo webhook and comment_created where registered", async () => {
    await register("/comments", ["comment_created"]);
    const { v3 } = clientsFor(emulator);
    const body = { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }] };
    const comment = await v3.issueComments.addComment({ issueIdOrKey: "ACME-1", comment: body as never });
    const hooks = await delivered();
    const commented = hooks.find((h) => h.hook.path === "/api/webhooks/jira/acme");
    expect(commented!.payload).toMatchObject({
      webhookEvent: "jira:issue_updated",
      issue_event_type_name: "issue_commented",
      comment: { id: comment.id, body },
      issue: { key: "ACME-1" },
    });
    const created = hooks.find((h) => h.hook.path === "/comments");
    expect(created!.payload).toMatchObject({
      webhookEvent: "comment_created",
      matchedWebhookIds: [2],
      comment: { id: comment.id },
    });
    expect(created!.hook.headers["x-hub-signature"]).toBeUndefined();
  });

  it("links, versions, sprint edits and deletes send their own events", async () => {
    const { agile, v3 } = clientsFor(emulator);
    const created = await v3.issues.createIssue({
      fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Blocked one" },
    });
    await v3.issueLinks.linkIssues({
      type: { name: "Blocks" },
      inwardIssue: { key: "ACME-1" },
      outwardIssue: { key: created.key },
    });
    const linkId = acme().data.links.at(-1)!.id;
    await v3.issueLinks.deleteIssueLink({ linkId });
    const version = acme().data.versions.find((v) => !v.released)!;
    await v3.projectVersions.updateVersion({ id: version.id, released: true, releaseDate: "2026-11-20" });
    const sprint = await agile.sprint.createSprint({ name: "Hook sprint", originBoardId: acme().data.boards[0]!.id });
    await agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id!, goal: "Ship hooks" });
    await agile.sprint.partiallyUpdateSprint({ sprintId: sprint.id!, goal: "Ship hooks" });
    await v3.issues.deleteIssue({ issueIdOrKey: created.key });

    const hooks = await delivered();
    expect(hooks.map((h) => h.payload.webhookEvent)).toEqual([
      "jira:issue_created",
      "issuelink_created",
      "issuelink_deleted",
      "jira:version_released",
      "sprint_created",
      "sprint_updated",
      "jira:issue_deleted",
    ]);
    const [, linked, unlinked, released, , updated, deleted] = hooks;
    expect(linked!.payload.issueLink).toMatchObject({
      id: Number(linkId),
      sourceIssueId: acme().findIssue("ACME-1")!.id,
      destinationIssueId: Number(created.id),
      issueLinkType: { name: "Blocks", outwardName: "blocks", inwardName: "is blocked by" },
    });
    expect(unlinked!.payload.issueLink.id).toBe(Number(linkId));
    expect(released!.payload.version).toMatchObject({ id: version.id, released: true, releaseDate: "2026-11-20" });
    expect(updated!.payload).toMatchObject({ sprint: { goal: "Ship hooks" }, oldValue: { goal: "" } });
    expect(deleted!.payload).toMatchObject({ issue_event_type_name: "issue_deleted", issue: { key: created.key } });
  });

  it("issue events reach a registration only when its JQL filter matches the issue", async () => {
    await register("/hot", ["jira:issue_updated"], { filters: { "issue-related-events-section": "labels = hot" } });
    const { v3 } = clientsFor(emulator);
    await v3.issues.editIssue({ issueIdOrKey: "ACME-2", fields: { labels: ["cold"] } });
    await v3.issues.editIssue({ issueIdOrKey: "ACME-3", fields: { labels: ["hot"] } });
    const hot = (await delivered()).filter((h) => h.hook.path === "/hot");
    expect(hot.map((h) => h.payload.issue.key)).toEqual(["ACME-3"]);
    expect(changelogItems(hot[0])).toEqual([expect.objectContaining({ field: "labels", toString: "hot" })]);
  });

  it("excludeBody registrations get an empty body; disabled ones get nothing", async () => {
    await register("/bare", ["jira:issue_created"], { excludeBody: true, secret: "bare-secret" });
    await register("/off", ["jira:issue_created"], { enabled: false });
    const { v3 } = clientsFor(emulator);
    await v3.issues.createIssue({ fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Bare" } });
    const hooks = await delivered();
    expect(hooks.map((h) => h.hook.path).sort()).toEqual(["/api/webhooks/jira/acme", "/bare"]);
    const bare = hooks.find((h) => h.hook.path === "/bare")!;
    expect(bare.hook.body).toBe("");
    expect(signatureValid(bare.hook, "bare-secret")).toBe(true);
  });
});
