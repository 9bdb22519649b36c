import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_JIRA_WEBHOOK_SECRETS } from "../../lib/platform/config/demo";
import { type JiraEmulator, startJiraEmulator } from "./index";
import { STATUS_IDS } from "./reference";
import { TEST_NOW, clientsFor, raw } from "./testing";
import { type ReceivedWebhook, type WebhookReceiver, startWebhookReceiver } from "./webhook-receiver";

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

function signatureValid(hook: ReceivedWebhook, secret: string): boolean {
  const header = String(hook.headers["x-hub-signature"] ?? "");
  if (!header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(hook.body, "utf8").digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read field by field in assertions
type Payload = Record<string, any>;

async function delivered(): Promise<{ hook: ReceivedWebhook; payload: Payload }[]> {
  await emulator.deliveries.idle();
  return receiver.received.map((hook) => ({ hook, payload: JSON.parse(hook.body) }));
}

const byEvent = (hooks: Awaited<ReturnType<typeof delivered>>, event: string) =>
  hooks.filter((h) => h.payload.webhookEvent === event);

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
