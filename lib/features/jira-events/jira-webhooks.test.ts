import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { useSeededDatabase } from "@/test/fixtures/database";
import { serveRoutes } from "@/test/route-server";
import { db } from "@/lib/db/client";
import { sumScopeChangesByDay } from "@/lib/db/queries/sprint-scope";
import { JIRA_EVENT_QUEUE } from "@/lib/db/queries/webhook-deliveries";
import { getJiraConfig } from "@/lib/integrations/connections";
import { getEstimationField, listBoards, listSprints, searchWorkItems } from "@/lib/integrations/jira";
import type { JiraClientConfig, JiraSprint } from "@/lib/integrations/jira";
import { createJiraClients } from "@/lib/integrations/jira/client";
import { drainJobs } from "@/lib/platform/jobs";
import { forgetWebhookSecrets } from "@/lib/platform/webhooks/secrets";
import { reconcileSprints } from "@/lib/features/sprints";
import * as route from "@/app/api/webhooks/jira/[orgSlug]/route";
import { processJiraDelivery } from "./process-delivery";

/**
 * Jira's admin webhooks end to end over HTTP: the emulated Jira sends signed
 * deliveries to Bosun's intake when a sprint starts or closes, the job records
 * the snapshot at the moment with nobody looking at a page, and what a dropped
 * webhook missed is found by the reconciliation pass, marked late.
 */
describe("Jira webhooks → sprint snapshots and scope changes", () => {
  let bosun: Awaited<ReturnType<typeof serveRoutes>>;
  let jira: JiraEmulator;
  let orgId: string;
  let config: JiraClientConfig;
  let boardId: number;
  let estimationField: string | null;
  /** The issue moved into the running sprint after its start. */
  let movedIn: { key: string; points: number | null };

  const sprintsNow = () => listSprints(config, boardId);
  const sprintIn = async (state: JiraSprint["state"]) => (await sprintsNow()).filter((s) => s.state === state);
  const update = (sprintId: number, body: Record<string, unknown>) =>
    createJiraClients(config).agile.sprint.partiallyUpdateSprint({ sprintId, ...body });
  /** Waits until Jira has sent everything, then runs the queued Jira jobs as the worker would. */
  const deliverAndProcess = async () => {
    await jira.deliveries.idle();
    await drainJobs({ handlers: { [JIRA_EVENT_QUEUE]: processJiraDelivery }, queues: [JIRA_EVENT_QUEUE], limit: 50 });
  };
  const sentBodies = async (webhookEvent: string) => {
    const log = (await (await fetch(`${jira.url}/__emulator/webhooks`)).json()) as {
      webhooks: { body: string; status: number | null; dropped?: boolean; headers: Record<string, string> }[];
    };
    return log.webhooks.filter((w) => (JSON.parse(w.body) as { webhookEvent: string }).webhookEvent === webhookEvent);
  };
  const committed = async (sprintId: number) =>
    (await searchWorkItems(config, `sprint = ${sprintId}`, estimationField)).reduce((t, i) => t + (i.points ?? 0), 0);

  beforeAll(async () => {
    bosun = await serveRoutes({
      "/api/webhooks/jira/acme": (request: Request) =>
        route.POST(request, { params: Promise.resolve({ orgSlug: "acme" }) }),
    });
    jira = await startJiraEmulator({ port: 0, bosunUrl: bosun.url, webhookRetryDelaysMs: [20, 20] });
  });
  useSeededDatabase({ label: "jiraevents", seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    forgetWebhookSecrets();
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    config = (await getJiraConfig({ orgId }))!;
    boardId = (await listBoards(config))[0]!.id;
    estimationField = await getEstimationField(config, boardId);
  });
  afterAll(async () => {
    await jira.close();
    await bosun.close();
  });

  it("a sprint started with no page view gets its start snapshot from the webhook, at the moment it started", async () => {
    // The board's running sprint closes first (one active sprint per board), then the next one starts.
    const [running] = await sprintIn("active");
    if (running) await update(running.id, { state: "closed" });
    const [next] = await sprintIn("future");
    const startDate = new Date(Date.now() - 60_000).toISOString();
    const endDate = new Date(Date.now() + 13 * 86_400_000).toISOString();
    await update(next!.id, { state: "active", startDate, endDate });
    const expected = await committed(next!.id);
    await deliverAndProcess();

    const [sent] = await sentBodies("sprint_started");
    expect(sent).toMatchObject({ status: 202, headers: { "X-Hub-Signature": expect.stringMatching(/^sha256=/) } });
    const at = new Date((JSON.parse(sent!.body) as { timestamp: number }).timestamp);
    const snapshot = await db.sprintSnapshot.findFirstOrThrow({ where: { orgId, sprintId: next!.id, kind: "start" } });
    expect(snapshot).toMatchObject({ origin: "webhook", takenAt: at, committedPoints: expected, delaySeconds: null });
    expect(expected).toBeGreaterThan(0);
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { orgId, source: "jira", eventType: "sprint_started" },
    });
    expect(delivery).toMatchObject({ status: "processed", processedAt: expect.any(Date) });
    if (running) {
      const closed = await db.sprintSnapshot.findFirstOrThrow({
        where: { orgId, sprintId: running.id, kind: "close" },
      });
      expect(closed.origin).toBe("webhook");
    }
  });

  it("an issue moved into the running sprint is a scope change of that day; a redelivery records nothing new", async () => {
    const [active] = await sprintIn("active");
    const [outside] = await searchWorkItems(
      config,
      `project = ${(await listBoards(config))[0]!.projectKey} AND sprint is EMPTY`,
      estimationField,
    );
    movedIn = outside!;
    await createJiraClients(config).agile.sprint.moveIssuesToSprintAndRank({
      sprintId: active!.id,
      issues: [outside!.key],
    });
    await deliverAndProcess();
    const changes = await db.sprintScopeChange.findMany({ where: { orgId, sprintId: active!.id } });
    expect(changes).toEqual([
      expect.objectContaining({ issueKey: outside!.key, kind: "added", points: outside!.points }),
    ]);
    expect(await sumScopeChangesByDay({ orgId, sprintId: active!.id })).toEqual([
      { day: changes[0]!.occurredAt.toISOString().slice(0, 10), kind: "added", count: 1, points: outside!.points ?? 0 },
    ]);

    // Jira retries with the same identifier: the intake answers "duplicate" and nothing new is recorded.
    const [sent] = (await sentBodies("jira:issue_updated")).slice(-1);
    const again = await fetch(`${bosun.url}/api/webhooks/jira/acme`, {
      method: "POST",
      headers: { ...sent!.headers, "X-Atlassian-Webhook-Retry": "1" },
      body: sent!.body,
    });
    expect(await again.json()).toMatchObject({ status: "duplicate" });
    await deliverAndProcess();
    expect(await db.sprintScopeChange.count({ where: { orgId, sprintId: active!.id } })).toBe(1);
  });

  it("when Jira's webhooks are dropped, the reconciliation pass records the close and the start, late", async () => {
    const [running] = await sprintIn("active");
    await fetch(`${jira.url}/__emulator/webhooks/faults`, { method: "PUT", body: JSON.stringify({ drop: true }) });
    try {
      await update(running!.id, { state: "closed" });
      const next = await createJiraClients(config).agile.sprint.createSprint({
        name: "ACME late sprint",
        originBoardId: boardId,
      });
      await createJiraClients(config).agile.sprint.moveIssuesToSprintAndRank({
        sprintId: next.id!,
        issues: (await searchWorkItems(config, "sprint is EMPTY", estimationField)).slice(0, 3).map((i) => i.key),
      });
      const startDate = new Date(Date.now() - 3_600_000).toISOString();
      await update(next.id!, { state: "active", startDate, endDate: new Date(Date.now() + 86_400_000).toISOString() });
      const atStart = await committed(next.id!);
      await deliverAndProcess();
      expect(await db.sprintSnapshot.count({ where: { orgId, sprintId: next.id! } })).toBe(0);

      // Webhooks come back; an issue joins the sprint after its start, and Bosun records that change.
      await fetch(`${jira.url}/__emulator/webhooks/faults`, { method: "DELETE" });
      const [late] = await searchWorkItems(config, "sprint is EMPTY AND cf[10016] > 0", estimationField);
      await createJiraClients(config).agile.sprint.moveIssuesToSprintAndRank({
        sprintId: next.id!,
        issues: [late!.key],
      });
      await deliverAndProcess();
      expect(await committed(next.id!)).toBeGreaterThan(atStart);

      const later = new Date(Date.now() + 17 * 60_000);
      expect(await reconcileSprints({ orgId, now: later })).toBeGreaterThanOrEqual(2);
      const start = await db.sprintSnapshot.findFirstOrThrow({ where: { orgId, sprintId: next.id!, kind: "start" } });
      // Committed at the start: the sprint as it is, with the change recorded since the start undone.
      expect(start).toMatchObject({ origin: "reconciled", takenAt: new Date(startDate), committedPoints: atStart });
      expect(start.issues).toMatchObject({ rebuiltFrom: "scope-changes" });
      expect((start.issues as { items: { key: string }[] }).items.map((i) => i.key)).not.toContain(late!.key);
      expect(start.delaySeconds).toBeGreaterThanOrEqual(3_600 + 17 * 60 - 5);
      const close = await db.sprintSnapshot.findFirstOrThrow({
        where: { orgId, sprintId: running!.id, kind: "close" },
      });
      expect(close.origin).toBe("reconciled");
      expect(close.delaySeconds).toBeGreaterThan(17 * 60 - 5);
      // The close was measured against the start the webhook recorded: the issue moved in then counts as added.
      expect(close.addedPoints).toBe(movedIn.points ?? 0);

      // A second pass in the same state records nothing more.
      expect(await reconcileSprints({ orgId, now: later })).toBe(0);
    } finally {
      await fetch(`${jira.url}/__emulator/webhooks/faults`, { method: "DELETE" });
    }
  });
});
