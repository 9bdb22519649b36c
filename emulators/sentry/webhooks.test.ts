import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SENTRY_WEBHOOK_SECRETS } from "../seed/world";
import { type RunningSentryEmulator, SENTRY_INSTALLATION_UUIDS } from "./index";
import { call, startTestEmulator } from "./test-support";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };

let em: RunningSentryEmulator;
let receiver: http.Server;
let received: Received[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  em = await startTestEmulator({ bosunUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await em.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received = [];
});

function verify(hook: Received, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(hook.body, "utf8").digest();
  const given = Buffer.from(String(hook.headers["sentry-hook-signature"]), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function waitFor(count: number) {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return received;
}

const control = (path: string, body: unknown) =>
  fetch(`${em.url}/__emulator${path}`, { method: "POST", body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: await r.json(),
  }));

describe("integration webhooks", () => {
  it("signs issue.created with the org's client secret over the exact Python-style body", async () => {
    const res = await control("/orgs/acme/issues", {
      project: "api",
      type: "QueryTimeoutError",
      value: "canceling statement due to statement timeout (voyages) – ünïcode",
      level: "fatal",
      release: "2.15.0",
      count: 12,
    });
    expect(res.status).toBe(201);
    expect(res.body.webhook.status).toBe(200);
    const [hook] = await waitFor(1);
    expect(hook?.path).toBe("/api/webhooks/sentry/acme");
    expect(hook?.headers["content-type"]).toBe("application/json");
    expect(hook?.headers["sentry-hook-resource"]).toBe("issue");
    expect(hook?.headers["request-id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(Number(hook?.headers["sentry-hook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(verify(hook as Received, SENTRY_WEBHOOK_SECRETS.acme)).toBe(true);
    expect(verify(hook as Received, SENTRY_WEBHOOK_SECRETS.globex)).toBe(false);
    expect(hook?.body.startsWith('{"action": "created", "installation": {"uuid": ')).toBe(true);
    expect(hook?.body).toContain("\\u00fcn\\u00efcode");
    const payload = JSON.parse(hook?.body ?? "{}");
    expect(payload).toMatchObject({
      action: "created",
      installation: { uuid: SENTRY_INSTALLATION_UUIDS.acme },
      actor: { type: "application" },
    });
    expect(payload.data.issue).toMatchObject({
      id: res.body.issue.id,
      level: "fatal",
      count: "12",
      project: { slug: "api" },
      url: expect.stringContaining(`/api/0/organizations/acme/issues/${res.body.issue.id}/`),
      web_url: expect.any(String),
    });
    expect(em.webhooks.list().at(-1)).toMatchObject({ status: 200, responseBody: '{"ok":true}' });
  });

  it("sends issue.created when an envelope creates a new issue, and issue.resolved on resolve", async () => {
    const event = {
      event_id: "a".repeat(32),
      level: "error",
      exception: {
        values: [
          {
            type: "Error",
            value: "webhook from envelope",
            stacktrace: { frames: [{ filename: "x.ts", function: "y", in_app: true }] },
          },
        ],
      },
    };
    const env = `{}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
    await fetch(
      `${em.url}/api/4500101/envelope/?sentry_key=${em.dsnFor("globex", "api").split("//")[1]?.split("@")[0]}`,
      { method: "POST", body: env },
    );
    const [created] = await waitFor(1);
    expect(created?.path).toBe("/api/webhooks/sentry/globex");
    expect(verify(created as Received, SENTRY_WEBHOOK_SECRETS.globex)).toBe(true);
    const issueId = JSON.parse(created?.body ?? "{}").data.issue.id;
    await call(em, "PUT", `/api/0/organizations/globex/issues/${issueId}/`, { status: "resolved" });
    const [, resolved] = await waitFor(2);
    expect(JSON.parse(resolved?.body ?? "{}")).toMatchObject({
      action: "resolved",
      actor: { type: "user" },
      data: { issue: { id: issueId, status: "resolved" } },
    });
  });

  it("triggers event and metric alerts", async () => {
    const [issue] = (await call(em, "GET", "/api/0/organizations/acme/issues/?limit=1")).body;
    const eventAlert = await control("/orgs/acme/alerts/event", {
      issueId: issue.shortId,
      rule: "Regression in production",
    });
    expect(eventAlert.body.webhook.status).toBe(200);
    const metric = await control("/orgs/acme/alerts/metric", { project: "web", action: "critical", threshold: 500 });
    expect(metric.body.webhook.status).toBe(200);
    const [alert, metricHook] = await waitFor(2);
    expect(alert?.headers["sentry-hook-resource"]).toBe("event_alert");
    const alertBody = JSON.parse(alert?.body ?? "{}");
    expect(alertBody).toMatchObject({
      action: "triggered",
      data: {
        triggered_rule: "Regression in production",
        event: { issue_id: issue.id, level: expect.any(String), exception: { values: expect.any(Array) } },
      },
    });
    expect(metricHook?.headers["sentry-hook-resource"]).toBe("metric_alert");
    expect(JSON.parse(metricHook?.body ?? "{}")).toMatchObject({
      action: "critical",
      data: { metric_alert: { status: 20, projects: ["web"] } },
    });
    for (const hook of [alert, metricHook]) expect(verify(hook as Received, SENTRY_WEBHOOK_SECRETS.acme)).toBe(true);
    expect((await control("/orgs/acme/alerts/metric", { project: "web", action: "exploded" })).status).toBe(400);
  });

  it("can be redirected or switched off through the control API", async () => {
    const put = (bosunUrl: string | null) =>
      fetch(`${em.url}/__emulator/webhook-target`, { method: "PUT", body: JSON.stringify({ bosunUrl }) });
    const original = (await (await fetch(`${em.url}/__emulator/webhook-target`)).json()).bosunUrl;
    expect((await put(null)).status).toBe(200);
    const res = await control("/orgs/globex/issues", { project: "web", type: "Error", value: "silent while disabled" });
    expect(res.body.webhook).toBeNull();
    expect(received).toHaveLength(0);
    expect((await put("ftp://nope")).status).toBe(400);
    await put(original);
  });
});
