import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_GITHUB_WEBHOOK_SECRETS, SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { pullRequestPayload, sendGithubEvent } from "@/emulators/github";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import type { JiraEvent } from "@/lib/domain/jira-events/events";
import type { JiraIssueEvent } from "@/lib/domain/sync";
import { DEFAULT_SYNC_SETTINGS, SYNC_SETTINGS_KEY, type SyncSettings } from "@/lib/domain/sync";
import * as githubRoute from "@/app/api/webhooks/github/[orgSlug]/route";
import * as sentryRoute from "@/app/api/webhooks/sentry/[orgSlug]/route";
import * as handlers from "@/lib/features/automations/handlers";
import * as jobs from "@/lib/platform/jobs";
import * as outbox from "@/lib/platform/outbox";
import { syncFromJiraEvent } from "./index";

type SentWebhook = {
  status: number | null;
  responseBody: string | null;
  headers: Record<string, string>;
  body: string;
};
type SentryIssue = { id: string; shortId: string; status: string };

/**
 * The two-way sync end to end: real signed Sentry webhooks to Bosun's route over HTTP, the job queue and
 * outbox drained as the worker would, Jira events fed to syncFromJiraEvent as the Jira intake does, and
 * the outcome checked in both emulators. Every write Bosun makes is counted: the webhooks those writes
 * cause come back and must make none.
 */
describe("Jira–Sentry sync, end to end", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let orgId: string;
  let marker = 0;
  const unique = (label: string) => `${label} #${++marker}-${Date.now().toString(36)}`;

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
  const jiraComments = async (key: string) =>
    (await jiraApi<{ comments: { body: unknown }[] }>(`/rest/api/3/issue/${key}/comment?maxResults=100`)).comments.map(
      (c) => JSON.stringify(c.body),
    );
  const sentryApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${sentry.url}/api/0${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) throw new Error(`Sentry ${path} answered ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? null : response.json()) as Promise<T>;
  };
  const sentryStatus = async (id: string) => (await sentryApi<SentryIssue>(`/organizations/acme/issues/${id}/`)).status;
  const sentryEvent = async (input: { value: string; release?: string }) => {
    const response = await fetch(`${sentry.url}/__emulator/orgs/acme/issues`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        project: "web",
        type: "TypeError",
        level: "error",
        filename: "app/berths/page.tsx",
        function: "render",
        ...input,
      }),
    });
    return (await response.json()) as { created: boolean; regressed: boolean; issue: SentryIssue };
  };
  const sentWebhooks = async () =>
    ((await (await fetch(`${sentry.url}/__emulator/webhooks`)).json()) as { webhooks: SentWebhook[] }).webhooks;
  /** Waits until Sentry has delivered (and Bosun answered) the issue webhook with this action. */
  const webhookFor = async (issueId: string, action: string): Promise<SentWebhook> =>
    vi.waitFor(
      async () => {
        const found = (await sentWebhooks()).find(
          (w) =>
            w.headers["Sentry-Hook-Resource"] === "issue" &&
            w.status !== null &&
            JSON.parse(w.body).action === action &&
            JSON.parse(w.body).data.issue.id === issueId,
        );
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 20 },
    );
  /** Sends a webhook Sentry sent again, as its retries do. */
  const redeliver = (webhook: SentWebhook) =>
    fetch(`${bosun.url}/api/webhooks/sentry/acme`, {
      method: "POST",
      headers: { ...webhook.headers, "Sentry-Hook-Timestamp": String(Math.floor(Date.now() / 1000)) },
      body: webhook.body,
    });

  const settle = async (maxPasses = 25) => {
    for (let pass = 1; pass <= maxPasses; pass++) {
      await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE status = 'queued' AND "runAt" > now()`;
      await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
      await outbox.drainOutbox();
      await jobs.drainJobs({ handlers: handlers.JOB_HANDLERS });
      const queued = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
      const pending = await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } });
      if (queued === 0 && pending === 0) return;
    }
    throw new Error(`still busy after ${maxPasses} passes`);
  };
  const writes = () => db.outboxIntent.count({ where: { orgId } });
  const activity = (jiraIssueKey: string) =>
    db.syncActivity.findMany({ where: { orgId, jiraIssueKey }, orderBy: { createdAt: "asc" } });

  /** A Sentry issue with the Jira ticket the seeded rule files for it, linked. */
  const linkedPair = async (label: string) => {
    const value = unique(label);
    const { issue } = await sentryEvent({ value, release: "2.14.0" });
    await settle();
    const link = await db.ticketLink.findUniqueOrThrow({
      where: { orgId_sentryIssueId: { orgId, sentryIssueId: issue.id } },
    });
    return { value, issue, key: link.jiraIssueKey };
  };
  /** A Jira status change as the Jira intake hands it over. */
  const statusEvent = (key: string, from: string, to: string, category: "new" | "done"): JiraIssueEvent => ({
    type: "jira.issue",
    action: "updated",
    at: new Date().toISOString(),
    issue: {
      id: "0",
      key,
      projectKey: "ACME",
      summary: "",
      status: { id: "0", name: to, category },
      assignee: null,
      sprintIds: [],
      numericFields: {},
      labels: [],
    },
    changes: [{ field: "status", fieldId: "status", from: "1", fromString: from, to: "2", toString: to }],
    actorAccountId: null,
    comment: null,
  });
  const moveToDone = async (key: string) => {
    for (const id of ["11", "21", "31"])
      await jiraApi(`/rest/api/3/issue/${key}/transitions`, { method: "POST", body: { transition: { id } } });
  };

  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) =>
        sentryRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
      "/api/webhooks/github/acme": (request) =>
        githubRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
    });
    [jira, sentry] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0, bosunUrl: bosun.url }),
    ]);
  });
  useSeededDatabase({ label: "sync", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    const settings: SyncSettings = {
      ...DEFAULT_SYNC_SETTINGS,
      jiraStatusToSentry: true,
      sentryStatusToJira: true,
      onRegression: "reopen",
      commitMessages: true,
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

  it("moving the ticket to Done resolves the Sentry issue once; its echo and redeliveries write nothing", async () => {
    const { issue, key } = await linkedPair("Berth lookup crashes");
    await moveToDone(key);
    const before = await writes();
    const event = statusEvent(key, "In Review", "Done", "done");
    const sourceKey = `jira-delivery-${key}`;
    const results = await syncFromJiraEvent({ orgId, event, sourceKey, deliveryId: null });
    expect(results).toEqual([
      expect.objectContaining({ direction: "jira_to_sentry", field: "status", outcome: "applied" }),
    ]);
    expect(await sentryStatus(issue.id)).toBe("resolved");
    expect(await writes()).toBe(before + 1);

    // Sentry tells Bosun about the resolution Bosun made: recognised, nothing written back to Jira.
    await webhookFor(issue.id, "resolved");
    await settle();
    expect(await writes()).toBe(before + 1);
    expect((await activity(key)).map((a) => [a.direction, a.outcome])).toEqual([
      ["jira_to_sentry", "applied"],
      ["sentry_to_jira", "echo"],
    ]);

    for (let i = 0; i < 10; i++)
      expect(await syncFromJiraEvent({ orgId, event, sourceKey, deliveryId: null })).toEqual([]);
    expect(await writes()).toBe(before + 1);
    expect(await activity(key)).toHaveLength(2);
    expect(await jiraStatus(key)).toBe("Done");
  });

  it("resolving in Sentry moves the ticket to Done; a regression reopens it with a comment; echoes write nothing", async () => {
    const { value, issue, key } = await linkedPair("Customs form fails");
    const before = await writes();
    await sentryApi(`/organizations/acme/issues/${issue.id}/`, { method: "PUT", body: { status: "resolved" } });
    const resolved = await webhookFor(issue.id, "resolved");
    await settle();
    expect(await jiraStatus(key)).toBe("Done");
    expect(await writes()).toBe(before + 1);

    // Sentry retries the same webhook: recorded once, nothing more written.
    for (let i = 0; i < 10; i++) expect((await redeliver(resolved)).status).toBe(200);
    await settle();
    expect(await writes()).toBe(before + 1);

    // Jira reports the transition Bosun made: an echo.
    expect(
      await syncFromJiraEvent({
        orgId,
        event: statusEvent(key, "In Review", "Done", "done"),
        sourceKey: `jira-done-${key}`,
        deliveryId: null,
      }),
    ).toEqual([expect.objectContaining({ outcome: "echo" })]);
    expect(await writes()).toBe(before + 1);

    // A new event on the resolved issue is a regression: a comment with the release, and back to To Do.
    const regression = await sentryEvent({ value, release: "2.21.0-hotfix" });
    expect(regression.regressed).toBe(true);
    const unresolved = await webhookFor(issue.id, "unresolved");
    await settle();
    expect(await jiraStatus(key)).toBe("To Do");
    const comments = (await jiraComments(key)).filter((c) => c.includes("unresolved again"));
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain("seen in release 2.21.0-hotfix");
    const afterRegression = await writes();
    for (let i = 0; i < 10; i++) await redeliver(unresolved);
    await settle();
    expect(await writes()).toBe(afterRegression);

    // Jira reports the reopen Bosun made: an echo, and Sentry is not touched.
    expect(
      await syncFromJiraEvent({
        orgId,
        event: statusEvent(key, "Done", "To Do", "new"),
        sourceKey: `jira-reopen-${key}`,
        deliveryId: null,
      }),
    ).toEqual([expect.objectContaining({ outcome: "echo" })]);
    expect(await writes()).toBe(afterRegression);
    expect(await sentryStatus(issue.id)).toBe("unresolved");
    const log = (await activity(key)).map((a) => [a.direction, a.field, a.outcome]);
    expect(log).toEqual([
      ["sentry_to_jira", "status", "applied"],
      ["jira_to_sentry", "status", "echo"],
      ["sentry_to_jira", "regression", "applied"],
      ["sentry_to_jira", "status", "applied"],
      ["jira_to_sentry", "status", "echo"],
    ]);
  });

  it("a merged pull request saying Fixes <short id> resolves that issue in the next release, once", async () => {
    const { issue, key } = await linkedPair("Manifest export hangs");
    const other = (await sentryEvent({ value: unique("Unlinked crash") })).issue;
    await settle();
    const before = await writes();
    const payload = pullRequestPayload({
      repo: "acme/platform",
      number: 4242,
      title: "Stop the manifest export from hanging",
      branch: "fix/manifest-export",
      action: "closed",
      merged: true,
      body: `Fixes ${issue.shortId}, resolves ${other.shortId.toLowerCase()} and closes NOPE-1.`,
    });
    const send = () =>
      sendGithubEvent({
        url: `${bosun.url}/api/webhooks/github/acme`,
        secret: DEMO_GITHUB_WEBHOOK_SECRETS.acme,
        event: "pull_request",
        payload,
      });
    expect((await send()).status).toBe(202);
    await settle();
    const detail = await sentryApi<{ status: string; statusDetails: { inNextRelease?: boolean } }>(
      `/organizations/acme/issues/${issue.id}/`,
    );
    expect(detail).toMatchObject({ status: "resolved", statusDetails: { inNextRelease: true } });
    // Ids are upper case: "web-…" is prose, not an id. NOPE-1 is no Sentry issue.
    expect(await sentryStatus(other.id)).toBe("unresolved");
    const byCommit = await db.syncActivity.findMany({ where: { orgId, direction: "github_to_sentry" } });
    expect(byCommit.map((a) => [a.trigger.split(": ")[1], a.outcome, a.jiraIssueKey])).toEqual(
      expect.arrayContaining([
        [`fixes ${issue.shortId}`, "applied", key],
        ["fixes NOPE-1", "unmatched", null],
      ]),
    );
    // The resolution's webhook is Bosun's own echo: the ticket is not moved by the sync, and a resend changes nothing.
    await webhookFor(issue.id, "resolved");
    await settle();
    for (let i = 0; i < 10; i++) await send();
    await settle();
    expect(await writes()).toBe(before + 1);
  });

  it("syncs assignees both ways by e-mail, copies Sentry comments once, and comments on archiving", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    const settings = (org.settings as Record<string, SyncSettings>)[SYNC_SETTINGS_KEY]!;
    await db.organization.update({
      where: { id: orgId },
      data: {
        settings: {
          ...(org.settings as object),
          [SYNC_SETTINGS_KEY]: { ...settings, assignees: true, comments: true },
        },
      },
    });
    const members = await db.membership.findMany({
      where: { orgId, status: "active", jiraAccountId: { not: null }, user: { email: { endsWith: "@acme.test" } } },
      include: { user: true },
      orderBy: { user: { email: "asc" } },
      take: 2,
    });
    const [ada, bo] = members.map((m) => ({ email: m.user.email, accountId: m.jiraAccountId! }));
    const { issue, key } = await linkedPair("Tide table renders blank");
    const jiraAssignee = async () =>
      (
        await jiraApi<{ fields: { assignee: { accountId: string } | null } }>(
          `/rest/api/3/issue/${key}?fields=assignee`,
        )
      ).fields.assignee?.accountId ?? null;
    const sentryAssignee = async () =>
      (await sentryApi<{ assignedTo: { email?: string } | null }>(`/organizations/acme/issues/${issue.id}/`)).assignedTo
        ?.email ?? null;
    const assigneeEvent = (accountId: string, emailAddress: string | null): JiraEvent => ({
      ...statusEvent(key, "To Do", "To Do", "new"),
      issue: {
        ...statusEvent(key, "To Do", "To Do", "new").issue,
        assignee: { accountId, emailAddress, displayName: "X" },
      },
      changes: [{ field: "assignee", fieldId: "assignee", from: null, fromString: null, to: accountId, toString: "X" }],
    });
    const before = await writes();

    // Sentry → Jira, then Jira's echo of it.
    await sentryApi(`/organizations/acme/issues/${issue.id}/`, { method: "PUT", body: { assignedTo: ada!.email } });
    await webhookFor(issue.id, "assigned");
    await settle();
    expect(await jiraAssignee()).toBe(ada!.accountId);
    const echoed = await syncFromJiraEvent({
      orgId,
      event: assigneeEvent(ada!.accountId, null),
      sourceKey: `a1-${key}`,
      deliveryId: null,
    });
    expect(echoed).toEqual([expect.objectContaining({ field: "assignee", outcome: "echo" })]);
    expect(await writes()).toBe(before + 1);

    // Jira → Sentry by the member's Jira account; Sentry's echo writes nothing.
    const assigned = await syncFromJiraEvent({
      orgId,
      event: assigneeEvent(bo!.accountId, null),
      sourceKey: `a2-${key}`,
      deliveryId: null,
    });
    expect(assigned).toEqual([expect.objectContaining({ field: "assignee", outcome: "applied" })]);
    expect(await sentryAssignee()).toBe(bo!.email);
    await vi.waitFor(
      async () =>
        expect(
          (await sentWebhooks()).filter(
            (w) => w.body.includes(`"assigned"`) && w.body.includes(issue.id) && w.status !== null,
          ),
        ).toHaveLength(2),
      { timeout: 30_000, interval: 20 },
    );
    await settle();
    expect(await writes()).toBe(before + 2);

    // Someone Bosun does not know is never guessed.
    const stranger = await syncFromJiraEvent({
      orgId,
      event: assigneeEvent("557058:stranger", "eve@elsewhere.test"),
      sourceKey: `a3-${key}`,
      deliveryId: null,
    });
    expect(stranger).toEqual([expect.objectContaining({ outcome: "unmatched" })]);
    expect(await sentryAssignee()).toBe(bo!.email);

    // A Sentry comment is copied once, marked as from Sentry; a Jira comment is only recorded.
    const comment = await fetch(`${sentry.url}/__emulator/orgs/acme/issues/${issue.id}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Only on Safari 17", user: ada!.email }),
    });
    const { webhook } = (await comment.json()) as { webhook: SentWebhook };
    expect(webhook.status).toBe(202);
    await settle();
    for (let i = 0; i < 10; i++) await redeliver(webhook);
    await settle();
    expect((await jiraComments(key)).filter((c) => c.includes("wrote: Only on Safari 17"))).toHaveLength(1);
    const jiraComment = {
      ...statusEvent(key, "To Do", "To Do", "new"),
      changes: [],
      comment: { id: "c-1", text: "Shipped a fix", authorAccountId: bo!.accountId, authorName: "Bo" },
    };
    expect(await syncFromJiraEvent({ orgId, event: jiraComment, sourceKey: `c1-${key}`, deliveryId: null })).toEqual([
      expect.objectContaining({
        field: "comment",
        outcome: "skipped",
        summary: expect.stringContaining("no endpoint"),
      }),
    ]);

    // Archived is not resolved: a comment, and the ticket stays where it is.
    await sentryApi(`/organizations/acme/issues/${issue.id}/`, {
      method: "PUT",
      body: { status: "ignored", substatus: "archived_until_escalating" },
    });
    await webhookFor(issue.id, "archived");
    await settle();
    expect((await jiraComments(key)).filter((c) => c.includes("archived in Sentry until it escalates"))).toHaveLength(
      1,
    );
    expect(await jiraStatus(key)).toBe("To Do");
    expect((await activity(key)).map((a) => [a.direction, a.field, a.outcome])).toEqual([
      ["sentry_to_jira", "assignee", "applied"],
      ["jira_to_sentry", "assignee", "echo"],
      ["jira_to_sentry", "assignee", "applied"],
      ["sentry_to_jira", "assignee", "echo"],
      ["jira_to_sentry", "assignee", "unmatched"],
      ["sentry_to_jira", "comment", "applied"],
      ["jira_to_sentry", "comment", "skipped"],
      ["sentry_to_jira", "archive", "applied"],
    ]);
  });

  it("a conflict: the later change wins, and both values and the winner are recorded", async () => {
    const { issue, key } = await linkedPair("Crane schedule drifts");
    await sentryApi(`/organizations/acme/issues/${issue.id}/`, { method: "PUT", body: { status: "resolved" } });
    await webhookFor(issue.id, "resolved");
    await settle();
    expect(await jiraStatus(key)).toBe("Done");
    const before = await writes();
    const sentryChange = await db.syncFieldState.findFirstOrThrow({
      where: { orgId, field: "status", link: { jiraIssueKey: key } },
    });

    // Someone reopened the ticket in Jira a minute before Sentry's resolution arrived; the Jira event comes late.
    const late = {
      ...statusEvent(key, "Done", "To Do", "new"),
      at: new Date(sentryChange.sentryChangedAt!.getTime() - 60_000).toISOString(),
    };
    const results = await syncFromJiraEvent({ orgId, event: late, sourceKey: `late-${key}`, deliveryId: null });
    expect(results).toEqual([expect.objectContaining({ field: "status", outcome: "conflict" })]);
    expect(await writes()).toBe(before);
    expect(await sentryStatus(issue.id)).toBe("resolved");
    const [conflict] = await db.syncActivity.findMany({ where: { orgId, jiraIssueKey: key, outcome: "conflict" } });
    expect(conflict?.conflict).toEqual({
      jira: { value: "open", at: late.at },
      sentry: { value: "closed", at: sentryChange.sentryChangedAt!.toISOString() },
      winner: "sentry",
    });
  });
});
