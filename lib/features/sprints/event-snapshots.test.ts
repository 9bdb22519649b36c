import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { backfillSprintHistory } from "@/lib/features/sprint-reports";
import { capacities } from "./team-capacity";
import { loadBoardContext } from "./board-context";
import { snapshotFromSprintEvent } from "./event-snapshots";
import { reconcileSprints } from "./reconcile";

/**
 * A sprint's start snapshot from Jira's sprint_started event records the capacity the team starts with, from the
 * database alone (the team's availability and the board's closed sprints), for the sprint report's capacity accuracy.
 */
describe("start snapshot from a webhook: planned capacity", () => {
  let jira: JiraEmulator;
  let orgId: string;

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({
    label: "event-capacity",
    seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterAll(async () => {
    await jira.close();
  });

  it("records the team's capacity over the sprint at the board's focus factor, as the dashboard would compute it", async () => {
    await backfillSprintHistory({ orgId, now: new Date() });
    const site = jira.store().sites.get("acme")!.data;
    const board = site.boards[0]!;
    const active = site.sprints.find((s) => s.originBoardId === board.id && s.state === "active")!;
    const sprint = {
      id: active.id,
      name: active.name,
      state: "active" as const,
      startDate: new Date(active.startDate!).toISOString(),
      endDate: new Date(active.endDate!).toISOString(),
      completeDate: null,
      originBoardId: board.id,
    };
    const outcome = await snapshotFromSprintEvent({
      orgId,
      event: { type: "jira.sprint", action: "started", at: sprint.startDate, sprint },
    });
    expect(outcome.status).toBe("processed");
    const start = await db.sprintSnapshot.findFirstOrThrow({ where: { orgId, sprintId: active.id, kind: "start" } });
    expect(start.origin).toBe("webhook");
    expect(start.plannedCapacity).toBeGreaterThan(0);

    // The dashboard's own figures for the same sprint give the same capacity, and a page load keeps the first one.
    const context = await loadBoardContext({ orgId, boardId: board.id });
    if (context.status !== "ok") throw new Error(context.status);
    const dashboard = capacities(context.team, sprint, context.focusFactor).reduce((t, p) => t + p.capacityPoints, 0);
    expect(start.plannedCapacity).toBeCloseTo(dashboard, 0);
    const after = await db.sprintSnapshot.findFirstOrThrow({ where: { orgId, sprintId: active.id, kind: "start" } });
    expect(after.plannedCapacity).toBe(start.plannedCapacity);
  });

  it("records it on a start the reconciliation pass finds late, too", async () => {
    const site = jira.store().sites.get("acme")!.data;
    const board = site.boards[0]!;
    const active = site.sprints.find((s) => s.originBoardId === board.id && s.state === "active")!;
    await db.sprintSnapshot.deleteMany({ where: { orgId, sprintId: active.id, kind: "start" } });
    await reconcileSprints({ orgId, now: new Date() });
    const start = await db.sprintSnapshot.findFirstOrThrow({ where: { orgId, sprintId: active.id, kind: "start" } });
    expect(start.origin).toBe("reconciled");
    expect(start.plannedCapacity).toBeGreaterThan(0);
  });
});
