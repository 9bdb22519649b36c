import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_GITHUB_WEBHOOK_SECRETS, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { branchCreatedPayload, pullRequestPayload, sendGithubEvent } from "@/emulators/github";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { type RunningMailEmulator, startMailEmulator } from "@/emulators/mail";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { db } from "@/lib/db/client";
import * as sentryRoute from "@/app/api/webhooks/sentry/[orgSlug]/route";
import * as githubRoute from "@/app/api/webhooks/github/[orgSlug]/route";
import * as handlers from "./handlers";
import { previewRule } from "./preview";
import { scheduleReleaseHealthChecks } from "./release-health";
import { parseRule } from "@/lib/domain/automations";
import * as jobs from "@/lib/platform/jobs";
import * as outbox from "@/lib/platform/outbox";

// The webhook intake shares the org-slug pattern with lib/auth/org, which loads AuthKit; nothing here has a session.

type JiraIssue = {
  id: string;
  key: string;
  fields: {
    summary: string;
    labels: string[];
    priority: { name: string };
    issuetype: { name: string };
    status: { name: string };
    project: { key: string };
  };
};
type SentWebhook = {
  status: number | null;
  responseBody: string | null;
  headers: Record<string, string>;
  body: string;
};
type SentryIssue = { id: string; shortId: string; title: string; permalink: string };

const SENTRY_RULE = "rule_acme_sentry_issue_to_jira";
const RELEASE_RULE = "rule_acme_release_health_to_jira";
const PERFORMANCE_RULE = "rule_acme_performance_regression_to_jira";
const GITHUB_SECRET = DEMO_GITHUB_WEBHOOK_SECRETS.acme;

/**
 * Automations end to end: the Sentry emulator delivers real signed webhooks to
 * Bosun's routes served over HTTP, the job queue and the outbox are drained as
 * the worker would, and the outcome is checked in the database and in the Jira
 * and Sentry emulators. Backoff is never slept through: due times are moved to now.
 */
describe("automations, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let mail: RunningMailEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let orgId: string;
  let marker = 0;
  /** Unique text per Sentry issue, so each test's issues group apart and are found by summary. */
  const unique = (label: string) => `${label} #${++marker}-${Date.now().toString(36)}`;

  // ─── Jira emulator ──────────────────────────────────────────────────────
  const jiraAuth = `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`;
  const jiraApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${jira.url}/acme${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: jiraAuth, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Jira ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const searchJira = async (jql: string): Promise<JiraIssue[]> => {
    const found: JiraIssue[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await jiraApi<{ issues: JiraIssue[]; nextPageToken?: string; isLast?: boolean }>(
        "/rest/api/3/search/jql",
        {
          method: "POST",
          body: {
            jql,
            fields: ["summary", "labels", "priority", "issuetype", "status", "project"],
            maxResults: 100,
            nextPageToken,
          },
        },
      );
      found.push(...page.issues);
      nextPageToken = page.isLast ? undefined : page.nextPageToken;
    } while (nextPageToken);
    return found;
  };
  /** Sentry-filed tickets whose summary carries this text. */
  const ticketsFor = async (text: string) =>
    (await searchJira("labels = sentry")).filter((issue) => issue.fields.summary.includes(text));
  const jiraIssue = (key: string) =>
    jiraApi<JiraIssue>(`/rest/api/3/issue/${key}?fields=summary,labels,priority,issuetype,status,project`);
  const jiraStatus = async (key: string) => (await jiraIssue(key)).fields.status.name;
  const jiraComments = async (key: string) =>
    (await jiraApi<{ comments: { body: unknown }[] }>(`/rest/api/3/issue/${key}/comment?maxResults=100`)).comments.map(
      (c) => JSON.stringify(c.body),
    );
  const setJiraFaults = (faults: object) =>
    fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(faults),
    });
  const clearJiraFaults = () => fetch(`${jira.url}/__emulator/faults`, { method: "DELETE" });

  // ─── Sentry emulator ────────────────────────────────────────────────────
  const sentryControl = async <T>(path: string, body: object): Promise<T> => {
    const response = await fetch(`${sentry.url}/__emulator${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`Sentry control ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const sentryApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${sentry.url}/api/0${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Sentry ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? null : response.json()) as Promise<T>;
  };
  /** An event as the SDK would send it, through the control API; the emulator delivers the webhook before answering. */
  const sentryEvent = (input: { value: string; level?: string; project?: string; release?: string }) =>
    sentryControl<{ created: boolean; regressed: boolean; issue: SentryIssue; webhook: SentWebhook | null }>(
      "/orgs/acme/issues",
      {
        project: "web",
        type: "TypeError",
        level: "error",
        filename: "app/berths/page.tsx",
        function: "render",
        ...input,
      },
    );
  const newSentryIssue = async (input: { value: string; level?: string; project?: string; release?: string }) => {
    const answer = await sentryEvent(input);
    expect(answer.created).toBe(true);
    expect(answer.webhook?.status, answer.webhook?.responseBody ?? "no webhook").toBe(202);
    return answer.issue;
  };
  const setWebhookTarget = (bosunUrl: string | null) =>
    fetch(`${sentry.url}/__emulator/webhook-target`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bosunUrl }),
    });

  // ─── Bosun ──────────────────────────────────────────────────────────────
  const github = (event: "create" | "pull_request", payload: Parameters<typeof sendGithubEvent>[0]["payload"]) =>
    sendGithubEvent({ url: `${bosun.url}/api/webhooks/github/acme`, secret: GITHUB_SECRET, event, payload });
  const runsForSentryIssue = (issueId: string) =>
    db.automationRun.findMany({
      where: { ruleId: SENTRY_RULE, input: { path: ["issueId"], equals: issueId } },
      include: { intents: true, delivery: true },
      orderBy: { startedAt: "asc" },
    });
  const drainOnce = () => jobs.drainJobs({ handlers: handlers.JOB_HANDLERS });

  /** Drains the outbox and the job queue, moving every backoff to now, until nothing is queued or pending. */
  const settle = async (maxPasses = 25) => {
    for (let pass = 1; pass <= maxPasses; pass++) {
      await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE status = 'queued' AND "runAt" > now()`;
      await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
      await outbox.drainOutbox();
      await drainOnce();
      const queued = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
      const pending = await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } });
      if (queued === 0 && pending === 0) return pass;
    }
    throw new Error(`still busy after ${maxPasses} passes`);
  };

  beforeAll(async () => {
    // Bosun listens first, so the Sentry emulator can deliver to it; the handlers are bound once imported.
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) =>
        sentryRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
      "/api/webhooks/sentry/globex": (request) =>
        sentryRoute.POST(request, { params: Promise.resolve({ orgSlug: "globex" }) }),
      "/api/webhooks/github/acme": (request) =>
        githubRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
    });
    [jira, sentry, mail] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0, bosunUrl: bosun.url }),
      // The release check's rollback gate notifies managers, and their e-mail goes through the outbox too.
      startMailEmulator({ smtpPort: 0, httpPort: 0 }),
    ]);
    setTestEnv({ SMTP_URL: mail.smtpUrl });
  });
  useSeededDatabase({ label: "automations", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(async () => {
    await clearJiraFaults();
    await setWebhookTarget(bosun.url);
  });
  afterAll(async () => {
    await bosun?.close();
    await jira?.close();
    await sentry?.close();
    await mail?.close();
    restoreTestEnv();
  });

  it("files one High Jira bug for a new Sentry error, links it both ways, and records the run", async () => {
    const value = unique("Cannot read properties of undefined (reading 'berth')");
    const issue = await newSentryIssue({ value });
    await settle();

    const tickets = await ticketsFor(value);
    expect(tickets).toHaveLength(1);
    const ticket = await jiraIssue(tickets[0]!.key);
    expect(ticket.fields).toMatchObject({
      project: { key: "ACME" },
      issuetype: { name: "Bug" },
      priority: { name: "High" },
    });
    expect(ticket.fields.labels).toEqual(expect.arrayContaining(["sentry", "production-error"]));
    expect(ticket.fields.summary).toContain(issue.shortId);

    const links = await db.ticketLink.findMany({ where: { orgId, sentryIssueId: issue.id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      jiraIssueKey: ticket.key,
      jiraIssueId: ticket.id,
      sentryShortId: issue.shortId,
      createdVia: "automation",
    });
    const remote = await jiraApi<{ globalId: string; object: { url: string; title: string } }[]>(
      `/rest/api/3/issue/${ticket.key}/remotelink`,
    );
    expect(remote).toEqual([
      expect.objectContaining({
        globalId: `sentry-issue-${issue.id}`,
        object: expect.objectContaining({ url: issue.permalink, title: expect.stringContaining(issue.shortId) }),
      }),
    ]);
    const external = await sentryApi<{ displayName: string; webUrl: string }[]>(
      `/organizations/acme/issues/${issue.id}/external-issues/`,
    );
    expect(external).toEqual([
      expect.objectContaining({
        displayName: `ACME#${ticket.key.split("-")[1]}`,
        webUrl: `${jira.url}/acme/browse/${ticket.key}`,
      }),
    ]);

    const runs = await runsForSentryIssue(issue.id);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({ status: "succeeded", error: null, attempt: 1, finishedAt: expect.any(Date) });
    expect(run.decision).toMatchObject({
      kind: "create_bug",
      ticket: { projectKey: "ACME", priority: "High", labels: ["sentry", "production-error"] },
      notes: [`Created ${ticket.key}`],
    });
    expect(run.delivery).toMatchObject({
      source: "sentry",
      eventType: "issue.created",
      status: "processed",
      processedAt: expect.any(Date),
    });
    expect(run.intents.map((i) => [i.operation, i.status]).sort()).toEqual([
      ["jira.issue.create", "succeeded"],
      ["jira.issue.remote_link", "succeeded"],
      ["sentry.issue.link_external", "succeeded"],
    ]);
    expect(run.intents.find((i) => i.operation === "jira.issue.create")).toMatchObject({
      idempotencyKey: `sentry-ticket:${issue.id}`,
      actorType: "automation",
      actorId: SENTRY_RULE,
      result: { key: ticket.key },
    });

    const audit = await db.auditLog.findMany({
      where: { orgId, OR: [{ targetId: issue.id }, { targetId: ticket.key }] },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "jira.issue.create",
      "jira.issue.remote_link",
      "sentry.issue.link_external",
    ]);
    for (const entry of audit)
      expect(entry).toMatchObject({
        actorType: "automation",
        actorId: SENTRY_RULE,
        actorLabel: expect.stringContaining("Production errors become bugs"),
        result: "success",
      });
  });

  it("files a fatal Sentry issue as Highest", async () => {
    const value = unique("Out of memory while loading manifests");
    await newSentryIssue({ value, level: "fatal", project: "worker" });
    await settle();
    const tickets = await ticketsFor(value);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.fields).toMatchObject({ issuetype: { name: "Bug" }, priority: { name: "Highest" } });
  });

  it("records 10 concurrent redeliveries of one webhook once, and files one ticket", async () => {
    // Capture the signed issue.created webhook without Bosun seeing it (Bosun "was down").
    const down = await serveRoutes({
      "/api/webhooks/sentry/acme": async () => new Response("unavailable", { status: 503 }),
    });
    let webhook: SentWebhook;
    let issue: SentryIssue;
    try {
      await setWebhookTarget(down.url);
      const answer = await sentryEvent({ value: unique("Redelivered ten times") });
      expect(answer.webhook?.status).toBe(503);
      webhook = answer.webhook!;
      issue = answer.issue;
    } finally {
      await setWebhookTarget(bosun.url);
      await down.close();
    }
    const deliveriesBefore = await db.webhookDelivery.count();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const response = await fetch(`${bosun.url}/api/webhooks/sentry/acme`, {
          method: "POST",
          headers: { ...webhook.headers, "Request-ID": crypto.randomUUID().replace(/-/g, "") },
          body: webhook.body,
        });
        return { status: response.status, json: (await response.json()) as { status: string; deliveryId: string } };
      }),
    );
    expect(answers.filter((a) => a.status === 202 && a.json.status === "accepted")).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200 && a.json.status === "duplicate")).toHaveLength(9);
    expect(new Set(answers.map((a) => a.json.deliveryId)).size).toBe(1);
    expect(await db.webhookDelivery.count()).toBe(deliveriesBefore + 1);
    expect(
      await db.job.count({ where: { payload: { path: ["deliveryId"], equals: answers[0]!.json.deliveryId } } }),
    ).toBe(1);

    await settle();
    expect(await ticketsFor(issue.shortId)).toHaveLength(1);
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(1);
    expect(await runsForSentryIssue(issue.id)).toEqual([
      expect.objectContaining({ status: "succeeded", deliveryId: answers[0]!.json.deliveryId }),
    ]);
  });

  it("files one ticket when an issue's created and alert webhooks are processed side by side", async () => {
    // The two runs race to file the same ticket; a few rounds make the collision likely.
    for (let round = 0; round < 4; round++) {
      const issue = await newSentryIssue({ value: unique("Race between created and alert") });
      const alert = await sentryControl<{ webhook: SentWebhook }>("/orgs/acme/alerts/event", { issueId: issue.id });
      expect(alert.webhook.status).toBe(202);
      expect(await db.job.count({ where: { status: "queued" } })).toBe(2);
      // Two workers take the two deliveries at the same time.
      const [w1, w2] = await Promise.all([
        jobs.drainJobs({ handlers: handlers.JOB_HANDLERS, limit: 1, workerId: "worker-1" }),
        jobs.drainJobs({ handlers: handlers.JOB_HANDLERS, limit: 1, workerId: "worker-2" }),
      ]);
      expect([...w1, ...w2]).toHaveLength(2);
      await settle();

      const tickets = await ticketsFor(issue.shortId);
      expect(tickets).toHaveLength(1);
      expect(await db.ticketLink.findMany({ where: { orgId, sentryIssueId: issue.id } })).toEqual([
        expect.objectContaining({ jiraIssueKey: tickets[0]!.key }),
      ]);
      expect(
        await db.outboxIntent.count({
          where: { orgId, operation: "jira.issue.create", idempotencyKey: `sentry-ticket:${issue.id}` },
        }),
      ).toBe(1);
      const runs = await runsForSentryIssue(issue.id);
      expect(runs.map((r) => r.delivery?.eventType).sort()).toEqual(["event_alert.triggered", "issue.created"]);
      for (const run of runs)
        expect(["succeeded", "skipped"], `${run.delivery?.eventType}: ${run.error}`).toContain(run.status);
      for (const run of runs) expect(["processed", "ignored"]).toContain(run.delivery?.status);
    }
  });

  it("skips a warning-level issue with a reason and files nothing", async () => {
    const value = unique("Slow berth lookup");
    const issue = await newSentryIssue({ value, level: "warning" });
    await settle();
    const runs = await runsForSentryIssue(issue.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: "skipped",
      decision: { kind: "skip", summary: "level warning is not one of fatal, error" },
      intents: [],
    });
    expect(runs[0]!.delivery).toMatchObject({ status: "ignored" });
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(0);
    expect(await ticketsFor(value)).toEqual([]);
  });

  it("comments on the existing ticket when a resolved issue regresses in a release", async () => {
    const value = unique("Customs form crashes on submit");
    const issue = await newSentryIssue({ value, release: "2.14.0" });
    await settle();
    const [ticket] = await ticketsFor(value);
    expect(ticket).toBeDefined();

    await sentryApi(`/organizations/acme/issues/?id=${issue.id}`, { method: "PUT", body: { status: "resolved" } });
    // Sentry tells Bosun about the resolution (after answering the API call); the sync reads it, no rule reacts to it.
    await vi.waitFor(
      async () => {
        const { webhooks } = (await (await fetch(`${sentry.url}/__emulator/webhooks`)).json()) as {
          webhooks: SentWebhook[];
        };
        const resolved = webhooks.filter(
          (w) =>
            w.headers["Sentry-Hook-Resource"] === "issue" &&
            JSON.parse(w.body).action === "resolved" &&
            JSON.parse(w.body).data.issue.id === issue.id,
        );
        expect(resolved).toEqual([
          expect.objectContaining({ status: 202, responseBody: expect.stringContaining('"accepted"') }),
        ]);
      },
      { timeout: 30_000, interval: 20 },
    );
    const regression = await sentryEvent({ value, release: "2.21.0-hotfix" });
    expect(regression).toMatchObject({ created: false, regressed: true, webhook: { status: 202 } });
    expect(JSON.parse(regression.webhook!.body)).toMatchObject({ action: "unresolved" });
    await settle();

    const comments = (await jiraComments(ticket!.key)).filter((c) => c.includes("regressed"));
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(`Sentry issue ${issue.shortId} regressed in release 2.21.0-hotfix.`);
    expect(await ticketsFor(value)).toHaveLength(1);
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(1);
    const runs = await runsForSentryIssue(issue.id);
    expect(runs.map((r) => [r.delivery?.eventType, r.status])).toEqual([
      ["issue.created", "succeeded"],
      ["issue.unresolved", "succeeded"],
    ]);
    expect(runs[1]!.decision).toMatchObject({ kind: "comment", issueKey: ticket!.key });
    expect(runs[1]!.intents.map((i) => [i.operation, i.status])).toEqual([["jira.issue.comment", "succeeded"]]);
  });

  it("keeps the ticket through a Jira outage and files it once Jira is back", async () => {
    await setJiraFaults({ errorRate: 1, errorStatus: 503 });
    const value = unique("Tide table parse error");
    const issue = await newSentryIssue({ value });
    expect(await drainOnce()).toEqual([expect.objectContaining({ queue: "webhook.delivery", status: "queued" })]);

    const [run] = await runsForSentryIssue(issue.id);
    expect(run).toMatchObject({ status: "pending", error: expect.stringContaining("Jira"), finishedAt: null });
    expect(run!.intents).toEqual([
      expect.objectContaining({
        operation: "jira.issue.create",
        status: "pending",
        attempts: 1,
        lastError: expect.stringContaining("503"),
      }),
    ]);
    expect(run!.delivery).toMatchObject({ status: "received", processedAt: null });
    // The delivery's own job (its issue notification is a job of its own, keyed by the same delivery).
    const job = await db.job.findFirstOrThrow({
      where: { queue: "webhook.delivery", payload: { path: ["deliveryId"], equals: run!.deliveryId! } },
    });
    // The delivery's job waits to be tried again, later.
    expect(job).toMatchObject({ status: "queued", lastError: expect.stringContaining("Jira"), lockedBy: null });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(0);

    await clearJiraFaults();
    await settle();
    expect(await ticketsFor(value)).toHaveLength(1);
    const [after] = await runsForSentryIssue(issue.id);
    expect(after).toMatchObject({ status: "succeeded", error: null });
    expect(after!.attempt).toBeGreaterThan(1);
    expect(after!.delivery).toMatchObject({ status: "processed" });
    expect(after!.intents.find((i) => i.operation === "jira.issue.create")).toMatchObject({
      status: "succeeded",
      attempts: 2,
    });
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
  });

  it("defect 2 (outage poisons writes): a delivery on its last attempt keeps waiting for its pending Jira write instead of failing the run", async () => {
    await setJiraFaults({ errorRate: 1, errorStatus: 503 });
    const value = unique("Berth schedule overflow");
    const issue = await newSentryIssue({ value });
    // Earlier tries used up the delivery's attempts (e.g. reads that failed): this claim is its last.
    const job = await db.job.findFirstOrThrow({
      where: { queue: "webhook.delivery", status: "queued" },
      orderBy: { createdAt: "desc" },
    });
    await db.job.update({ where: { id: job.id }, data: { attempts: job.maxAttempts - 1 } });
    expect(await drainOnce()).toEqual([expect.objectContaining({ id: job.id, status: "queued" })]);

    const [run] = await runsForSentryIssue(issue.id);
    expect(run).toMatchObject({ status: "pending", finishedAt: null });
    expect(run!.intents).toEqual([expect.objectContaining({ operation: "jira.issue.create", status: "pending" })]);

    await clearJiraFaults();
    await settle();
    expect(await ticketsFor(value)).toHaveLength(1);
    expect((await runsForSentryIssue(issue.id)).at(-1)).toMatchObject({ status: "succeeded" });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "succeeded" });
  });

  it("honours Jira's Retry-After through a 429 storm, then files one ticket", async () => {
    await setJiraFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const value = unique("Manifest upload throttled");
    const issue = await newSentryIssue({ value });
    const before = Date.now();
    await drainOnce();
    const [run] = await runsForSentryIssue(issue.id);
    expect(run).toMatchObject({ status: "pending" });
    const intent = run!.intents.find((i) => i.operation === "jira.issue.create")!;
    expect(intent).toMatchObject({ status: "pending", lastError: expect.stringContaining("429") });
    expect(intent.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(6_500);
    // Not due yet: a pass now leaves it alone.
    expect(await outbox.drainOutbox()).toEqual([]);

    await clearJiraFaults();
    await settle();
    expect(await ticketsFor(value)).toHaveLength(1);
    expect((await runsForSentryIssue(issue.id))[0]).toMatchObject({ status: "succeeded" });
    expect(await db.ticketLink.count({ where: { orgId, sentryIssueId: issue.id } })).toBe(1);
  });

  it("moves a Jira issue forward from branch to pull request to merge, never backwards", async () => {
    const todo = await searchJira('project = ACME AND status = "To Do" ORDER BY key ASC');
    expect(todo.length).toBeGreaterThanOrEqual(2);
    const key = todo[0]!.key;

    const branch = await github(
      "create",
      branchCreatedPayload({ repo: "acme/platform", branch: `feature/${key}-login` }),
    );
    expect(branch.status).toBe(202);
    await settle();
    expect(await jiraStatus(key)).toBe("In Progress");

    const opened = await github(
      "pull_request",
      pullRequestPayload({
        repo: "acme/platform",
        number: 4101,
        title: `${key} Login page`,
        branch: `feature/${key}-login`,
      }),
    );
    expect(opened.status).toBe(202);
    await settle();
    expect(await jiraStatus(key)).toBe("In Review");

    const merged = await github(
      "pull_request",
      pullRequestPayload({
        repo: "acme/platform",
        number: 4101,
        title: `${key} Login page`,
        branch: `feature/${key}-login`,
        action: "closed",
        merged: true,
      }),
    );
    expect(merged.status).toBe(202);
    await settle();
    expect(await jiraStatus(key)).toBe("Done");
    const prUrl = "https://github.com/acme/platform/pull/4101";
    expect((await jiraComments(key)).filter((c) => c.includes(prUrl))).toHaveLength(1);

    const late = await github(
      "pull_request",
      pullRequestPayload({
        repo: "acme/platform",
        number: 4102,
        title: `${key} Follow-up tweaks`,
        branch: `feature/${key}-tweaks`,
      }),
    );
    expect(late.status).toBe(202);
    await settle();
    expect(await jiraStatus(key)).toBe("Done");
    const lateRun = await db.automationRun.findFirstOrThrow({
      where: { deliveryId: JSON.parse(late.responseBody).deliveryId },
      include: { intents: true },
    });
    expect(lateRun).toMatchObject({
      status: "succeeded",
      decision: {
        kind: "transition",
        issueKeys: [key],
        targetStatus: "In Review",
        notes: [expect.stringContaining(`${key} stays Done`)],
      },
    });
    expect(lateRun.intents).toEqual([
      expect.objectContaining({
        operation: "jira.issue.transition_forward",
        status: "succeeded",
        result: expect.objectContaining({ from: "Done", to: "Done", steps: [] }),
      }),
    ]);

    // Seeded rules know the org's project keys, so a lower-case key in a branch counts too.
    const lower = todo[1]!.key;
    const lowerBranch = await github(
      "create",
      branchCreatedPayload({ repo: "acme/platform", branch: `${lower.toLowerCase()}-fix` }),
    );
    expect(lowerBranch.status).toBe(202);
    await settle();
    expect(await jiraStatus(lower)).toBe("In Progress");
    const audit = await db.auditLog.findMany({
      where: { orgId, action: "jira.issue.transition_forward", targetId: { in: [key, lower] } },
    });
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.actorType === "automation")).toBe(true);
  });

  it("files one bug for a critical metric alert, however often it is sent", async () => {
    const title = unique("Checkout error spike");
    const alert = () =>
      sentryControl<{ webhook: SentWebhook }>("/orgs/acme/alerts/metric", {
        project: "api",
        action: "critical",
        title,
      });
    expect((await alert()).webhook.status).toBe(202);
    await settle();
    const filed = (await searchJira('labels = "metric-alert"')).filter((i) => i.fields.summary.includes(title));
    expect(filed).toHaveLength(1);
    expect(filed[0]!.fields).toMatchObject({
      summary: `[Metric alert] ${title}`,
      issuetype: { name: "Bug" },
      priority: { name: "Highest" },
    });
    expect(filed[0]!.fields.labels).toEqual(expect.arrayContaining(["sentry", "production-error", "metric-alert"]));

    expect([200, 202]).toContain((await alert()).webhook.status);
    await settle();
    expect((await searchJira('labels = "metric-alert"')).filter((i) => i.fields.summary.includes(title))).toHaveLength(
      1,
    );
    expect(
      await db.outboxIntent.count({
        where: { orgId, operation: "jira.issue.create", idempotencyKey: { startsWith: "metric-alert:" } },
      }),
    ).toBe(1);
  });

  it("files one bug per unhealthy release from the release-health check, and none on the next check", async () => {
    await db.automationRule.update({
      where: { id: RELEASE_RULE },
      data: { enabled: true, config: { crashFreeSessionsBelow: 100, minSessions: 1, jiraProjectKey: "ACME" } },
    });
    // What Sentry says, read the way the check reads it.
    const sessions = await sentryApi<{ groups: { by: { release: string }; totals: Record<string, number | null> }[] }>(
      "/organizations/acme/sessions/?field=sum(session)&field=crash_free_rate(session)&groupBy=release&statsPeriod=24h&interval=1d&includeSeries=0",
    );
    const unhealthy = sessions.groups
      .filter(
        ({ totals }) =>
          (totals["sum(session)"] ?? 0) >= 1 &&
          totals["crash_free_rate(session)"] != null &&
          Math.round(totals["crash_free_rate(session)"] * 10_000) / 100 < 100,
      )
      .map(({ by }) => by.release)
      .sort();
    expect(unhealthy.length).toBeGreaterThan(0);

    const check = () => jobs.enqueueJob({ queue: "automation.release-health", orgId, payload: { orgId } });
    await check();
    await settle();
    const filed = async () => (await searchJira('labels = "release-health"')).map((i) => i.fields.summary);
    const summaries = await filed();
    for (const version of unhealthy)
      expect(
        summaries.filter((s) => s.startsWith(`[Release health] ${version} crash-free`)),
        version,
      ).toHaveLength(1);
    expect(summaries).toHaveLength(unhealthy.length);
    const runs = await db.automationRun.findMany({ where: { ruleId: RELEASE_RULE } });
    expect(runs.map((r) => r.triggerKey).sort()).toEqual(unhealthy.map((v) => `release:${v}`));
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    expect(await db.job.count({ where: { queue: "automation.release-health", status: "succeeded" } })).toBe(1);

    await check();
    await settle();
    expect(await filed()).toEqual(summaries);
    expect(await db.automationRun.count({ where: { ruleId: RELEASE_RULE } })).toBe(unhealthy.length);
    expect(await db.job.count({ where: { queue: "automation.release-health", status: "succeeded" } })).toBe(2);
  });

  it("files one bug per release and metric for performance regressions, however often the check runs", async () => {
    // An org whose only scheduled rule is the performance one is checked too: here both demo orgs, once per slot.
    await db.automationRule.update({ where: { id: RELEASE_RULE }, data: { enabled: false } });
    const slot = Date.UTC(2030, 0, 1);
    expect(await scheduleReleaseHealthChecks(slot)).toBe(2);
    expect(await scheduleReleaseHealthChecks(slot)).toBe(0);
    // The preview runs the same decision over the regressions the scorecards flag now, writing nothing.
    const parsed = parseRule(await db.automationRule.findUniqueOrThrow({ where: { id: PERFORMANCE_RULE } }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await previewRule({ orgId, rule: parsed.rule })).toContainEqual({
      at: null,
      event: expect.stringMatching(/^Release 2\.14\.0: p75 LCP /),
      decision: {
        kind: "create_bug",
        summary: expect.stringMatching(/^Create a High bug in \w+: 2\.14\.0 p75 LCP \+\d+% vs 2\.13\.0$/),
      },
    });

    const check = () => jobs.enqueueJob({ queue: "automation.release-health", orgId, payload: { orgId } });
    const filed = async () =>
      (await searchJira('labels = "performance-regression"')).map((i) => ({ key: i.key, summary: i.fields.summary }));
    await check();
    await settle();
    const bugs = await filed();
    // The seeded slowdown: 2.14.0's page loads are about a quarter slower than the release before.
    const lcp = bugs.filter((b) => /^\[Performance regression\] 2\.14\.0: p75 LCP \+\d+% vs \S+$/.test(b.summary));
    expect(lcp, JSON.stringify(bugs)).toHaveLength(1);
    expect(new Set(bugs.map((b) => b.summary)).size).toBe(bugs.length);
    const description = JSON.stringify(
      (await jiraApi<{ fields: { description: unknown } }>(`/rest/api/3/issue/${lcp[0]!.key}?fields=description`))
        .fields.description,
    );
    expect(description).toMatch(/p75 LCP [\d.]+ s vs [\d.]+ s in \S+, \+\d+%, [\d.]+k? page loads/);

    await check();
    await settle();
    await check();
    await settle();
    expect(await filed()).toEqual(bugs);
    const runs = await db.automationRun.findMany({ where: { ruleId: PERFORMANCE_RULE } });
    expect(runs.map((r) => r.triggerKey)).toContain("release-performance:2.14.0:lcpP75");
    expect(new Set(runs.map((r) => r.triggerKey)).size).toBe(runs.length);
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    expect(
      await db.outboxIntent.count({
        where: { orgId, operation: "jira.issue.create", idempotencyKey: { startsWith: "performance-regression:" } },
      }),
    ).toBe(bugs.length);
  });

  it("logs a run that failed for good with Jira's error, and a retry after the fix succeeds", async () => {
    const rule = await db.automationRule.findUniqueOrThrow({ where: { id: SENTRY_RULE } });
    const config = rule.config as Record<string, unknown>;
    await db.automationRule.update({
      where: { id: SENTRY_RULE },
      data: { config: { ...config, jiraProjectKey: "NOPE" } },
    });
    const value = unique("Berth allocation deadlock");
    let issue: SentryIssue;
    try {
      issue = await newSentryIssue({ value });
      await settle();
    } finally {
      await db.automationRule.update({ where: { id: SENTRY_RULE }, data: { config: config as object } });
    }
    const [failed] = await runsForSentryIssue(issue.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempt: 1,
      error: expect.stringMatching(/400.*project/i),
      finishedAt: expect.any(Date),
    });
    expect(failed!.decision).toMatchObject({ kind: "create_bug", ticket: { projectKey: "NOPE" } });
    expect(failed!.delivery).toMatchObject({ status: "failed", error: expect.stringContaining("400") });
    expect(failed!.intents).toEqual([
      expect.objectContaining({
        operation: "jira.issue.create",
        status: "failed",
        lastError: expect.stringContaining("400"),
      }),
    ]);
    expect(
      await db.auditLog.count({ where: { orgId, targetId: issue.id, result: "failure", actorType: "automation" } }),
    ).toBe(1);
    expect(await ticketsFor(value)).toEqual([]);

    await jobs.enqueueJob({ queue: "automation.retry-run", orgId, payload: { runId: failed!.id } });
    await settle();
    const [retried] = await runsForSentryIssue(issue.id);
    expect(retried).toMatchObject({ id: failed!.id, status: "succeeded", attempt: 2, error: null });
    expect(retried!.decision).toMatchObject({ kind: "create_bug", ticket: { projectKey: "ACME" } });
    expect(retried!.delivery).toMatchObject({ status: "processed" });
    // The failed write stays in the run log; the retry wrote anew under the ticket's key.
    const creates = retried!.intents
      .filter((i) => i.operation === "jira.issue.create")
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(creates.map((i) => [i.status, i.idempotencyKey === `sentry-ticket:${issue.id}`])).toEqual([
      ["failed", false],
      ["succeeded", true],
    ]);
    const tickets = await ticketsFor(value);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.fields.project.key).toBe("ACME");
    expect(await db.ticketLink.findFirstOrThrow({ where: { orgId, sentryIssueId: issue.id } })).toMatchObject({
      jiraIssueKey: tickets[0]!.key,
    });
    expect(await db.job.count({ where: { queue: "automation.retry-run", status: "succeeded" } })).toBe(1);
  });
});
