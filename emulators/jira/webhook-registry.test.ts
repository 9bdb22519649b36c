import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "./index";
import { TEST_NOW, basicAuth, clientsFor, raw } from "./testing";
import { webhookPayloadErrors } from "./webhook-schemas";

let emulator: JiraEmulator;
const BASE = "/acme/rest/webhooks/1.0/webhook";
const ADMIN = "Bearer jira-demo-token";
const GRACE = basicAuth("grace@acme.test");

beforeAll(async () => {
  emulator = await startJiraEmulator({
    port: 0,
    now: TEST_NOW,
    bosunUrl: "http://127.0.0.1:1",
    webhookRetryDelaysMs: [5],
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await raw(emulator, "POST", "/__emulator/reset", { size: "demo", seed: 42 }, null);
});

type Registration = { self: string; name: string; url: string; events: string[]; filters: Record<string, string> };

describe("admin webhook registry", () => {
  it("starts each site with Bosun's registration, without its secret", async () => {
    const list = await raw(emulator, "GET", BASE, undefined, ADMIN);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        name: "Bosun",
        url: "http://127.0.0.1:1/api/webhooks/jira/acme",
        excludeBody: false,
        filters: { "issue-related-events-section": "" },
        events: [
          "sprint_started",
          "sprint_closed",
          "sprint_updated",
          "sprint_created",
          "jira:issue_created",
          "jira:issue_updated",
          "jira:issue_deleted",
          "issuelink_created",
          "issuelink_deleted",
          "jira:version_released",
        ],
        enabled: true,
        self: expect.stringMatching(/\/acme\/rest\/webhooks\/1\.0\/webhook\/1$/),
        lastUpdatedUser: expect.any(String),
        lastUpdatedDisplayName: "Ada Lovelace",
        lastUpdated: TEST_NOW.getTime(),
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain("secret");
    const globex = await raw(emulator, "GET", "/globex/rest/webhooks/1.0/webhook", undefined, ADMIN);
    expect((globex.body as Registration[])[0]!.url).toBe("http://127.0.0.1:1/api/webhooks/jira/globex");
  });

  it("creates, reads, replaces and deletes registrations", async () => {
    const created = await raw(
      emulator,
      "POST",
      BASE,
      {
        name: "Audit",
        url: "https://audit.example/hook",
        events: ["jira:issue_created", "sprint_started"],
        filters: { "issue-related-events-section": "project = ACME" },
        secret: "s3cret",
      },
      ADMIN,
    );
    expect(created.status).toBe(201);
    const registration = created.body as Registration;
    expect(registration).toMatchObject({ name: "Audit", enabled: true, excludeBody: false });
    expect(JSON.stringify(registration)).not.toContain("s3cret");
    const path = new URL(registration.self).pathname;
    expect((await raw(emulator, "GET", path, undefined, ADMIN)).body).toEqual(registration);

    const replaced = await raw(
      emulator,
      "PUT",
      path,
      { name: "Audit v2", url: "https://audit.example/v2", events: ["sprint_closed"], enabled: false },
      ADMIN,
    );
    expect(replaced.body).toMatchObject({
      name: "Audit v2",
      events: ["sprint_closed"],
      enabled: false,
      filters: { "issue-related-events-section": "" },
    });
    const id = Number(path.split("/").pop());
    expect(
      emulator
        .store()
        .sites.get("acme")!
        .data.webhooks.find((w) => w.id === id)!.secret,
    ).toBe("s3cret");

    expect((await raw(emulator, "DELETE", path, undefined, ADMIN)).status).toBe(204);
    expect((await raw(emulator, "GET", path, undefined, ADMIN)).status).toBe(404);
    expect(((await raw(emulator, "GET", BASE, undefined, ADMIN)).body as Registration[]).length).toBe(1);
  });

  it("names every problem of an invalid registration", async () => {
    const response = await raw(
      emulator,
      "POST",
      BASE,
      {
        name: "",
        url: "ftp://nope",
        events: ["issue_link_created"],
        filters: { "issue-related-events-section": "project = = ACME" },
        excludeBody: "yes",
      },
      ADMIN,
    );
    expect(response.status).toBe(400);
    expect(Object.keys((response.body as { errors: Record<string, string> }).errors).sort()).toEqual([
      "events",
      "excludeBody",
      "filters",
      "name",
      "url",
    ]);
  });

  it("refuses a JQL filter with an unknown field or value", async () => {
    for (const jql of ["bogusField = 1", "project = NOPE"]) {
      const response = await raw(
        emulator,
        "POST",
        BASE,
        {
          name: "x",
          url: "https://x.example/",
          events: ["jira:issue_updated"],
          filters: { "issue-related-events-section": jql },
        },
        ADMIN,
      );
      expect(response.status, jql).toBe(400);
      expect((response.body as { errors: Record<string, string> }).errors.filters).toMatch(/JQL/);
    }
  });

  it("lets only site administrators manage webhooks", async () => {
    const body = { name: "Sneaky", url: "https://x.example/", events: ["jira:issue_created"] };
    for (const [method, path] of [
      ["GET", BASE],
      ["POST", BASE],
      ["GET", `${BASE}/1`],
      ["PUT", `${BASE}/1`],
      ["DELETE", `${BASE}/1`],
    ] as const) {
      const response = await raw(
        emulator,
        method,
        path,
        method === "POST" || method === "PUT" ? body : undefined,
        GRACE,
      );
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect((await raw(emulator, "GET", BASE, undefined, null)).status).toBe(401);
  });

  it("never lets an unreachable receiver fail or delay the API call", async () => {
    const { v3 } = clientsFor(emulator);
    const created = await v3.issues.createIssue({
      fields: { project: { key: "ACME" }, issuetype: { name: "Task" }, summary: "Nobody listens" },
    });
    expect(created.key).toMatch(/^ACME-/);
    await emulator.deliveries.idle();
    const attempts = emulator.webhooks.list();
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => a.status === null && a.error)).toBe(true);
    expect(attempts[1]!.headers["X-Atlassian-Webhook-Retry"]).toBe("1");
  });
});

describe("webhook payload schemas", () => {
  it("reject payloads outside the documented envelopes", () => {
    expect(webhookPayloadErrors({})).not.toEqual([]);
    const sprint = {
      timestamp: 1,
      webhookEvent: "sprint_started",
      matchedWebhookIds: [1],
      sprint: { id: 1, self: "http://x/sprint/1", state: "active", name: "S", originBoardId: 1 },
    };
    expect(webhookPayloadErrors(sprint)).toEqual([]);
    expect(webhookPayloadErrors({ ...sprint, sprint: { ...sprint.sprint, state: "running" } })).not.toEqual([]);
    expect(webhookPayloadErrors({ ...sprint, webhookEvent: "sprint_begun" })).not.toEqual([]);
    expect(webhookPayloadErrors({ ...sprint, matchedWebhookIds: undefined })).not.toEqual([]);
  });
});
