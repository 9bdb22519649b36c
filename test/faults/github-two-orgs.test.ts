import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { branchCreatedPayload, sendGithubEvent } from "@/emulators/github";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { DEMO_GITHUB_WEBHOOK_SECRETS, JIRA_DEMO_API_TOKEN } from "@/lib/platform/config/demo";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { recordFigure } from "./figures";
import { db } from "@/lib/db/client";
import * as route from "@/app/api/webhooks/github/[orgSlug]/route";
import * as handlers from "@/lib/features/automations/handlers";
import * as jobs from "@/lib/platform/jobs";
import * as outbox from "@/lib/platform/outbox";

/**
 * One GitHub repository can send the same event to two orgs' webhooks (two
 * hooks, each signed with its org's secret). The body is byte for byte the
 * same, so a delivery key built from it alone would let the first org's copy
 * swallow the second's. Each org must record its own delivery and act on it.
 * Here two orgs of one company share the monorepo and the Jira site (Globex
 * connects Jira with Margaret's account, who belongs to both), so the branch's
 * issue is work for both orgs' rules.
 */
describe("the same GitHub body delivered to two orgs", () => {
  let jira: JiraEmulator;
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  const orgIds: Record<"acme" | "globex", string> = { acme: "", globex: "" };

  /** The issue's record as the Jira emulator keeps it: its status and when it last changed. */
  const issueOf = async (site: string, key: string) => {
    const response = await fetch(`${jira.url}/__emulator/sites/${site}/issues/${key}`);
    expect(response.status, `${site} ${key}`).toBe(200);
    return ((await response.json()) as { issue: { statusId: string; updated: number } }).issue;
  };

  /** An issue of the project not yet done, found as any Jira client would, so the branch has work to move. */
  const openIssue = async () => {
    const response = await fetch(`${jira.url}/acme/rest/api/3/search/jql`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`ada@acme.test:${JIRA_DEMO_API_TOKEN}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        jql: `project = ACME AND status = "To Do" ORDER BY key ASC`,
        fields: ["status"],
        maxResults: 1,
      }),
    });
    const [issue] = ((await response.json()) as { issues: { key: string }[] }).issues;
    if (!issue) throw new Error("no ACME issue in To Do");
    return issue.key;
  };

  beforeAll(async () => {
    bosun = await serveRoutes(
      Object.fromEntries(
        (["acme", "globex"] as const).map((slug) => [
          `/api/webhooks/github/${slug}`,
          (request: Request) => route.POST(request, { params: Promise.resolve({ orgSlug: slug }) }),
        ]),
      ),
    );
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "faultsgithubtwoorgs",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    for (const slug of ["acme", "globex"] as const)
      orgIds[slug] = (await db.organization.findUniqueOrThrow({ where: { slug } })).id;
    await db.integrationConnection.updateMany({
      where: { orgId: orgIds.globex, provider: "jira" },
      data: { config: { email: "margaret@acme.test", siteUrl: `${jira.url}/acme` } },
    });
  });
  afterAll(async () => {
    await bosun.close();
    await jira.close();
  });

  it("R3: both orgs record the delivery and the job queue processes both", async () => {
    const key = await openIssue();
    const before = await issueOf("acme", key);
    const payload = branchCreatedPayload({ repo: "shared/monorepo", branch: `feature/${key}-shared-fix` });
    const deliveryId = randomUUID();
    const answers = await Promise.all(
      (["acme", "globex"] as const).map((slug) =>
        sendGithubEvent({
          url: `${bosun.url}/api/webhooks/github/${slug}`,
          secret: DEMO_GITHUB_WEBHOOK_SECRETS[slug],
          event: "create",
          payload,
          deliveryId,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(answers.map((a) => (JSON.parse(a.responseBody) as { status: string }).status)).toEqual([
      "accepted",
      "accepted",
    ]);

    const deliveries = await db.webhookDelivery.findMany({ where: { source: "github" }, orderBy: { orgId: "asc" } });
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((d) => d.orgId))).toEqual(new Set([orgIds.acme, orgIds.globex]));
    // Same body, same key within each org: only the org tells them apart.
    expect(new Set(deliveries.map((d) => d.idempotencyKey)).size).toBe(1);
    expect(await db.job.count({ where: { queue: "webhook.delivery" } })).toBe(2);

    // Drain the queue (and each run's Jira writes) until nothing is left; bounded, with no waiting. One job a
    // pass: both runs move the same Jira issue, and two moves of one issue at the same instant can read a
    // status the other has just changed — a race of the transition itself, not of the intake proven here.
    for (let pass = 0; pass < 10; pass++) {
      await jobs.drainJobs({ handlers: handlers.JOB_HANDLERS, limit: 1 });
      await outbox.drainOutbox();
      const busy =
        (await db.job.count({ where: { status: { in: ["queued", "running"] } } })) +
        (await db.outboxIntent.count({ where: { status: { in: ["pending", "in_flight"] } } }));
      if (busy === 0) break;
    }
    const processed = await db.webhookDelivery.findMany({ where: { source: "github" } });
    const processedCount = processed.filter((d) => d.status === "processed").length;
    expect(
      processed.map((d) => d.status),
      JSON.stringify(processed.map((d) => d.error)),
    ).toEqual(["processed", "processed"]);
    const runs = await db.automationRun.findMany({
      where: { deliveryId: { in: processed.map((d) => d.id) } },
      include: { intents: true },
    });
    expect(runs.map((r) => r.status).sort()).toEqual(["succeeded", "succeeded"]);
    // Each org's run moved the issue through its own connection: the first moved it, the second found it there already.
    const results = runs.map((r) => ({
      orgId: r.orgId,
      intents: r.intents.map((i) => ({
        orgId: i.orgId,
        status: i.status,
        issueKey: (i.payload as { args: { issueKey: string } }).args.issueKey,
      })),
    }));
    expect(results).toEqual(
      expect.arrayContaining(
        [orgIds.acme, orgIds.globex].map((orgId) => ({
          orgId,
          intents: [{ orgId, status: "succeeded", issueKey: key }],
        })),
      ),
    );
    const steps = runs.map((r) => (r.intents[0]!.result as { steps: string[] }).steps.length).sort();
    expect(steps).toEqual([0, 1]);
    expect((await issueOf("acme", key)).statusId).not.toBe(before.statusId);

    recordFigure({
      id: "R3",
      scenario: "the same signed GitHub body delivered to two orgs",
      measure: "deliveries recorded and processed",
      value: `${deliveries.length} recorded, ${processedCount} processed`,
      goal: "2 recorded, 2 processed",
      met: deliveries.length === 2 && processedCount === 2,
    });
  });
});
