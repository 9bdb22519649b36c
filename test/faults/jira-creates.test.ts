import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/platform/config/demo";
import type { SentryIssueFacts } from "@/lib/domain/automations";
import { createMarker } from "@/lib/domain/idempotency/create-marker";
import { type FeatureRequestInput, featureRequestSchema } from "@/lib/domain/requirements";
import { useSeededDatabase } from "@/test/fixtures/database";
import { recordFigure } from "./figures";
import { db } from "@/lib/db/client";
import * as outbox from "@/lib/platform/outbox";
import * as tickets from "@/lib/features/tickets/sentry-to-jira";
import * as requirements from "@/lib/features/tickets/requirements";
import * as plan from "@/lib/features/sprints/plan";
import * as apply from "@/lib/features/sprints/apply-plan";

/**
 * Jira creates under lost answers: Jira applies each create and then resets the
 * connection, so Bosun cannot tell a create that happened from one that did
 * not. Against the real emulators and database, every create must still land
 * exactly once — by the marker label looked up before each retry.
 */
describe("Jira creates are exactly-once when Jira's answers are lost", () => {
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  // The app's client, which this file shares: the crash drill wraps its transactions.
  const bosunDb = db;
  let orgId: string;
  const actor = { type: "user" as const, id: null, label: "grace@acme.test" };
  const auth = {
    authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`,
    "content-type": "application/json",
  };
  const CREATE = "/acme/rest/api/3/issue";

  const setFaults = async (faults: Record<string, unknown> | null) => {
    const response = await fetch(
      `${jira.url}/__emulator/faults`,
      faults
        ? { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) }
        : { method: "DELETE" },
    );
    expect(response.ok).toBe(true);
  };
  /** Every issue in Jira matching the JQL (keys only), read over HTTP as any client would. */
  const search = async (jql: string): Promise<string[]> => {
    const keys: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const response = await fetch(`${jira.url}/acme/rest/api/3/search/jql`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ jql, fields: ["summary"], maxResults: 100, nextPageToken }),
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { issues: { key: string }[]; nextPageToken?: string; isLast?: boolean };
      keys.push(...page.issues.map((issue) => issue.key));
      nextPageToken = page.isLast ? undefined : page.nextPageToken;
    } while (nextPageToken);
    return keys;
  };
  const siteIssueCount = async () => {
    const { sites } = (await (await fetch(`${jira.url}/__emulator/sites`)).json()) as {
      sites: { slug: string; issues: number }[];
    };
    return sites.find((site) => site.slug === "acme")!.issues;
  };
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

  /** The outbox worker's clock, stepped a quarter of an hour per pass: past any backoff, so each pass finds every write due. */
  let clock = Date.now();
  const pass = () => {
    clock += 16 * 60_000;
    return outbox.drainOutbox({ now: () => new Date(clock), random: () => 0.5 });
  };

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
  });
  useSeededDatabase({ label: "faultsjiracreates", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await setFaults(null);
  });
  afterAll(async () => {
    await Promise.all([jira.close(), sentry.close()]);
  });

  it("defect (Jira creates at-least-once): Sentry → Jira tickets with every create's answer dropped file exactly one issue per Sentry issue", async () => {
    const issues = await sentryIssues(3);
    expect(issues).toHaveLength(3);
    const before = await siteIssueCount();
    const file = (issue: SentryIssueFacts) =>
      tickets.ticketForSentryIssue({
        orgId,
        issue,
        ticket: {
          summary: `Crash: ${issue.title}`.slice(0, 255),
          description: { type: "doc", version: 1, content: [] },
          priority: "High",
          labels: ["sentry"],
        },
        projectKey: "ACME",
        actor,
        requestId: `req-${issue.id}`,
      });

    // Jira creates every issue and answers none: each first try ends "unreachable", outcome unknown.
    await setFaults({ dropResponseRate: 1, methods: ["POST"], pathPrefix: CREATE });
    for (const issue of issues) expect(await file(issue)).toMatchObject({ status: "pending" });
    expect(await siteIssueCount()).toBe(before + 3);
    // Retried while Jira still drops every answer: each retry finds its issue by the marker instead of creating another.
    expect((await pass()).map((o) => o.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    await pass();

    await setFaults(null);
    for (const issue of issues) expect(await file(issue)).toMatchObject({ status: "created" });
    await pass();

    const perIssue = await Promise.all(
      issues.map((issue) => search(`labels = "${createMarker(orgId, `sentry-ticket:${issue.id}`)}"`)),
    );
    expect(perIssue.map((keys) => keys.length)).toEqual([1, 1, 1]);
    expect(await siteIssueCount()).toBe(before + 3);
    // Bosun's own mapping names the one issue each Sentry issue got.
    const links = await db.ticketLink.findMany({ where: { orgId, sentryIssueId: { in: issues.map((i) => i.id) } } });
    expect(links.map((l) => l.jiraIssueKey).sort()).toEqual(perIssue.flat().sort());
    // Filing again finds the pair and writes nothing.
    for (const issue of issues) expect(await file(issue)).toMatchObject({ status: "existing" });
    expect(await siteIssueCount()).toBe(before + 3);
    recordFigure({
      id: "R2",
      scenario: "Jira drops the answer to every create, Sentry → Jira tickets (3 Sentry issues)",
      measure: "most Jira issues for one Sentry issue",
      value: Math.max(...perIssue.map((k) => k.length)),
      goal: 1,
      met: true,
    });
  });

  it("defect (Jira creates at-least-once): a bulk feature create of 20 stories with dropped answers creates exactly 20 stories and one epic", async () => {
    const request = featureRequestSchema.parse({
      name: "Harbour ledger",
      businessValue: "Every berth movement is accounted for.",
      priority: "Medium",
      labels: ["ledger-drops"],
      components: ["Platform"],
      jiraProjectKey: "ACME",
      targetSprint: false,
      stories: Array.from({ length: 20 }, (_, n) => ({
        title: `Ledger story ${n + 1}`,
        acceptanceCriteria: "- It is recorded",
        estimate: 1,
        component: "Platform",
        checklist: [],
      })),
    } satisfies FeatureRequestInput);
    const previewed = await requirements.previewTickets({ orgId, request, requestId: "req-ledger" });
    if ("error" in previewed) throw new Error(previewed.error);
    const steps = requirements.creationSteps(previewed);
    expect(steps.map((s) => s.kind)).toEqual(["epic", "stories"]);
    const run = (step: (typeof steps)[number]) =>
      requirements.runCreationStep({ orgId, preview: previewed, step, actor, requestId: "req-ledger" });

    // Drops every create's answer, the bulk endpoint's too (same prefix).
    await setFaults({ dropResponseRate: 1, methods: ["POST"], pathPrefix: CREATE });
    expect(await run(steps[0]!)).toMatchObject({ status: "pending" });
    expect((await pass()).map((o) => o.status)).toEqual(["succeeded"]);
    expect(await run(steps[0]!)).toMatchObject({ status: "done" });
    expect(await run(steps[1]!)).toMatchObject({ status: "pending" });
    // Jira made all 20 and the answer was lost; the retry finds each story by its own marker and sends nothing.
    expect((await pass()).map((o) => o.status)).toEqual(["succeeded"]);
    await setFaults(null);
    const stories = await run(steps[1]!);
    expect(stories).toMatchObject({ status: "done" });
    expect(stories.created.map((c) => c.ref)).toEqual(previewed.plan.stories.map((s) => s.ref));

    const epics = await search("labels = ledger-drops AND issuetype = Epic");
    const created = await search("labels = ledger-drops AND issuetype = Story");
    expect(epics).toHaveLength(1);
    expect(created).toHaveLength(20);
    expect(new Set(stories.created.map((c) => c.key))).toEqual(new Set(created));
    recordFigure({
      id: "R2",
      scenario: "Jira drops the answer to the epic and the 20-story bulk create",
      measure: "stories + epics in Jira (planned 20 + 1)",
      value: created.length + epics.length,
      goal: 21,
      met: true,
    });
  });

  it("defect (Jira creates at-least-once): a sprint plan applied with the sprint create's and the move's answers dropped makes one sprint and creates no issue", async () => {
    const boardId = 1;
    const preview = await plan.previewPlan({
      orgId,
      request: {
        boardId,
        name: "Dropped answers sprint",
        startDate: "2026-12-07",
        endDate: "2026-12-21",
        goal: "",
        bufferPercent: 10,
      },
    });
    if ("error" in preview) throw new Error(preview.error);
    const before = await siteIssueCount();
    const steps = apply.applySteps(preview);
    const applyAll = async () => {
      for (const step of steps) await apply.applyStep({ orgId, preview, step, actor, requestId: "req-sprint-drops" });
    };
    const sprintsNamed = async () => {
      const response = await fetch(`${jira.url}/acme/rest/agile/1.0/board/${boardId}/sprint?state=future,active`, {
        headers: auth,
      });
      return ((await response.json()) as { values: { id: number; name: string }[] }).values.filter(
        (s) => s.name === "Dropped answers sprint",
      );
    };

    await setFaults({ dropResponseRate: 1, methods: ["POST"], pathPrefix: "/acme/rest/agile/1.0/sprint" });
    expect(
      await apply.applyStep({ orgId, preview, step: steps[0]!, actor, requestId: "req-sprint-drops" }),
    ).toMatchObject({ status: "pending" });
    expect(await sprintsNamed()).toHaveLength(1);
    // The retry, its answer still to be dropped, finds the sprint by name and creates none.
    expect((await pass()).map((o) => o.status)).toEqual(["succeeded"]);
    await applyAll();
    await setFaults(null);
    for (let n = 0; n < 3; n++) await pass();
    await applyAll();

    const sprints = await sprintsNamed();
    expect(sprints).toHaveLength(1);
    const inSprint = (await (
      await fetch(`${jira.url}/acme/rest/agile/1.0/sprint/${sprints[0]!.id}/issue?maxResults=100&fields=summary`, {
        headers: auth,
      })
    ).json()) as { issues: { key: string }[] };
    expect(inSprint.issues.map((i) => i.key).sort()).toEqual(preview.plan.assignments.map((a) => a.key).sort());
    expect(await siteIssueCount()).toBe(before);
    expect(
      await db.outboxIntent.count({
        where: { orgId, idempotencyKey: { startsWith: `plan:${preview.id}:` }, status: { not: "succeeded" } },
      }),
    ).toBe(0);
    recordFigure({
      id: "R2",
      scenario: "Jira drops the answers to the sprint create and the moves while a plan is applied",
      measure: "sprints with the plan's name (and issues created)",
      value: `${sprints.length} (${(await siteIssueCount()) - before})`,
      goal: "1 (0)",
      met: true,
    });
  });

  it("defect (Jira creates at-least-once): a worker killed after Jira created the issue, before the outbox recorded it, leaves no duplicate after the lease is reclaimed", async () => {
    const [, , , issue] = await sentryIssues(4);
    const before = await siteIssueCount();
    const marker = createMarker(orgId, "crash-drill");
    // The write reaches Jira, then the process dies before recording the outcome: the transaction that would
    // mark it succeeded never runs, so the intent stays in_flight under its lease.
    const record = bosunDb.$transaction.bind(bosunDb);
    let transactions = 0;
    vi.spyOn(bosunDb, "$transaction").mockImplementation(((...args: Parameters<typeof record>) => {
      transactions += 1;
      if (transactions === 2) return Promise.reject(new Error("worker killed"));
      return record(...args);
    }) as typeof record);
    await expect(
      outbox.performWrite({
        orgId,
        operation: "jira.issue.create",
        args: {
          projectKey: "ACME",
          issueType: "Bug",
          summary: `Crash drill for ${issue!.shortId}`,
          description: { type: "doc", version: 1, content: [] },
          priority: "High",
          labels: ["crash-drill"],
        },
        orderingKey: `sentry-issue:${issue!.id}`,
        idempotencyKey: "crash-drill",
        actor,
        summary: "Crash drill",
      }),
    ).rejects.toThrow("worker killed");
    vi.restoreAllMocks();
    expect(await search(`labels = "${marker}"`)).toHaveLength(1);
    const stuck = await db.outboxIntent.findFirstOrThrow({ where: { orgId, idempotencyKey: "crash-drill" } });
    expect(stuck).toMatchObject({ status: "in_flight", attempts: 1 });

    // Inside the lease nobody touches it; past it, the worker takes it back, looks the issue up and records it.
    expect(await outbox.drainOutbox({ now: () => new Date(stuck.nextAttemptAt.getTime() - 1_000) })).toEqual([]);
    const [outcome] = await outbox.drainOutbox({
      now: () => new Date(stuck.nextAttemptAt.getTime() + 1_000),
      random: () => 0.5,
    });
    const found = await search(`labels = "${marker}"`);
    expect(found).toHaveLength(1);
    expect(outcome).toMatchObject({ status: "succeeded", result: { key: found[0] } });
    expect(await db.outboxIntent.findFirstOrThrow({ where: { orgId, idempotencyKey: "crash-drill" } })).toMatchObject({
      status: "succeeded",
      attempts: 2,
    });
    expect(await siteIssueCount()).toBe(before + 1);
    recordFigure({
      id: "R2",
      scenario: "worker killed between Jira's answer and recording it, lease reclaimed",
      measure: "duplicate Jira issues",
      value: found.length - 1,
      goal: 0,
      met: true,
    });
  });
});
