import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { SENTRY_DEMO_AUTH_TOKEN } from "@/lib/config/demo";
import { PrismaClient } from "@/lib/db/generated/client";
import type { SentryIssueFacts } from "@/lib/domain/automations";
import { seedDatabase } from "@/prisma/seed-data";
import { createTestDatabase } from "@/test/database";
import type * as SentryToJiraModule from "./sentry-to-jira";

/** "Create ticket" for a Sentry issue after a failed try: corrected input files the ticket instead of repeating the failure. */
describe("a Sentry issue's ticket after a failed create", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: PrismaClient;
  let jira: JiraEmulator;
  let sentry: RunningSentryEmulator;
  let tickets: typeof SentryToJiraModule;
  let orgId: string;
  const actor = { type: "user" as const, id: null, label: "grace@acme.test" };

  const firstSentryIssue = async (): Promise<SentryIssueFacts> => {
    const response = await fetch(`${sentry.url}/api/0/organizations/acme/issues/?limit=1&statsPeriod=14d`, { headers: { authorization: `Bearer ${SENTRY_DEMO_AUTH_TOKEN}` } });
    const [i] = (await response.json()) as { id: string; shortId: string; title: string; culprit: string; level: SentryIssueFacts["level"]; permalink: string; project: { slug: string }; count: string; userCount: number; firstSeen: string; lastSeen: string }[];
    return { id: i!.id, shortId: i!.shortId, title: i!.title, culprit: i!.culprit, level: i!.level, substatus: null, permalink: i!.permalink, project: { slug: i!.project.slug }, eventCount: Number(i!.count), userCount: i!.userCount, firstSeen: i!.firstSeen, lastSeen: i!.lastSeen, firstReleaseVersion: null };
  };

  beforeAll(async () => {
    [jira, sentry] = await Promise.all([startJiraEmulator({ port: 0 }), startSentryEmulator({ port: 0 })]);
    database = await createTestDatabase("ticketsupersede");
    await seedDatabase(database.url, { urls: { jira: jira.url, sentry: sentry.url } });
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    (globalThis as { bosunDb?: unknown }).bosunDb = undefined;
    tickets = await import("./sentry-to-jira");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([jira.close(), sentry.close()]);
    await db.$disconnect();
    await database.drop();
  });

  it("a failed intent blocks its key forever: a wrong project key fails, and the same Sentry issue with the right project then gets its ticket and link", async () => {
    const issue = await firstSentryIssue();
    const file = (projectKey: string) => tickets.ticketForSentryIssue({ orgId, issue, ticket: { summary: `Crash: ${issue.title}`.slice(0, 255), description: { type: "doc", version: 1, content: [] }, priority: "High", labels: ["sentry"] }, projectKey, actor, requestId: `req-${projectKey}` });

    const wrong = await file("NOPE");
    expect(wrong).toMatchObject({ status: "failed", message: expect.stringMatching(/^400: .*correct the Jira project and create the ticket again/) });
    expect(await file("NOPE")).toMatchObject({ status: "failed" });

    const right = await file("PORT");
    expect(right).toMatchObject({ status: "created", key: expect.stringMatching(/^PORT-\d+$/) });
    const link = await db.ticketLink.findFirstOrThrow({ where: { orgId, sentryIssueId: issue.id } });
    expect(link.jiraIssueKey).toBe((right as { key: string }).key);
    expect(await db.outboxIntent.findMany({ where: { orgId, idempotencyKey: { startsWith: `sentry-ticket:${issue.id}` }, operation: "jira.issue.create" }, select: { status: true } })).toEqual(expect.arrayContaining([{ status: "superseded" }, { status: "succeeded" }]));
    // Asked again, the linked ticket is returned: nothing is filed twice.
    expect(await file("ACME")).toMatchObject({ status: "existing", key: (right as { key: string }).key });
  });
});
