import "server-only";
import { CARRYOVER_REASON_LABELS } from "@/lib/domain/sprint-report";
import type { ExportTable } from "@/lib/domain/tables/export";
import type { InsightTableLoader } from "@/lib/features/insights/table-loader";
import { listReportBoards, loadBoardReports, loadSprintReport, REPORT_TIME_ZONE, trendsOf } from "./load";

/**
 * The sprint reports' tables as exports (CSV / Markdown), from stored history only, filtered as the page is:
 * `board` (and `sprint` for one sprint's tables). An unknown board or sprint, or another org's, is a 404.
 */
const idParam = (params: URLSearchParams, name: string): number | undefined | null => {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
};
const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

const sprintTrendsTable: InsightTableLoader = async ({ orgId, params, now }) => {
  const boardId = idParam(params, "board");
  const boards = await listReportBoards({ orgId });
  const board = boardId === undefined ? boards[0] : boards.find((b) => b.id === boardId);
  if (!board) return null;
  const trends = trendsOf(await loadBoardReports({ orgId, boardId: board.id, now }));
  return {
    id: "sprint-trends",
    title: `Sprint trends: ${board.name}`,
    columns: [
      { key: "sprint", label: "Sprint" },
      { key: "started", label: "Started" },
      { key: "closed", label: "Closed" },
      { key: "basis", label: "Basis" },
      { key: "committed", label: "Committed (points)" },
      { key: "completed", label: "Completed (points)" },
      { key: "planning", label: "Planning accuracy (%)" },
      { key: "interrupt", label: "Interrupt rate (%)" },
      { key: "carryoverPoints", label: "Carryover (points)" },
      { key: "carryoverIssues", label: "Carryover (issues)" },
    ],
    rows: trends.rows.map((row) => ({
      sprint: row.name,
      started: row.startDate.slice(0, 10),
      closed: row.completeDate?.slice(0, 10) ?? null,
      basis: row.basis,
      committed: row.committedPoints,
      completed: row.completedPoints,
      planning: percent(row.planningAccuracy),
      interrupt: percent(row.interruptRate),
      carryoverPoints: row.carryoverPoints,
      carryoverIssues: row.carryoverIssues,
    })),
    notes: [
      "From Bosun's sprint snapshots and the scope changes recorded from Jira's webhooks.",
      `Interrupt rate: tracked sprints only; ${trends.backfilledSprints} backfilled sprint(s) left out (their additions are unknown).`,
      "Planning accuracy of a backfilled sprint is measured against its issues at the close.",
    ],
  } satisfies ExportTable;
};

/** One sprint's report for a table: null when the board or sprint is unknown here. */
async function reportFor({ orgId, params, now }: Parameters<InsightTableLoader>[0]) {
  const boardId = idParam(params, "board");
  const sprintId = idParam(params, "sprint");
  if (boardId === null || boardId === undefined || sprintId === null) return null;
  const page = await loadSprintReport({ orgId, boardId, sprintId, now });
  return page.status === "ok" ? page : null;
}

const sprintDaysTable: InsightTableLoader = async (input) => {
  const page = await reportFor(input);
  if (!page) return null;
  const { burn } = page.sprint.report;
  return {
    id: "sprint-report-days",
    title: `Burndown and burnup by day: ${page.sprint.name}`,
    columns: [
      { key: "day", label: `Day (${REPORT_TIME_ZONE})` },
      { key: "scope", label: "Scope (points)" },
      { key: "completed", label: "Completed (points)" },
      { key: "remaining", label: "Remaining (points)" },
      { key: "ideal", label: "Guideline (points)" },
      { key: "added", label: "Added" },
      { key: "removed", label: "Removed" },
      { key: "estimated", label: "Re-estimated" },
    ],
    rows: burn.days.map((d) => ({ ...d })),
    notes: [
      burn.basis === "tracked"
        ? "Tracked: committed at the start snapshot; scope changes from Jira's webhooks, on the day they happened."
        : "Backfilled from issues — no scope changes known: the issues at the close stand for the commitment, burned on their resolution day.",
      ...(burn.unplacedChanges > 0
        ? [`${burn.unplacedChanges} change(s) seen only at the close were placed on the last day.`]
        : []),
    ],
  } satisfies ExportTable;
};

const sprintCarryoverTable: InsightTableLoader = async (input) => {
  const page = await reportFor(input);
  if (!page) return null;
  return {
    id: "sprint-carryover",
    title: `Carryover: ${page.sprint.name}`,
    columns: [
      { key: "key", label: "Issue" },
      { key: "type", label: "Type" },
      { key: "status", label: "Status" },
      { key: "points", label: "Points" },
      { key: "reason", label: "Reason" },
    ],
    rows: page.sprint.report.carryover.map((item) => ({
      key: item.key,
      type: item.issueType,
      status: item.status,
      points: item.points,
      reason: CARRYOVER_REASON_LABELS[item.reason],
    })),
    notes: ["Status as the close snapshot recorded it; blocked means blocked by an issue not done."],
  } satisfies ExportTable;
};

export const sprintReportTables: Record<string, InsightTableLoader> = {
  "sprint-trends": sprintTrendsTable,
  "sprint-report-days": sprintDaysTable,
  "sprint-carryover": sprintCarryoverTable,
};
