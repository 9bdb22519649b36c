import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { DEFAULT_SYNC_SETTINGS, SYNC_SETTINGS_KEY, type SyncSettings } from "@/lib/domain/sync";
import * as jiraRoute from "@/app/api/webhooks/jira/[orgSlug]/route";
import * as sentryRoute from "@/app/api/webhooks/sentry/[orgSlug]/route";
import * as handlers from "@/lib/features/automations/handlers";
import * as jobs from "@/lib/platform/jobs";
import * as outbox from "@/lib/platform/outbox";

/**
 * The loop guard with nothing fed by hand: both emulators send their signed webhooks to Bosun's
 * intake over HTTP, so every write the sync makes comes back as a webhook from the other side. The
 * test counts the sync's writes once everything has gone quiet: each change is carried over once,
 * and the echoes it causes make none.
 */
describe("Jira–Sentry sync, both services' webhooks live", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let orgId: string;

  const jiraAuth = `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`;
  const jiraApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${jira.url}/acme${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: jiraAuth, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Jira ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? null : response.json()) as Promise<T>;
  };
  const jiraStatus = async (key: string) =>
    (await jiraApi<{ fields: { status: { name: string } } }>(`/rest/api/3/issue/${key}?fields=status`)).fields.status
      .name;
  const sentryApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${sentry.url}/api/0${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Sentry ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? null : response.json()) as Promise<T>;
  };
  const sentryStatus = async (id: string) =>
    (await sentryApi<{ status: string }>(`/organizations/acme/issues/${id}/`)).status;
  const sentryEvent = async (value: string, release: string) => {
    const response = await fetch(`${sentry.url}/__emulator/orgs/acme/issues`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ project: "web", type: "TypeError", level: "error", value, release }),
    });
    return (await response.json()) as { issue: { id: string; shortId: string } };
  };
  const sentryWebhooks = async () =>
    (
      (await (await fetch(`${sentry.url}/__emulator/webhooks`)).json()) as {
        webhooks: { status: number | null; responseBody: string | null }[];
      }
    ).webhooks;

  /** Until both services have sent everything and Bosun has processed it all, with nothing left to write. */
  const quiesce = async () => {
    let seen = -1;
    for (let pass = 1; pass <= 40; pass++) {
      await jira.deliveries.idle();
      const sent = await sentryWebhooks();
      await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE status = 'queued' AND "runAt" > now()`;
      await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
      await outbox.drainOutbox();
      await jobs.drainJobs({ handlers: handlers.JOB_HANDLERS, limit: 100 });
      const busy =
        (await db.job.count({ where: { status: { in: ["queued", "running"] } } })) +
        (await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } }));
      const unanswered = sent.filter((w) => w.status === null).length;
      if (busy === 0 && unanswered === 0 && sent.length === seen) return;
      seen = sent.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the services never went quiet");
  };
  const syncWrites = () => db.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: "sync:" } } });
  const log = async (key: string) =>
    (await db.syncActivity.findMany({ where: { orgId, jiraIssueKey: key }, orderBy: { createdAt: "asc" } })).map(
      (a) => [a.direction, a.field, a.outcome],
    );

  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) =>
        sentryRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
      "/api/webhooks/jira/acme": (request) => jiraRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
    });
    [jira, sentry] = await Promise.all([
      startJiraEmulator({ port: 0, bosunUrl: bosun.url, webhookRetryDelaysMs: [20, 20] }),
      startSentryEmulator({ port: 0, bosunUrl: bosun.url }),
    ]);
  });
  useSeededDatabase({ label: "syncloop", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    orgId = org.id;
    const settings: SyncSettings = {
      ...DEFAULT_SYNC_SETTINGS,
      jiraStatusToSentry: true,
      sentryStatusToJira: true,
      onRegression: "reopen",
    };
    await db.organization.update({
      where: { id: orgId },
      data: { settings: { ...(org.settings as object), [SYNC_SETTINGS_KEY]: settings } },
    });
  });
  afterAll(async () => {
    await bosun?.close();
    await jira?.close();
    await sentry?.close();
  });

  it("each change crosses once; the webhooks Bosun's own writes cause write nothing", async () => {
    const value = `Quay crane feed stalls #${Date.now().toString(36)}`;
    const { issue } = await sentryEvent(value, "3.0.0");
    await quiesce();
    const { jiraIssueKey: key } = await db.ticketLink.findUniqueOrThrow({
      where: { orgId_sentryIssueId: { orgId, sentryIssueId: issue.id } },
    });
    expect(await syncWrites()).toBe(0);

    // A person moves the ticket to Done in Jira: Sentry is resolved once; Sentry's webhook about it is an echo.
    for (const id of ["11", "21", "31"])
      await jiraApi(`/rest/api/3/issue/${key}/transitions`, { method: "POST", body: { transition: { id } } });
    await quiesce();
    expect(await sentryStatus(issue.id)).toBe("resolved");
    expect(await syncWrites()).toBe(1);
    expect(await log(key)).toEqual([
      ["jira_to_sentry", "status", "applied"],
      ["sentry_to_jira", "status", "echo"],
    ]);

    // The person reopens it, then finishes it again: Sentry follows each time, and its webhooks are echoes
    // (Bosun's own unresolve is no regression: no comment).
    await jiraApi(`/rest/api/3/issue/${key}/transitions`, { method: "POST", body: { transition: { id: "61" } } });
    await quiesce();
    expect(await sentryStatus(issue.id)).toBe("unresolved");
    expect(await syncWrites()).toBe(2);
    for (const id of ["11", "21", "31"])
      await jiraApi(`/rest/api/3/issue/${key}/transitions`, { method: "POST", body: { transition: { id } } });
    await quiesce();
    expect(await sentryStatus(issue.id)).toBe("resolved");
    expect(await syncWrites()).toBe(3);
    // Sentry's webhook about it repeats the first resolution's body, which intake records once.
    const answers = (await sentryWebhooks()).map((w) => w.responseBody ?? "");
    expect(answers.filter((answer) => answer.includes('"duplicate"'))).toHaveLength(1);

    // The error comes back: the ticket is reopened with a comment; Jira's webhooks about both write nothing.
    await sentryEvent(value, "3.0.1");
    await quiesce();
    expect(await jiraStatus(key)).toBe("To Do");
    expect(await syncWrites()).toBe(5);
    // Jira's reopen is Bosun's echo, so Sentry (unresolved by the regression) is not touched again.
    expect(await sentryStatus(issue.id)).toBe("unresolved");

    // Resolved in Sentry by a person: the ticket moves forward to Done once, through every step; Jira's webhooks
    // write nothing. (Sentry sent the same body for Bosun's second resolution as for its first, which intake
    // recorded once; that echo, never heard, must not swallow this change.)
    await sentryApi(`/organizations/acme/issues/${issue.id}/`, { method: "PUT", body: { status: "resolved" } });
    await quiesce();
    expect(await jiraStatus(key)).toBe("Done");
    expect(await syncWrites()).toBe(6);
    await quiesce();
    expect(await syncWrites()).toBe(6);
    expect(await log(key)).toEqual([
      ["jira_to_sentry", "status", "applied"],
      ["sentry_to_jira", "status", "echo"],
      ["jira_to_sentry", "status", "applied"],
      ["sentry_to_jira", "status", "echo"],
      ["jira_to_sentry", "status", "applied"],
      // Sentry's webhook for this resolution repeated the first one's body: intake recorded it once.
      ["sentry_to_jira", "regression", "applied"],
      ["sentry_to_jira", "status", "applied"],
      ["jira_to_sentry", "status", "echo"],
      ["sentry_to_jira", "status", "applied"],
      ["jira_to_sentry", "status", "echo"],
    ]);
  });
});
