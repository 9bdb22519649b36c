import "server-only";
import type { ExportTable } from "@/lib/domain/tables/export";
import { listReportBoards, type ReportBoard } from "@/lib/features/sprint-reports";
import { findInsightTable } from "./tables";

/** The tables of the printable report, in reading order: delivery, then the board's sprints, quality and forecasts. */
export const REPORT_TABLES = [
  "dora-summary",
  "sprint-trends",
  "quality-sprints",
  "quality-releases",
  "forecast-epics",
  "forecast-versions",
] as const;

export type InsightsReport = {
  boards: ReportBoard[];
  board: ReportBoard | null;
  days: number;
  environment: string;
  tables: ExportTable[];
  /** Tables with nothing to show yet (no history, or the source not connected), by id. */
  missing: string[];
};

const DAYS = [30, 90, 180];

/**
 * One report of everything Insights knows for a board and a window, for printing or saving as PDF: the same
 * tables the exports serve, so the paper and the files agree. Reads stored history only.
 */
export async function loadInsightsReport({
  orgId,
  orgSlug,
  query,
  now = new Date(),
}: {
  orgId: string;
  orgSlug: string;
  query: { board?: string; days?: string; environment?: string };
  now?: Date;
}): Promise<InsightsReport> {
  const boards = await listReportBoards({ orgId });
  const board = boards.find((b) => String(b.id) === query.board) ?? boards[0] ?? null;
  const days = DAYS.includes(Number(query.days)) ? Number(query.days) : 90;
  const environment = query.environment?.trim().slice(0, 64) || "production";
  const params = new URLSearchParams({ days: String(days), environment });
  if (board) params.set("board", String(board.id));
  const loaded = await Promise.all(
    REPORT_TABLES.map(async (id) => ({ id, table: await findInsightTable(id)!({ orgId, orgSlug, params, now }) })),
  );
  return {
    boards,
    board,
    days,
    environment,
    tables: loaded.flatMap(({ table }) => (table ? [table] : [])),
    missing: loaded.filter(({ table }) => !table).map(({ id }) => id),
  };
}
