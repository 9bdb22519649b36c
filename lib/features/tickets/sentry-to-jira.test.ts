import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import type { SentryIssueFacts } from "@/lib/domain/automations";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import * as tickets from "./sentry-to-jira";
import * as outbox from "@/lib/platform/outbox";
import * as retryTicket from "./retry-sentry-ticket";

/** "Create ticket" for a Sentry issue after a failed try: corrected input files the ticket instead of repeating the failure. */
describe("a Sentry issue's ticket after a failed create", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let orgId: string;
  const actor = { type: "user" as const, id: "u_grace", label: "grace@acme.test" };

  const sentryIssues = async (count: number): Promise<SentryIssueFacts[]> => {
    const response = await fetch(`${sentry.url}/api/0/organizations/acme/issues/?limit=${count}&statsPeriod=14d`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    const issues = (await response.json()) as {
      id: string;
      shortId: string;
      title: string;
      culprit: string;
      level: SentryIssueFacts["level"];
      permalink: string;
      project: { slug: string };
      count: string;
      userCount: number;
      firstSeen: string;
      lastSeen: string;
    }[];
    return issues.map((i) => ({
      id: i.id,
      shortId: i.shortId,
      title: i.title,
      culprit: i.culprit,
      level: i.level,
      substatus: null,
      permalink: i.permalink,
      project: { slug: i.project.slug },
      eventCount: Number(i.count),
      userCount: i.userCount,
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
      firstReleaseVersion: null,
    }));
  };

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "ticketsupersede", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await Promise.all([jira.close(), sentry.close()]);
  });

  it("a failed intent blocks its key forever: a wrong project key fails, and the same Sentry issue with the right project then gets its ticket and link", async () => {
    const [issue] = (await sentryIssues(1)) as [SentryIssueFacts];
    const file = (projectKey: string) =>
      tickets.ticketForSentryIssue({
        orgId,
        issue,
        ticket: {
          summary: `Crash: ${issue.title}`.slice(0, 255),
          description: { type: "doc", version: 1, content: [] },
          priority: "High",
          labels: ["sentry"],
        },
        projectKey,
        actor,
        requestId: `req-${projectKey}`,
      });

    const wrong = await file("NOPE");
    expect(wrong).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/^400: .* — retry it, or create it in the right Jira project to replace it\.$/),
    });
    expect(await file("NOPE")).toMatchObject({ status: "failed" });

    const right = await file("PORT");
    expect(right).toMatchObject({ status: "created", key: expect.stringMatching(/^PORT-\d+$/) });
    const link = await db.ticketLink.findFirstOrThrow({ where: { orgId, sentryIssueId: issue.id } });
    expect(link.jiraIssueKey).toBe((right as { key: string }).key);
    expect(
      await db.outboxIntent.findMany({
        where: { orgId, idempotencyKey: { startsWith: `sentry-ticket:${issue.id}` }, operation: "jira.issue.create" },
        select: { status: true },
      }),
    ).toEqual(expect.arrayContaining([{ status: "superseded" }, { status: "succeeded" }]));
    // Asked again, the linked ticket is returned: nothing is filed twice.
    expect(await file("ACME")).toMatchObject({ status: "existing", key: (right as { key: string }).key });
  });

  it("a failed intent blocks its key forever: Retry from the errors page sends the same ticket again and links it", async () => {
    const issues = await sentryIssues(2);
    const issue = issues[1]!;
    const ticket = {
      summary: `Crash: ${issue.title}`.slice(0, 255),
      description: { type: "doc" as const, version: 1 as const, content: [] },
      priority: "High" as const,
      labels: ["sentry"],
    };
    // Jira is down for longer than the org's retry window: the create is given up on.
    await fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatus: 503, methods: ["POST"], pathPrefix: "/acme/rest/api/3/issue" }),
    });
    try {
      expect(
        await tickets.ticketForSentryIssue({
          orgId,
          issue,
          ticket,
          projectKey: "ACME",
          actor,
          requestId: "req-outage",
        }),
      ).toMatchObject({ status: "pending" });
      const dayLater = Date.now() + 25 * 3_600_000;
      expect(
        (await outbox.drainOutbox({ now: () => new Date(dayLater), random: () => 0.5 })).map((o) => o.status),
      ).toEqual(["failed"]);
    } finally {
      await fetch(`${jira.url}/__emulator/faults`, { method: "DELETE" });
    }
    // The same request again returns the same failure: nothing is tried.
    expect(
      await tickets.ticketForSentryIssue({ orgId, issue, ticket, projectKey: "ACME", actor, requestId: "req-again" }),
    ).toMatchObject({ status: "failed" });
    // A member may retry only their own writes; this one was made by someone else.
    expect(
      await tickets.ticketForSentryIssue({
        orgId,
        issue,
        ticket,
        projectKey: "ACME",
        actor: { type: "user", id: "someone-else", label: "linus@acme.test" },
        requestId: "req-member",
        retry: { ownWritesOnly: true },
      }),
    ).toEqual({ status: "failed", message: "Only admins and managers can retry writes someone else made." });

    const retried = await tickets.ticketForSentryIssue({
      orgId,
      issue,
      ticket,
      projectKey: "ACME",
      actor,
      requestId: "req-retry",
      retry: { ownWritesOnly: false },
    });
    expect(retried).toMatchObject({ status: "created", key: expect.stringMatching(/^ACME-\d+$/) });
    expect((await db.ticketLink.findFirstOrThrow({ where: { orgId, sentryIssueId: issue.id } })).jiraIssueKey).toBe(
      (retried as { key: string }).key,
    );
    const intents = await db.outboxIntent.findMany({ where: { orgId, idempotencyKey: `sentry-ticket:${issue.id}` } });
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ status: "succeeded" });
    expect(intents[0]!.retriedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { orgId, action: "outbox.write_retried", targetId: issue.id } })).toBe(1);
  });

  it("a failed intent blocks its key forever: Retry on the automations page files a Sentry issue's ticket and links it", async () => {
    const page = await (
      await import("@/lib/features/errors/load")
    ).loadErrorsPage({ orgId, filters: { period: "7d", sort: "severity" }, requestId: "req-list" });
    if (page.status !== "ok") throw new Error(`errors page: ${page.status}`);
    const linked = new Set((await db.ticketLink.findMany({ where: { orgId } })).map((link) => link.sentryIssueId));
    const listed = page.issues.find((i) => !linked.has(i.id))!;
    const issue: SentryIssueFacts = { ...listed, firstReleaseVersion: listed.firstReleaseVersion ?? null };
    const ticket = {
      summary: `Crash: ${issue.title}`.slice(0, 255),
      description: { type: "doc" as const, version: 1 as const, content: [] },
      priority: "High" as const,
      labels: ["sentry"],
    };
    await fetch(`${jira.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ errorRate: 1, errorStatus: 503, methods: ["POST"], pathPrefix: "/acme/rest/api/3/issue" }),
    });
    try {
      expect(
        (
          await tickets.ticketForSentryIssue({
            orgId,
            issue,
            ticket,
            projectKey: "ACME",
            actor,
            requestId: "req-outage-2",
          })
        ).status,
      ).toBe("pending");
      const dayLater = Date.now() + 25 * 3_600_000;
      expect(
        (await outbox.drainOutbox({ now: () => new Date(dayLater), random: () => 0.5 })).map((o) => o.status),
      ).toEqual(["failed"]);
    } finally {
      await fetch(`${jira.url}/__emulator/faults`, { method: "DELETE" });
    }
    const failed = await db.outboxIntent.findUniqueOrThrow({
      where: { orgId_idempotencyKey: { orgId, idempotencyKey: `sentry-ticket:${issue.id}` } },
    });

    // Someone who may retry only their own writes gets nothing from this path; the outbox's retry refuses them.
    expect(
      await retryTicket.retrySentryTicket({
        orgId,
        intentId: failed.id,
        actor: { type: "user", id: "someone-else", label: "linus@acme.test" },
        requestId: "req-m",
        ownWritesOnly: true,
      }),
    ).toBeNull();
    const outcome = await retryTicket.retrySentryTicket({
      orgId,
      intentId: failed.id,
      actor,
      requestId: "req-page-retry",
      ownWritesOnly: false,
    });
    expect(outcome).toMatchObject({ status: "created", key: expect.stringMatching(/^ACME-\d+$/) });
    expect((await db.ticketLink.findFirstOrThrow({ where: { orgId, sentryIssueId: issue.id } })).jiraIssueKey).toBe(
      (outcome as { key: string }).key,
    );
    // Not a failed write any more: nothing to retry.
    expect(
      await retryTicket.retrySentryTicket({
        orgId,
        intentId: failed.id,
        actor,
        requestId: "req-again",
        ownWritesOnly: false,
      }),
    ).toBeNull();
  });

  it("the bug filed for a seeded issue carries its stack frames and suspect commit, with no e-mail address or IP from the event", async () => {
    const linked = new Set((await db.ticketLink.findMany({ where: { orgId } })).map((link) => link.sentryIssueId));
    const response = await fetch(`${sentry.url}/api/0/organizations/acme/issues/?query=project:api&limit=20`, {
      headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
    });
    const listed = ((await response.json()) as { id: string }[]).find((i) => !linked.has(i.id))!;
    const issue = (await sentryIssues(100)).find((i) => i.id === listed.id)!;
    const event = (await (
      await fetch(`${sentry.url}/api/0/organizations/acme/issues/${issue.id}/events/latest/`, {
        headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` },
      })
    ).json()) as { user: { email: string | null; ip_address: string }; entries: { type: string; data: unknown }[] };
    const outcome = await tickets.ticketForSentryIssue({
      orgId,
      issue,
      ticket: {
        summary: `Crash: ${issue.title}`.slice(0, 255),
        description: { type: "doc", version: 1, content: [] },
        priority: "High",
        labels: ["sentry"],
      },
      projectKey: "PORT",
      actor,
      requestId: "req-investigated",
    });
    expect(outcome).toMatchObject({ status: "created" });
    const auth = `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`;
    const filed = (await (
      await fetch(`${jira.url}/acme/rest/api/3/issue/${(outcome as { key: string }).key}?fields=description`, {
        headers: { authorization: auth },
      })
    ).json()) as { fields: { description: unknown } };
    const text = JSON.stringify(filed.fields.description);
    // The frames of the latest event and the suspect commit Sentry names for it.
    expect(text).toContain("src/middleware/request-context.ts");
    expect(text).toMatch(/Suspect commits/);
    expect(text).toMatch(/[0-9a-f]{12} [^"]+ — [A-Z][a-z]+ [A-Z]/);
    expect(text).toContain(`/acme/errors/${issue.id}/investigation`);
    // The event holds an IP (and e-mails in its breadcrumbs and request); none of it reaches Jira.
    expect(JSON.stringify(event.entries)).toMatch(/Bearer sk_live_/);
    expect(text).not.toContain(event.user.ip_address);
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9-]+\.[a-z]{2,}/i);
    expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
    expect(text).not.toContain("sk_live_");
  });
});
