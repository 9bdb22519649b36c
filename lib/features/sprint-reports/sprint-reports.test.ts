import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingProxy } from "@/test/counting-proxy";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import { STATUS_IDS, STATUSES } from "@/emulators/jira/reference";
import { db } from "@/lib/db/client";
import { recordScopeChanges } from "@/lib/db/queries/sprint-scope";
import { saveSnapshot } from "@/lib/db/queries/sprint-snapshots";
import { BACKFILL_SPRINTS, SPRINT_HISTORY_QUEUE, backfillSprintHistory } from "./history";
import { loadSprintReport, loadSprintTrends } from "./load";
import { sprintReportTables } from "./tables";

/**
 * The sprint reports against the Jira emulator, through a proxy that counts upstream requests: the history
 * backfill, page views that read only PostgreSQL, the burndown recomputed independently from the emulator's
 * changelog, carryover reasons from the emulator's statuses, and the org boundary.
 */
describe("sprint reports", () => {
  let jira: JiraEmulator;
  let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
  let orgId: string;
  let globexId: string;
  const DAY_MS = 86_400_000;
  const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
    proxy = await startCountingProxy(jira.url);
  });
  useSeededDatabase({
    label: "sprint-reports",
    seed: () => ({ urls: { jira: proxy.url, sentry: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globexId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
  });
  afterAll(async () => {
    await proxy.close();
    await jira.close();
  });

  const site = () => jira.store().sites.get("acme")!.data;

  it("asks for the history on first need and says it is filling, without reading Jira", async () => {
    proxy.reset();
    const page = await loadSprintTrends({ orgId });
    expect(page).toMatchObject({ status: "ok", history: { filling: true }, sprints: [] });
    expect(proxy.count()).toBe(0);
    expect(await db.job.count({ where: { orgId, queue: SPRINT_HISTORY_QUEUE } })).toBe(1);
    // A second view finds the job already asked for.
    await loadSprintTrends({ orgId });
    expect(await db.job.count({ where: { orgId, queue: SPRINT_HISTORY_QUEUE } })).toBe(1);
  });

  it("backfills every closed sprint of every board up to 26, once, and a second run reads nothing", async () => {
    proxy.reset();
    const first = await backfillSprintHistory({ orgId, now: new Date() });
    const closedPerBoard = site().boards.map(
      (board) => site().sprints.filter((s) => s.originBoardId === board.id && s.state === "closed").length,
    );
    const expected = closedPerBoard.reduce((total, count) => total + Math.min(BACKFILL_SPRINTS, count), 0);
    expect(first).toMatchObject({ boards: site().boards.length, sprints: expected, recorded: expected });
    expect(await db.sprintSnapshot.count({ where: { orgId, kind: "close", origin: "backfill" } })).toBe(expected);
    // The board list, each board's setup (estimation field and sprints), one search per sprint.
    expect(proxy.count()).toBeLessThanOrEqual(1 + 2 * site().boards.length + expected);
    const done = await db.historyBackfill.findUniqueOrThrow({
      where: { orgId_source: { orgId, source: "jira-sprints" } },
    });
    expect(done.completedAt).not.toBeNull();
    expect(done.reachedBack?.getTime()).toBe(
      Math.min(
        ...site()
          .sprints.filter((s) => s.state === "closed")
          .map((s) => s.startDate!),
      ),
    );

    proxy.reset();
    const second = await backfillSprintHistory({ orgId, now: new Date() });
    expect(second.recorded).toBe(0);
    expect(proxy.count()).toBe(0);
    expect(await db.sprintSnapshot.count({ where: { orgId, kind: "close" } })).toBe(expected);
  });

  it("shows the trends from PostgreSQL alone once the history exists", async () => {
    proxy.reset();
    const page = await loadSprintTrends({ orgId });
    if (page.status !== "ok" || !page.board) throw new Error("no board");
    expect(proxy.count()).toBe(0);
    expect(page.history.filling).toBe(false);
    const closed = site().sprints.filter((s) => s.originBoardId === page.board!.id && s.state === "closed");
    expect(page.trends.rows).toHaveLength(Math.min(BACKFILL_SPRINTS, closed.length));
    expect(page.trends.backfilledSprints).toBe(page.trends.rows.length);
    expect(page.trends.interruptRate).toBeNull();
    expect(page.trends.rows.map((r) => r.sprintId)).toEqual(closed.map((s) => s.id).slice(-BACKFILL_SPRINTS));
  });

  it("burns a backfilled sprint down exactly as a day-by-day replay of the emulator's changelog", async () => {
    const board = site().boards[0]!;
    let burned = 0;
    for (const sprint of site().sprints.filter((s) => s.originBoardId === board.id && s.state === "closed")) {
      const page = await loadSprintReport({ orgId, boardId: board.id, sprintId: sprint.id });
      if (page.status !== "ok") throw new Error(`sprint ${sprint.id}: ${page.status}`);

      // Independently: when each of the sprint's issues moved into Done, from the changelog.
      const doneAt = new Map<number, number>();
      for (const history of site().changeHistories)
        for (const item of history.items)
          if (item.fieldId === "status" && item.to === STATUS_IDS.done) doneAt.set(history.issueId, history.created);
      const start = sprint.startDate!;
      const close = sprint.completeDate!;
      const issues = site().issues.filter((issue) => issue.sprintIds.includes(sprint.id));
      const inScope = issues.filter((issue) => !(doneAt.has(issue.id) && doneAt.get(issue.id)! < start));
      const scope = inScope.reduce((total, issue) => total + (issue.storyPoints ?? 0), 0);
      const expected = [];
      for (let ms = Date.parse(`${utcDay(start)}T00:00:00Z`); ms <= close; ms += DAY_MS) {
        const endOfDay = ms + DAY_MS;
        const completed = inScope
          .filter((issue) => {
            const at = doneAt.get(issue.id);
            return at !== undefined && at <= close + DAY_MS && Math.min(at, close) < endOfDay;
          })
          .reduce((total, issue) => total + (issue.storyPoints ?? 0), 0);
        expected.push({ day: utcDay(ms), scope: round(scope), completed: round(completed) });
      }
      const { burn } = page.sprint.report;
      expect(burn.basis).toBe("backfilled");
      expect(burn.unplacedChanges).toBe(0);
      expect(burn.days.map(({ day, scope, completed }) => ({ day, scope, completed }))).toEqual(expected);
      burned += new Set(expected.map((d) => d.completed)).size - 1;
    }
    // The comparison is not trivially of flat lines: work burned on many days.
    expect(burned).toBeGreaterThan(10);
  });

  it("gives each unfinished issue its reason from its status", async () => {
    const board = site().boards[0]!;
    const last = site()
      .sprints.filter((s) => s.originBoardId === board.id && s.state === "closed")
      .at(-1)!;
    const page = await loadSprintReport({ orgId, boardId: board.id });
    if (page.status !== "ok") throw new Error(page.status);
    expect(page.sprint.sprintId).toBe(last.id);
    const byKey = new Map(site().issues.map((issue) => [issue.key, issue]));
    for (const item of page.sprint.report.carryover) {
      const issue = byKey.get(item.key)!;
      const status = STATUSES.find((s) => s.id === issue.statusId)!;
      expect(item.status).toBe(status.name);
      const expected =
        status.category === "done"
          ? "finished-later"
          : status.category === "new"
            ? "not-started"
            : status.name === "In Review"
              ? "in-review"
              : item.reason === "blocked"
                ? "blocked"
                : "in-progress";
      expect(item.reason, item.key).toBe(expected);
    }
    expect(page.sprint.report.carryover.length).toBeGreaterThan(0);
    expect(page.history.sprints).toBe(page.previous.length);
  });

  it("reports a tracked running sprint so far from its start snapshot and recorded scope changes", async () => {
    const board = site().boards[0]!;
    const active = site().sprints.find((s) => s.originBoardId === board.id && s.state === "active")!;
    const items = [
      { key: "TRK-1", points: 5, assigneeAccountId: null, statusCategory: "new", component: null, status: "To Do" },
      { key: "TRK-2", points: 3, assigneeAccountId: null, statusCategory: "new", component: null, status: "To Do" },
    ];
    await saveSnapshot({
      orgId,
      boardId: board.id,
      sprintId: active.id,
      sprintName: active.name,
      kind: "start",
      takenAt: new Date(active.startDate!),
      sprintStart: new Date(active.startDate!),
      sprintEnd: new Date(active.endDate!),
      committedPoints: 8,
      completedPoints: 0,
      addedPoints: 0,
      removedPoints: 0,
      issues: { source: "observed", items },
      origin: "webhook",
    });
    await db.sprintSnapshot.updateMany({
      where: { orgId, sprintId: active.id, kind: "start" },
      data: { plannedCapacity: 16 },
    });
    const at = (hours: number) => new Date(active.startDate! + hours * 3_600_000).toISOString();
    const change = (issueKey: string, kind: "added" | "completed", hours: number, points: number) => ({
      sprintId: active.id,
      issueKey,
      kind,
      points,
      previousPoints: null,
      occurredAt: at(hours),
      day: at(hours).slice(0, 10),
      sourceKey: `test:${issueKey}:${kind}`,
    });
    await recordScopeChanges({
      orgId,
      changes: [change("TRK-1", "completed", 26, 5), change("TRK-9", "added", 30, 2)],
    });
    const page = await loadSprintReport({ orgId, boardId: board.id, sprintId: active.id, now: new Date(at(50)) });
    if (page.status !== "ok") throw new Error(page.status);
    expect(page.sprint.state).toBe("active");
    expect(page.sprint.report.burn).toMatchObject({ basis: "tracked", runsTo: "now" });
    expect(page.sprint.report.figures).toMatchObject({
      committedPoints: 8,
      completedPoints: 5,
      addedPoints: 2,
      interruptRate: 0.25,
      carryoverIssues: 2,
    });
    expect(page.sprint.report.capacity).toMatchObject({ known: true, ratio: 0.313 });
    expect(page.sprint.report.burn.days.at(-1)).toMatchObject({ scope: 10, completed: 5, remaining: 5 });
  });

  it("keeps every org to its own boards and sprints, on the page and in the exports", async () => {
    const board = site().boards[0]!;
    const sprint = site().sprints.find((s) => s.originBoardId === board.id && s.state === "closed")!;
    expect(await loadSprintReport({ orgId: globexId, boardId: board.id, sprintId: sprint.id })).toEqual({
      status: "not-found",
    });
    expect(await loadSprintTrends({ orgId: globexId, boardId: board.id })).toEqual({ status: "not-found" });
    expect(await loadSprintReport({ orgId, boardId: board.id, sprintId: 999_999 })).toEqual({ status: "not-found" });
    const params = new URLSearchParams({ board: String(board.id), sprint: String(sprint.id) });
    const input = { orgSlug: "globex", params, now: new Date() };
    for (const loader of Object.values(sprintReportTables))
      expect(await loader({ ...input, orgId: globexId })).toBeNull();
    const own = await sprintReportTables["sprint-report-days"]!({ ...input, orgSlug: "acme", orgId });
    expect(own?.rows.length).toBeGreaterThan(0);
    const trends = await sprintReportTables["sprint-trends"]!({ ...input, orgSlug: "acme", orgId });
    expect(trends?.rows.length).toBeGreaterThan(0);
  });
});

const round = (value: number) => Math.round(value * 10) / 10;
