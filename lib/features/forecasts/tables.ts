import "server-only";
import { describeAssumptions, type Forecast } from "@/lib/domain/forecast";
import type { ExportCell, ExportTable } from "@/lib/domain/tables/export";
import { readCacheEntry } from "@/lib/db/queries/cache";
import type { JiraBoard } from "@/lib/integrations/jira";
import type { BoardSetup } from "@/lib/integrations/jira/reads";
import type { InsightTableLoader } from "@/lib/features/insights/table-loader";
import { forecastRows, type ForecastRow } from "./forecast-rows";
import { readStoredOpenWork } from "./open-work";
import { loadThroughput } from "./throughput";

const day = (date: Date) => date.toISOString().slice(0, 10);

async function storedValue<T>(orgId: string, key: string): Promise<T | null> {
  const entry = await readCacheEntry({ orgId, key });
  return entry?.changed ? (entry.value as T) : null;
}

/** One row's forecast as export cells: empty when it cannot be forecast, "now" when nothing remains. */
export function forecastCells(forecast: Forecast): Record<string, ExportCell> {
  if (forecast.status === "ok")
    return {
      unit: forecast.assumptions.unit,
      p50Sprint: forecast.p50.sprints,
      p50Date: day(forecast.p50.date),
      p85Sprint: forecast.p85.sprints,
      p85Date: day(forecast.p85.date),
      p95Sprint: forecast.p95.sprints,
      p95Date: day(forecast.p95.date),
      note: null,
    };
  return { note: forecast.status === "done" ? "Done: nothing remains" : forecast.reason };
}

const COLUMNS = [
  { key: "key", label: "Key" },
  { key: "name", label: "Name" },
  { key: "points", label: "Remaining points" },
  { key: "issues", label: "Remaining issues" },
  { key: "unestimated", label: "Unestimated issues" },
  { key: "unit", label: "Counted in" },
  { key: "p50Sprint", label: "P50 sprint" },
  { key: "p50Date", label: "P50 date" },
  { key: "p85Sprint", label: "P85 sprint" },
  { key: "p85Date", label: "P85 date" },
  { key: "p95Sprint", label: "P95 sprint" },
  { key: "p95Date", label: "P95 date" },
  { key: "note", label: "Note" },
];

const toRow = (row: ForecastRow): Record<string, ExportCell> => ({
  key: row.key,
  name: row.name,
  points: row.remaining.points,
  issues: row.remaining.issues,
  unestimated: row.remaining.unestimatedIssues,
  ...forecastCells(row.forecast),
});

/**
 * The forecasts of a board from what Bosun stored: the last cached Jira reads of its boards, sprints and open work,
 * and its close snapshots. Null when the board is not one this org has read (another org's board included).
 */
async function storedForecasts({ orgId, params, now }: Parameters<InsightTableLoader>[0]) {
  const boards = (await storedValue<JiraBoard[]>(orgId, "jira:boards")) ?? [];
  const requested = params.get("board");
  const board = requested ? boards.find((b) => String(b.id) === requested) : boards[0];
  if (!board) return null;
  const [setup, work, history] = await Promise.all([
    storedValue<BoardSetup>(orgId, `jira:board:${board.id}:setup`),
    readStoredOpenWork({ orgId, boardId: board.id }),
    loadThroughput({ orgId, boardId: board.id }),
  ]);
  const active = setup?.sprints.find((s) => s.state === "active");
  const rows = forecastRows(work?.value ?? { issues: [], unreleasedVersions: [] }, {
    history,
    activeSprintEnd: active?.endDate ? new Date(active.endDate) : null,
    now,
  });
  const sample = [...rows.epics, ...rows.versions].find((r) => r.forecast.status === "ok")?.forecast;
  const notes = [
    `Board ${board.name}. Open work as Jira answered on ${work ? work.fetchedAt.toISOString() : "no read yet"} (Bosun's cache); throughput from ${history.length} close snapshot(s) in Bosun.`,
    ...(sample?.status === "ok" ? describeAssumptions(sample.assumptions) : []),
    "Issues with no epic or no unreleased fixVersion are left out; epics are counted by their open child issues.",
  ];
  return { board, rows, notes };
}

export const forecastTables: Record<string, InsightTableLoader> = {
  "forecast-epics": async (input) => {
    const stored = await storedForecasts(input);
    if (!stored) return null;
    const table: ExportTable = {
      id: "forecast-epics",
      title: `Epic forecasts — ${stored.board.name}`,
      columns: COLUMNS,
      rows: stored.rows.epics.map(toRow),
      notes: stored.notes,
    };
    return table;
  },
  "forecast-versions": async (input) => {
    const stored = await storedForecasts(input);
    if (!stored) return null;
    return {
      id: "forecast-versions",
      title: `fixVersion forecasts — ${stored.board.name}`,
      columns: COLUMNS,
      rows: stored.rows.versions.map(toRow),
      notes: stored.notes,
    };
  },
};
