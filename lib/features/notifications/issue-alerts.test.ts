import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMailEmulator, startMailEmulator } from "@/emulators/mail";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import * as sentryRoute from "@/app/api/webhooks/sentry/[orgSlug]/route";
import { db } from "@/lib/db/client";
import { JOB_HANDLERS } from "@/lib/features/automations/handlers";
import * as jobs from "@/lib/platform/jobs";
import * as outbox from "@/lib/platform/outbox";
import { useSeededDatabase } from "@/test/fixtures/database";
import { restoreTestEnv, setTestEnv } from "@/test/fixtures/env";
import { serveRoutes } from "@/test/route-server";

type SentWebhook = { status: number | null; responseBody: string | null };

/**
 * The incident loop's first step end to end: the Sentry emulator sends real
 * signed webhooks for a new fatal issue and its alert, Bosun's route stores
 * them, the job queue runs as the worker would, and the owner named by the
 * org's ownership rules for the event's path — and nobody else — gets one
 * notification in the inbox and one e-mail in the real SMTP catcher.
 */
describe("a Sentry issue alert for a path with an owner", () => {
  let sentry: RunningSentryEmulator;
  let jira: JiraEmulator;
  let mail: RunningMailEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let orgId: string;

  const sentryControl = async <T>(path: string, body: object): Promise<T> => {
    const response = await fetch(`${sentry.url}/__emulator${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`Sentry control ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  /** Drains the job queue and the outbox, moving backoff to now, until nothing is left. */
  const settle = async (maxPasses = 25) => {
    for (let pass = 1; pass <= maxPasses; pass++) {
      await db.$executeRaw`UPDATE "Job" SET "runAt" = now() WHERE status = 'queued' AND "runAt" > now()`;
      await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
      await outbox.drainOutbox();
      await jobs.drainJobs({ handlers: JOB_HANDLERS });
      const queued = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
      const pending = await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } });
      if (queued === 0 && pending === 0) return;
    }
    throw new Error(`still busy after ${maxPasses} passes`);
  };

  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/sentry/acme": (request) =>
        sentryRoute.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
    });
    [jira, sentry, mail] = await Promise.all([
      startJiraEmulator({ port: 0 }),
      startSentryEmulator({ port: 0, bosunUrl: bosun.url }),
      startMailEmulator({ smtpPort: 0, httpPort: 0 }),
    ]);
    setTestEnv({ SMTP_URL: mail.smtpUrl, BOSUN_PUBLIC_URL: "https://bosun.example.test" });
  });
  afterAll(async () => {
    restoreTestEnv();
    await Promise.all([sentry?.close(), jira?.close(), mail?.close(), bosun?.close()]);
  });
  useSeededDatabase({ label: "issuealert", seed: () => ({ urls: { jira: jira.url, sentry: sentry.url } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });

  it("notifies that owner, and nobody else, once in the inbox and once by e-mail", async () => {
    const [owner, bystander] = await db.membership.findMany({
      where: { orgId, role: "member", status: "active" },
      select: { user: { select: { id: true, email: true } } },
      orderBy: { createdAt: "asc" },
      take: 2,
    });
    if (!owner || !bystander) throw new Error("the seed has members");
    // The org's rules for the project, replaced by two that name one member each.
    const raw = `path:app/checkout/* ${owner.user.email}\npath:app/berths/* ${bystander.user.email}`;
    await db.ownershipRuleSet.upsert({
      where: { orgId_sentryProjectSlug: { orgId, sentryProjectSlug: "web" } },
      create: { orgId, sentryProjectSlug: "web", raw },
      update: { raw },
    });
    await settle();
    mail.store.clearMessages();

    const created = await sentryControl<{ created: boolean; issue: { id: string }; webhook: SentWebhook | null }>(
      "/orgs/acme/issues",
      {
        project: "web",
        type: "TypeError",
        value: `Cannot read properties of undefined (reading 'total') #${Date.now().toString(36)}`,
        level: "fatal",
        filename: "app/checkout/cart.ts",
        function: "computeTotal",
      },
    );
    expect(created.created).toBe(true);
    expect(created.webhook?.status, created.webhook?.responseBody ?? "").toBe(202);
    const alert = await sentryControl<{ webhook: SentWebhook }>("/orgs/acme/alerts/event", {
      issueId: created.issue.id,
    });
    expect(alert.webhook.status, alert.webhook.responseBody ?? "").toBe(202);
    await settle();

    const notifications = await db.notification.findMany({
      where: { orgId, event: { in: ["critical_issue", "issue_regression"] } },
    });
    expect(notifications.map((n) => n.userId)).toEqual([owner.user.id]);
    expect(notifications[0]).toMatchObject({
      event: "critical_issue",
      link: `/acme/errors/${created.issue.id}/investigation`,
      emailStatus: "sent",
    });
    const caught = mail.store.listMessages();
    expect(caught).toHaveLength(1);
    expect(caught[0]?.to).toEqual([owner.user.email]);
    expect(caught[0]?.text).toContain(`https://bosun.example.test/acme/errors/${created.issue.id}/investigation`);
  });
});
